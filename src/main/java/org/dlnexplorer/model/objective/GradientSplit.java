package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.parallel.CorePair;

/**
 * {@link Objective}'s gradient pass in chunks for two cores, into Objective's own workspaces.
 * <p>
 * The input columns split in two blocks B_0, B_1, and the whole pass runs by blocks, each in its own contiguous
 * buffers (arrays are not aligned to cache lines: in shared matrices the line at a block boundary of every row
 * would be written by both threads):
 * <ul>
 * <li>the forward chain: column j of P_ℓ = W_ℓ P_{ℓ−1} needs only column j of P_{ℓ−1};</li>
 * <li>the error: whitened inputs, E = W_eff − T by columns; otherwise E = (W_eff − T) Σxx needs all of
 * W_eff − T, so the forward blocks are one phase and the rest the next;</li>
 * <li>the backward chain: column j of G_{ℓ−1} = W_ℓᵀ G_ℓ needs only column j of G_ℓ (G_L = E);</li>
 * <li>each block's share of the gradient, a sum over its columns:
 * ∂ℒ/∂W_ℓ = G_ℓ P_{ℓ−1}ᵀ = Σ_b G_ℓ[:, B_b] P_{ℓ−1}[:, B_b]ᵀ.</li>
 * </ul>
 * A last phase adds the two shares, by layers (the first half of θ on one chunk, the rest on the other, as
 * the integrator splits its vectors). So the only data that crosses between the cores is θ, the two partial
 * gradients and, without whitening, W_eff − T; every operand a kernel packs is the block's own.
 * <p>
 * The sum over the columns is taken in two halves, so the result differs from the one-thread pass in the
 * last bits (within {@link #ROUNDING} relative). It does not depend on which thread ran which chunk, nor on
 * whether the helper was free ({@link #run(CorePair, double[], double[], boolean)} with no pair).
 */
final class GradientSplit implements CorePair.Job {
    /**
     * Multiply-adds of one gradient (3 products per layer above the first) from which the split pays
     * (depth 8 width 64 has 5.5 million; depth 4 width 16 has 37,000 and never splits).
     */
    static final long MIN_WORK = 400_000;
    /** the two-core result agrees with the one-thread pass to this relative tolerance (two partial sums) */
    static final double ROUNDING = 1e-13;

    private final Network net;
    private final int depth, n0, nL;
    private final boolean whitened;
    private final double[][] pre;
    private final double[] diffF, errF, targetData, sigmaXXData;
    private final int[] blockStart;          // the two column blocks: [blockStart[b], blockStart[b + 1])
    private final int columnChunks;          // 2 (whitened) or 4 (forward blocks, then E, backward and shares)
    private final int splitLayer;            // the sum chunk 0 adds layers 1 … splitLayer − 1, chunk 1 the rest
    // each block's chains in its own contiguous buffers (row stride = block width)
    private final double[][][] preBlock, backBlock;   // [block][ℓ]: P_ℓ[:, B_b] and H_ℓ = G_ℓ[:, B_b]ᵀ (ℓ = 1 … L)
    private final double[][] diffBlock, errBlock;     // [block]: W_eff − T and E restricted to the block
    private final double[][][] share;                 // [block][ℓ]: (G_ℓ[:, B_b] P_{ℓ−1}[:, B_b]ᵀ)ᵀ (ℓ = 2 … L)
    private double[] theta, out;
    private boolean flow;

    GradientSplit(Network net, boolean whitened, double[][] pre, double[] diffF, double[] errF,
                  double[] targetData, double[] sigmaXXData) {
        this.net = net;
        this.depth = net.depth();
        this.n0 = net.inputDim();
        this.nL = net.outputDim();
        this.whitened = whitened;
        this.pre = pre;
        this.diffF = diffF;
        this.errF = errF;
        this.targetData = targetData;
        this.sigmaXXData = sigmaXXData;
        this.blockStart = new int[] {0, n0 / 2, n0};
        this.columnChunks = whitened ? 2 : 4;
        preBlock = new double[2][depth + 1][];
        backBlock = new double[2][depth + 1][];
        share = new double[2][depth + 1][];
        diffBlock = new double[2][];
        errBlock = new double[2][];
        for (int b = 0; b < 2; b++) {
            int nb = blockStart[b + 1] - blockStart[b];
            for (int l = 1; l <= depth; l++) preBlock[b][l] = new double[net.rows(l) * nb];
            for (int l = 1; l <= depth; l++) backBlock[b][l] = new double[nb * net.rows(l)];
            for (int l = 2; l <= depth; l++) share[b][l] = new double[net.cols(l) * net.rows(l)];
            diffBlock[b] = new double[nL * nb];
            errBlock[b] = whitened ? diffBlock[b] : new double[nL * nb];
        }
        int half = net.parameterCount() / 2, s = 2;
        while (s <= depth && net.offset(s) < half) s++;
        splitLayer = s;
    }

    /** whether a network this size gains from the split: depth ≥ 2, n_0 ≥ 2, at least minWork multiply-adds */
    static boolean pays(Network net, long minWork) {
        if (net.depth() < 2 || net.inputDim() < 2) return false;
        long work = 0;
        for (int l = 2; l <= net.depth(); l++) work += 3L * net.rows(l) * net.cols(l) * net.inputDim();
        return work >= minWork;
    }

