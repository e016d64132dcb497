package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.parallel.CorePair;

/**
 * {@link Objective}'s gradient pass in chunks for two cores, into Objective's own workspaces.
 * <ul>
 * <li>The two chains split by columns (n_0 in two blocks), with no exchange between the blocks: column j of
 * P_ℓ = W_ℓ P_{ℓ−1} needs only column j of P_{ℓ−1}, and column j of G_{ℓ−1} = W_ℓᵀ G_ℓ only column j of G_ℓ.
 * Each block runs in its own contiguous buffers (arrays are not aligned to cache lines: in shared matrices the
 * line at the block boundary of every row would be written by both threads), and one phase then merges the
 * blocks into the shared matrices, each thread half of the rows.
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
    private final int mergeEnd;              // the two merge chunks end here; the gradient chunks follow
    // each block's chains in its own contiguous buffers (row stride = block width), so that the two threads
    // never write the same cache line; merged into the shared matrices by rows before the gradient products
    private final double[][][] preBlock, backBlock;   // [block][ℓ]: P_ℓ and G_ℓ restricted to the block
    private final double[][] diffBlock, errBlock;     // [block]: W_eff − T and E restricted to the block
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
        this.mergeEnd = columnChunks + 2;
        preBlock = new double[2][depth + 1][];
        backBlock = new double[2][depth + 1][];
        diffBlock = new double[2][];
        errBlock = new double[2][];
        for (int b = 0; b < 2; b++) {
            int nb = blockStart[b + 1] - blockStart[b];
            for (int l = 2; l <= depth; l++) preBlock[b][l] = new double[net.rows(l) * nb];
            for (int l = 1; l < depth; l++) backBlock[b][l] = new double[net.rows(l) * nb];
            diffBlock[b] = new double[nL * nb];
            errBlock[b] = whitened ? diffBlock[b] : new double[nL * nb];
        }
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
    public int chunks() { return mergeEnd + gradLayer.length; }

    @Override
    public int phaseStart(int chunk) {
        if (chunk >= mergeEnd) return mergeEnd;
        if (chunk >= columnChunks) return columnChunks;
        return whitened ? 0 : chunk & ~1;
    }

    @Override
    public void run(int chunk) {
        if (chunk < columnChunks) {
            int b = chunk & 1;
            if (whitened || chunk < 2) forward(b);
            if (whitened || chunk >= 2) backward(b);
        } else if (chunk < mergeEnd) {
            merge(chunk - columnChunks);
        } else {
            gradient(chunk - mergeEnd);
        }
    }

    /** block b of P_ℓ = W_ℓ P_{ℓ−1} (ℓ = 2 … L, P_1 = W_1 read from θ) and of W_eff − T (also into the whole) */
    private void forward(int b) {
        int j0 = blockStart[b], nb = blockStart[b + 1] - j0;
        double[] prevArr = theta;
        int prevOff = net.offset(1) + j0, prevLd = n0;
        for (int l = 2; l <= depth; l++) {
            Kernels.multBlock(1.0, theta, net.offset(l), prevArr, prevOff, prevLd, preBlock[b][l], 0, nb, net.rows(l),
                    net.cols(l), n0, nb);
            prevArr = preBlock[b][l];
            prevOff = 0;
            prevLd = nb;
        }
        double[] weff = preBlock[b][depth], t = targetData, d = diffBlock[b];
        for (int r = 0; r < nL; r++)
            for (int jj = 0; jj < nb; jj++) d[r * nb + jj] = weff[r * nb + jj] - t[r * n0 + j0 + jj];
        // E = (W_eff − T) Σxx needs the whole of W_eff − T: the next phase reads it from diffF
        if (!whitened) for (int r = 0; r < nL; r++) System.arraycopy(d, r * nb, diffF, r * n0 + j0, nb);
    }

    /** block b of E (unless whitened: E = W_eff − T) and of G_{ℓ−1} = W_ℓᵀ G_ℓ (ℓ = L … 2, G_L = E) */
    private void backward(int b) {
        int j0 = blockStart[b], nb = blockStart[b + 1] - j0;
        if (!whitened) Kernels.multBlock(1.0, diffF, 0, sigmaXXData, j0, n0, errBlock[b], 0, nb, nL, n0, n0, nb);
        double[] g = errBlock[b];
        for (int l = depth; l >= 2; l--) {
            Kernels.multTransABlock(1.0, theta, net.offset(l), g, 0, nb, backBlock[b][l - 1], 0, nb, net.cols(l),
                    net.rows(l), n0, nb);
            g = backBlock[b][l - 1];
        }
    }

    /** half h of the rows of every P_ℓ, G_ℓ and of E (and W_eff − T) from the two blocks into the whole matrices */
    private void merge(int h) {
        for (int l = 2; l <= depth; l++) mergeRows(h, net.rows(l), preBlock[0][l], preBlock[1][l], pre[l]);
        for (int l = 1; l < depth; l++) mergeRows(h, net.rows(l), backBlock[0][l], backBlock[1][l], back[l]);
        mergeRows(h, nL, errBlock[0], errBlock[1], errF);   // whitened: errF is diffF
    }

    private void mergeRows(int h, int rows, double[] block0, double[] block1, double[] whole) {
        int half = rows / 2, r0 = h == 0 ? 0 : half, r1 = h == 0 ? half : rows;
        int nb0 = blockStart[1], nb1 = n0 - nb0;
        for (int r = r0; r < r1; r++) {
            System.arraycopy(block0, r * nb0, whole, r * n0, nb0);
            System.arraycopy(block1, r * nb1, whole, r * n0 + nb0, nb1);
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
