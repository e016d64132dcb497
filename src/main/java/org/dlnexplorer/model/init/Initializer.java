package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Random;

/** Seeded, reproducible initial weights for every scheme of SPEC §2. */
public final class Initializer {
    private Initializer() {}

    public static double[] initialize(Network net, Task task, Scheme scheme, double tau, double delta,
                                      long seed, DMatrixRMaj[] explicit) {
        return initialize(net, task, scheme, tau, delta, seed, explicit, null);
    }

    /** as above; direction is the neuron scheme's start direction β₀/‖β₀‖ (unused by the other schemes) */
    public static double[] initialize(Network net, Task task, Scheme scheme, double tau, double delta,
                                      long seed, DMatrixRMaj[] explicit, double[] direction) {
        Random rng = new Random(seed);
        DMatrixRMaj[] w = switch (scheme) {
            case ALIGNED -> aligned(net, task, tau, delta, rng);
            case ORTHOGONAL -> orthogonal(net, tau, delta, rng);
            case GAUSSIAN -> gaussian(net, tau, delta, rng);
            case RESIDUAL -> residual(net, tau, rng);
            case EXPLICIT -> explicit;
            case NEURON -> NeuronInit.weights(net, tau, delta, direction);
            case ISOTROPIC -> IsotropicInit.weights(net, tau, delta, rng, direction);
            case SYMMETRIZED -> Symmetrized.weights(net, tau, delta, rng);
        };
        return Objective.flatten(net, w);
    }

    /**
     * Task-aligned: W_ℓ = R_ℓ diag(g_ℓ) R_{ℓ−1}ᵀ with R_0 = V, R_L = U (T = U S Vᵀ), R_ℓ the first k
     * standard basis vectors of the hidden layer, so W_eff(0) = U diag(τ) Vᵀ and D_ℓ = λ R_ℓ R_ℓᵀ.
     */
    static DMatrixRMaj[] aligned(Network net, Task task, double tau, double delta, Random rng) {
        int depth = net.depth();
        int k = net.modes();
        for (int l = 1; l < depth; l++) k = Math.min(k, net.width(l));
        DMatrixRMaj t = task.target();
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(t.numRows, t.numCols, true, true, false);
        if (!svd.decompose(t.copy())) throw new IllegalStateException("SVD of the target failed");
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj s = svd.getW(null);
        org.ejml.dense.row.SingularOps_DDRM.descendingOrder(u, false, s, vt, true);
        double[] g = LayerGains.squaredGains(net, tau, delta);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj m = new DMatrixRMaj(net.rows(l), net.cols(l));
            double gain = Math.sqrt(g[l - 1]);
            for (int a = 0; a < k; a++) {
                for (int i = 0; i < m.numRows; i++) {
                    double left = (l == depth) ? u.get(i, a) : (i == a ? 1.0 : 0.0);
                    if (left == 0.0) continue;
                    for (int j = 0; j < m.numCols; j++) {
                        double right = (l == 1) ? vt.get(a, j) : (j == a ? 1.0 : 0.0);
                        m.add(i, j, gain * left * right);
                    }
                }
            }
            w[l - 1] = m;
        }
        return w;
    }

    /** W_ℓ = g_ℓ Q_ℓ with Q_ℓ a random (semi-)orthogonal n_ℓ × n_{ℓ−1} matrix. */
    static DMatrixRMaj[] orthogonal(Network net, double tau, double delta, Random rng) {
        double[] g = LayerGains.squaredGains(net, tau, delta);
        DMatrixRMaj[] w = new DMatrixRMaj[net.depth()];
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj q = randomOrthogonal(net.rows(l), net.cols(l), rng);
            CommonOps_DDRM.scale(Math.sqrt(g[l - 1]), q);
            w[l - 1] = q;
        }
        return w;
    }

    /**
     * i.i.d. Gaussian entries, approximately λ-balanced: W_ℓ ~ N(0, g_ℓ²/n_{ℓ−1}) for ℓ < L (fan-in) and
     * W_L ~ N(0, g_L²/n_L) (fan-out), so that E[W_{ℓ+1}ᵀW_{ℓ+1}] = (n_{ℓ+1}/n_ℓ)·g_{ℓ+1}² I for ℓ+1 < L,
     * E[W_LᵀW_L] = g_L² I and E[W_ℓW_ℓᵀ] = g_ℓ² I: every E[D_ℓ] = λI when the hidden widths are equal
     * (always for two layers), as in the wide-network setting of Kunin et al. (Fig. 1b, Theorem 6).
     */
    static DMatrixRMaj[] gaussian(Network net, double tau, double delta, Random rng) {
        double[] g = LayerGains.squaredGains(net, tau, delta);
        int depth = net.depth();
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj m = new DMatrixRMaj(net.rows(l), net.cols(l));
            int fan = (l == depth && depth > 1) ? net.rows(l) : net.cols(l);
            double sd = Math.sqrt(g[l - 1] / fan);
            for (int i = 0; i < m.data.length; i++) m.data[i] = sd * rng.nextGaussian();
            w[l - 1] = m;
        }
        return w;
    }

    /**
     * Residual (Marion &amp; Chizat): W_ℓ = I + s/√(L·d) N_ℓ, N_ℓ i.i.d. standard normal, s = τ. With a frozen output
     * layer (training.freezeOutput) the seed's setting f(x) = pᵀ W_L ⋯ W_1 x: the trained layers are W_1 … W_{L−1}
     * (the seed's L is L − 1 here, and it scales their noise) and W_L = pᵀ, p = e₁ (the identity's first rows), exactly.
     */
    static DMatrixRMaj[] residual(Network net, double s, Random rng) {
        int depth = net.depth();
        int trained = net.frozenOutput() ? depth - 1 : depth;
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            int rows = net.rows(l), cols = net.cols(l);
            int d = Math.max(rows, cols);
            DMatrixRMaj m = new DMatrixRMaj(rows, cols);
            double c = l > trained ? 0.0 : s / Math.sqrt((double) trained * d);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    m.set(i, j, (i == j ? 1.0 : 0.0) + (c == 0.0 ? 0.0 : c * rng.nextGaussian()));
            w[l - 1] = m;
        }
        return w;
    }

    /** Random matrix with orthonormal rows or columns (whichever is fewer), Haar via QR with sign fix. */
    public static DMatrixRMaj randomOrthogonal(int rows, int cols, Random rng) {
        int n = Math.max(rows, cols), m = Math.min(rows, cols);
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, m);
        if (!qr.decompose(a)) throw new IllegalStateException("QR failed");
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < m; j++) {
            if (r.get(j, j) < 0) for (int i = 0; i < n; i++) q.set(i, j, -q.get(i, j));
        }
        if (rows >= cols) return q;
        DMatrixRMaj t = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.transpose(q, t);
        return t;
    }
}