    /**
     * the gradient pass, out_ℓ = scale_ℓ ∂ℒ/∂W_ℓ (scale −η_ℓ for the flow, else 1): on both cores, or with pair
     * null the same chunks in order on the calling thread (the second core taken by another computation), the
     * two-core result bit for bit, so a run's digits do not depend on whether the helper was free
     */
    void run(CorePair pair, double[] theta, double[] out, boolean flow) {
        this.theta = theta;
        this.out = out;
        this.flow = flow;
        try {
            if (pair != null) pair.run(this);
            else for (int c = 0, n = chunks(); c < n; c++) run(c);
        } finally {
            this.theta = null;
            this.out = null;
        }
    }

    @Override
    public int chunks() { return columnChunks + 2; }

    @Override
    public int phaseStart(int chunk) {
        if (chunk >= columnChunks) return columnChunks;
        return whitened ? 0 : chunk & ~1;
    }

    @Override
    public void run(int chunk) {
        if (chunk < columnChunks) {
            int b = chunk & 1;
            if (whitened || chunk < 2) forward(b);
            if (whitened || chunk >= 2) {
                backward(b);
                shares(b);
            }
        } else {
            sum(chunk - columnChunks);
        }
    }

    /**
     * block b of P_ℓ = W_ℓ P_{ℓ−1} (ℓ = 2 … L, P_1 = W_1) and of W_eff − T; W_eff and W_eff − T also into
     * the whole matrices, for ℒ
     */
    private void forward(int b) {
        int j0 = blockStart[b], nb = blockStart[b + 1] - j0;
        double[] p1 = preBlock[b][1];
        for (int r = 0, rows = net.rows(1); r < rows; r++)
            System.arraycopy(theta, net.offset(1) + r * n0 + j0, p1, r * nb, nb);
        for (int l = 2; l <= depth; l++)
            Kernels.multBlock(1.0, theta, net.offset(l), preBlock[b][l - 1], 0, nb, preBlock[b][l], 0, nb,
                    net.rows(l), net.cols(l), n0, nb);
        double[] weff = preBlock[b][depth], t = targetData, d = diffBlock[b];
        for (int r = 0; r < nL; r++) {
            for (int jj = 0; jj < nb; jj++) d[r * nb + jj] = weff[r * nb + jj] - t[r * n0 + j0 + jj];
            System.arraycopy(weff, r * nb, pre[depth], r * n0 + j0, nb);
            System.arraycopy(d, r * nb, diffF, r * n0 + j0, nb);
        }
    }

    /**
     * block b of E = (W_eff − T) Σxx (unless whitened), and the backward chain transposed,
     * H_ℓ = G_ℓ[:, B_b]ᵀ: H_{ℓ−1} = H_ℓ W_ℓ (ℓ = L … 2, H_L = E[:, B_b]ᵀ), so that W_ℓ is read in rows
     * (as the forward chain reads it) and never transposed
     */
    private void backward(int b) {
        int j0 = blockStart[b], nb = blockStart[b + 1] - j0;
        if (!whitened) {
            Kernels.multBlock(1.0, diffF, 0, sigmaXXData, j0, n0, errBlock[b], 0, nb, nL, n0, n0, nb);
            for (int r = 0; r < nL; r++) System.arraycopy(errBlock[b], r * nb, errF, r * n0 + j0, nb);
        }
        double[] e = errBlock[b], h = backBlock[b][depth];
        for (int r = 0; r < nL; r++)
            for (int jj = 0; jj < nb; jj++) h[jj * nL + r] = e[r * nb + jj];
        for (int l = depth; l >= 2; l--)
            Kernels.mult(1.0, backBlock[b][l], 0, theta, net.offset(l), backBlock[b][l - 1], 0, nb, net.rows(l),
                    net.cols(l));
    }

    /** block b's share of ∂ℒ/∂W_ℓ = G_ℓ P_{ℓ−1}ᵀ over its columns, transposed: P_{ℓ−1}[:, B_b] H_ℓ (ℓ = 2 … L) */
    private void shares(int b) {
        int nb = blockStart[b + 1] - blockStart[b];
        for (int l = 2; l <= depth; l++)
            Kernels.mult(1.0, preBlock[b][l - 1], 0, backBlock[b][l], 0, share[b][l], 0, net.cols(l), nb, net.rows(l));
    }

    /**
     * out_ℓ = scale_ℓ (share_0 + share_1)ᵀ for the layers of half h of θ, and ∂ℒ/∂W_1 = G_1 (P_0 = I) from the
     * blocks' H_1 = G_1[:, B_b]ᵀ
     */
    private void sum(int h) {
        int from = h == 0 ? 1 : splitLayer, to = h == 0 ? splitLayer : depth + 1;
        for (int l = from; l < to; l++) {
            double alpha = flow ? -net.rate(l) : 1.0;
            int off = net.offset(l), rows = net.rows(l), cols = net.cols(l);
            if (l == 1) {
                for (int b = 0; b < 2; b++) {
                    int j0 = blockStart[b], nb = blockStart[b + 1] - j0;
                    double[] g = backBlock[b][1];
                    for (int jj = 0; jj < nb; jj++)
                        for (int r = 0; r < rows; r++) out[off + r * n0 + j0 + jj] = alpha * g[jj * rows + r];
                }
                continue;
            }
            double[] s0 = share[0][l], s1 = share[1][l];
            // reads in rows of the shares, writes in columns of out_ℓ (measured: the cheaper order at width 64)
            for (int j = 0; j < cols; j++)
                for (int i = 0, src = j * rows, o = off + j; i < rows; i++, o += cols)
                    out[o] = alpha * (s0[src + i] + s1[src + i]);
        }
    }
}
