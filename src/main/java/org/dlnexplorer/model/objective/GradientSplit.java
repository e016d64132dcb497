package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.parallel.CorePair;

/**
 * {@link Objective}'s gradient pass in chunks for two cores, into Objective's own workspaces.
 * <ul>
 * <li>The two chains split by columns (n_0 in two blocks), with no exchange between the blocks: column j of
 * P_ℓ = W_ℓ P_{ℓ−1} needs only column j of P_{ℓ−1}, and column j of G_{ℓ−1} = W_ℓᵀ G_ℓ only column j of G_ℓ.
 * With whitened inputs (E = W_eff − T) a block runs its forward chain, its part of E and its backward chain
 * in one chunk; otherwise E = (W_eff − T) Σxx needs all of W_eff, so the forward blocks are one phase and
 * E with the backward blocks the next.</li>
 * <li>Then the products ∂ℒ/∂W_ℓ = G_ℓ P_{ℓ−1}ᵀ (ℓ = L … 2, independent of each other) by halves of their
 * rows, and ∂ℒ/∂W_1 = G_1.</li>
 * </ul>
 * Every entry is computed by the same operations in the same order as in the one-thread pass (the kernels are
 * chosen on the whole products; a block of columns or rows changes only which entries a call computes), so
 * the result is bit for bit the one-thread result, whichever thread runs which chunk.
 */
final class GradientSplit implements CorePair.Job {
    /**
     * Multiply-adds of one gradient (3 products per layer above the first) from which the split pays.
     * Measured on 2 cores (AVX2): TODO
     */
    static final long MIN_WORK = 400_000;

    private final Network net;
    private final int depth, n0, nL;
    private final boolean whitened;
    private final double[][] pre, back;
    private final double[] diffF, errF, targetData, sigmaXXData;
    private final int[] blockStart;          // the two column blocks: [blockStart[b], blockStart[b + 1])
    private final int columnChunks;          // 2 (whitened) or 4 (forward blocks, then E and backward blocks)
    private final int[] gradLayer, gradRow0, gradRow1;   // the gradient chunks after the column chunks
    private double[] theta, out;
    private boolean flow;

    GradientSplit(Network net, boolean whitened, double[][] pre, double[][] back, double[] diffF, double[] errF,
                  double[] targetData, double[] sigmaXXData) {
        this.net = net;
        this.depth = net.depth();
        this.n0 = net.inputDim();
        this.nL = net.outputDim();
        this.whitened = whitened;
        this.pre = pre;
        this.back = back;
        this.diffF = diffF;
        this.errF = errF;
        this.targetData = targetData;
        this.sigmaXXData = sigmaXXData;
        this.blockStart = new int[] {0, n0 / 2, n0};
        this.columnChunks = whitened ? 2 : 4;
        int count = 1;
        for (int l = depth; l >= 2; l--) count += net.rows(l) >= 2 ? 2 : 1;
        gradLayer = new int[count];
        gradRow0 = new int[count];
        gradRow1 = new int[count];
        int c = 0;
        for (int l = depth; l >= 2; l--) {
            int rows = net.rows(l), half = rows / 2;
            if (half > 0) c = add(c, l, 0, half);
            c = add(c, l, half, rows);
        }
        add(c, 1, 0, net.rows(1));
    }

    private int add(int c, int layer, int row0, int row1) {
        gradLayer[c] = layer;
        gradRow0[c] = row0;
        gradRow1[c] = row1;
        return c + 1;
    }

    /** whether a network this size gains from the split: depth ≥ 2, n_0 ≥ 2, at least minWork multiply-adds */
    static boolean pays(Network net, long minWork) {
        if (net.depth() < 2 || net.inputDim() < 2) return false;
        long work = 0;
        for (int l = 2; l <= net.depth(); l++) work += 3L * net.rows(l) * net.cols(l) * net.inputDim();
        return work >= minWork;
    }

    /** the gradient pass on both cores: out_ℓ = scale_ℓ ∂ℒ/∂W_ℓ (scale −η_ℓ for the flow, else 1) */
    void run(CorePair pair, double[] theta, double[] out, boolean flow) {
        this.theta = theta;
        this.out = out;
        this.flow = flow;
        try {
            pair.run(this);
        } finally {
            this.theta = null;
            this.out = null;
        }
    }

    @Override
    public int chunks() { return columnChunks + gradLayer.length; }

    @Override
    public int phaseStart(int chunk) {
        if (chunk >= columnChunks) return columnChunks;
        return whitened ? 0 : chunk & ~1;
    }

    @Override
    public void run(int chunk) {
        if (chunk < columnChunks) {
            int b = chunk & 1, j0 = blockStart[b], j1 = blockStart[b + 1];
            if (whitened || chunk < 2) forward(j0, j1);
            if (whitened || chunk >= 2) backward(j0, j1);
        } else {
            gradient(chunk - columnChunks);
        }
    }

    /** columns j0 … j1−1 of P_ℓ = W_ℓ P_{ℓ−1} (ℓ = 2 … L) and of W_eff − T */
    private void forward(int j0, int j1) {
        double[] prevArr = theta;
        int prevOff = net.offset(1);
        for (int l = 2; l <= depth; l++) {
            Kernels.multColumns(1.0, theta, net.offset(l), prevArr, prevOff, pre[l], 0, net.rows(l), net.cols(l), n0,
                    j0, j1);
            prevArr = pre[l];
            prevOff = 0;
        }
        double[] weff = pre[depth], t = targetData;
        for (int r = 0; r < nL; r++)
            for (int i = r * n0 + j0, end = r * n0 + j1; i < end; i++) diffF[i] = weff[i] - t[i];
    }

    /** columns j0 … j1−1 of E (unless whitened: E = W_eff − T) and of G_{ℓ−1} = W_ℓᵀ G_ℓ (ℓ = L … 2, G_L = E) */
    private void backward(int j0, int j1) {
        if (!whitened) Kernels.multColumns(1.0, diffF, 0, sigmaXXData, 0, errF, 0, nL, n0, n0, j0, j1);
        double[] g = errF;
        for (int l = depth; l >= 2; l--) {
            Kernels.multTransAColumns(1.0, theta, net.offset(l), g, 0, back[l - 1], 0, net.cols(l), net.rows(l), n0,
                    j0, j1);
            g = back[l - 1];
        }
    }

    /** rows row0 … row1−1 of out_ℓ = scale_ℓ G_ℓ P_{ℓ−1}ᵀ (P_0 = I) */
    private void gradient(int c) {
        int l = gradLayer[c], row0 = gradRow0[c], row1 = gradRow1[c];
        double alpha = flow ? -net.rate(l) : 1.0;
        double[] g = l == depth ? errF : back[l];
        int off = net.offset(l);
        if (l == 1) {
            for (int i = row0 * n0, end = row1 * n0; i < end; i++) out[off + i] = alpha * g[i];
            return;
        }
        int cols = net.cols(l);
        double[] pArr = l - 1 == 1 ? theta : pre[l - 1];
        int pOff = l - 1 == 1 ? net.offset(1) : 0;
        Kernels.multTransB(alpha, g, row0 * n0, pArr, pOff, out, off + row0 * cols, row1 - row0, n0, cols);
    }
}
