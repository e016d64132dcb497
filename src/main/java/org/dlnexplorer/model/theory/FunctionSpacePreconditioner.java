package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The function-space preconditioner of any linear network, Kunin et al. seed 002 §4: with β = W_effᵀ (d × c),
 * W_eff = W_L⋯W_1 and gradient flow Ẇ_ℓ = −η_ℓ ∇_{W_ℓ}ℒ,
 * <pre>
 *   vec β̇ = −M vec ∇_βℒ,   M = Σ_ℓ η_ℓ (S_{ℓ+1}S_{ℓ+1}ᵀ) ⊗ (P_{ℓ−1}ᵀP_{ℓ−1}),
 * </pre>
 * P_{ℓ−1} = W_{ℓ−1}⋯W_1 (P_0 = I_d) and S_{ℓ+1} = W_L⋯W_{ℓ+1} (S_{L+1} = I_c), vec stacking β's columns (index
 * i + d·j), as {@link WideNetwork} does. For two layers it is Theorem 2's M = η_w AᵀA ⊕ η_a WᵀW; for the deep
 * isotropic networks of Definition 12 it is Lemma 14's M ({@link DeepIsotropic#preconditioner}).
 */
public final class FunctionSpacePreconditioner {
    private FunctionSpacePreconditioner() {}

    /** a linear network of two layers or more */
    public static boolean applies(Network net) {
        return net != null && net.depth() >= 2 && !net.isPiecewise();
    }

    /** M (dc × dc) of θ laid out as the engine does */
    public static DMatrixRMaj of(Network net, double[] theta) {
        DMatrixRMaj[] w = Objective.layers(net, theta);
        int depth = net.depth(), d = net.inputDim(), c = net.outputDim();
        // P_{ℓ−1} = W_{ℓ−1}⋯W_1, prefix[ℓ] for ℓ = 1…L (prefix[1] = I_d)
        DMatrixRMaj[] prefix = new DMatrixRMaj[depth + 1];
        prefix[1] = CommonOps_DDRM.identity(d);
        for (int l = 2; l <= depth; l++) prefix[l] = CommonOps_DDRM.mult(w[l - 2], prefix[l - 1], null);
        // S_{ℓ+1} = W_L⋯W_{ℓ+1}, suffix[ℓ] for ℓ = 1…L (suffix[L] = I_c)
        DMatrixRMaj[] suffix = new DMatrixRMaj[depth + 1];
        suffix[depth] = CommonOps_DDRM.identity(c);
        for (int l = depth - 1; l >= 1; l--) suffix[l] = CommonOps_DDRM.mult(suffix[l + 1], w[l], null);
        DMatrixRMaj m = new DMatrixRMaj(d * c, d * c), kron = new DMatrixRMaj(d * c, d * c);
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj sst = CommonOps_DDRM.multTransB(suffix[l], suffix[l], null);   // S Sᵀ (c × c)
            DMatrixRMaj ptp = CommonOps_DDRM.multTransA(prefix[l], prefix[l], null);   // Pᵀ P (d × d)
            CommonOps_DDRM.kron(sst, ptp, kron);
            CommonOps_DDRM.addEquals(m, net.rate(l), kron);
        }
        return m;
    }

    /** the eigenvalues of the conserved last balance matrix D_{L−1} = η_{L−1}W_LᵀW_L − η_L W_{L−1}W_{L−1}ᵀ, descending */
    public static double[] lastBalanceEigenvalues(Network net, double[] theta) {
        DMatrixRMaj[] d = org.dlnexplorer.model.objective.Balance.of(net, Objective.layers(net, theta));
        return WideNetwork.eigenvalues(d[d.length - 1]);
    }

    /**
     * Lemma 14's M from W_1, ‖a‖² and δ, when θ is a deep network [d, d, …, d, 1] of three layers or more with unit
     * rates satisfying Definition 12 to the relative residual {@code isotropy}; null otherwise (the lemma says nothing)
     */
    public static DMatrixRMaj lemma14(Network net, double[] theta, double isotropy) {
        int seedL = DeepIsotropic.seedDepth(net.widths());
        if (seedL < 2 || net.isPiecewise()) return null;
        for (double r : net.layerRates()) if (r != 1.0) return null;
        DMatrixRMaj[] w = DeepIsotropic.layers(net.inputDim(), seedL, theta);
        DeepIsotropic.Isotropy iso = DeepIsotropic.isotropy(w);
        if (!(iso.residual() <= isotropy)) return null;
        return DeepIsotropic.preconditioner(w, iso.delta());
    }
}
