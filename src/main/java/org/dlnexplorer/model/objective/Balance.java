package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The one place the gradient flow's conserved quantities are computed from weights:
 * D_ℓ = η_ℓ W_{ℓ+1}ᵀW_{ℓ+1} − η_{ℓ+1} W_ℓW_ℓᵀ (n_ℓ × n_ℓ, ℓ = 1…L−1), the relative scale δ = (L−1)·λ of a
 * λ-balanced start (D_ℓ = λI), and the single neuron's δ = η_w a² − η_a‖w‖². An instance keeps its work
 * matrices for repeated use (one per run and thread); the static methods allocate.
 */
public final class Balance {
    private final Network net;
    private final DMatrixRMaj[] up, down;

    public Balance(Network net) {
        this.net = net;
        int nb = Math.max(0, net.depth() - 1);
        up = new DMatrixRMaj[nb];
        down = new DMatrixRMaj[nb];
        for (int l = 1; l < net.depth(); l++) {
            up[l - 1] = new DMatrixRMaj(net.width(l), net.width(l));
            down[l - 1] = new DMatrixRMaj(net.width(l), net.width(l));
        }
    }

    /** D_ℓ for ℓ = 1…L−1 (index ℓ − 1) of the layers W_1…W_L, newly allocated */
    public static DMatrixRMaj[] of(Network net, DMatrixRMaj[] w) {
        return new Balance(net).of(w);
    }

    /** D_ℓ for ℓ = 1…L−1 (index ℓ − 1), newly allocated */
    public DMatrixRMaj[] of(DMatrixRMaj[] w) {
        DMatrixRMaj[] d = new DMatrixRMaj[up.length];
        for (int l = 1; l < net.depth(); l++) d[l - 1] = new DMatrixRMaj(net.width(l), net.width(l));
        into(w, d);
        return d;
    }

    /** D_ℓ into d[ℓ − 1] (each n_ℓ × n_ℓ) */
    public void into(DMatrixRMaj[] w, DMatrixRMaj[] d) {
        for (int l = 1; l < net.depth(); l++) {
            DMatrixRMaj wUp = up[l - 1], wDown = down[l - 1];
            int nl = net.width(l);
            // W_{ℓ+1}ᵀW_{ℓ+1} and W_ℓW_ℓᵀ (n_ℓ × n_ℓ) on the blocked kernels
            Kernels.multTransA(1.0, w[l].data, 0, w[l].data, 0, wUp.data, 0, nl, net.rows(l + 1), nl);
            Kernels.multTransB(1.0, w[l - 1].data, 0, w[l - 1].data, 0, wDown.data, 0, nl, net.cols(l), nl);
            CommonOps_DDRM.add(net.rate(l), wUp, -net.rate(l + 1), wDown, d[l - 1]);
        }
    }

    /**
     * δ = (L−1)·λ when D_1 = λI, λ = tr(D_1)/n_1, to ‖D_1 − λI‖_F ≤ tolerance·max(1, |λ|); NaN when D_1 is
     * not a multiple of I or the network has one layer.
     */
    public static double delta(Network net, DMatrixRMaj[] w, double tolerance) {
        if (net.depth() < 2) return Double.NaN;
        DMatrixRMaj d1 = of(net, w)[0];
        int n1 = d1.numRows;
        double lambda = 0;
        for (int i = 0; i < n1; i++) lambda += d1.get(i, i);
        lambda /= n1;
        double off = 0;
        for (int i = 0; i < n1; i++)
            for (int j = 0; j < n1; j++) {
                double e = d1.get(i, j) - (i == j ? lambda : 0);
                off += e * e;
            }
        if (Math.sqrt(off) > tolerance * Math.max(1, Math.abs(lambda))) return Double.NaN;
        return (net.depth() - 1) * lambda;
    }

    /** one hidden neuron f(x) = a wᵀx: δ = η_w a² − η_a ‖w‖² (the 1 × 1 D_1 with η_w, η_a the rates of a's and w's equations) */
    public static double singleNeuron(double a, double[] w, double etaW, double etaA) {
        double ww = 0;
        for (double v : w) ww += v * v;
        return etaW * a * a - etaA * ww;
    }
}
