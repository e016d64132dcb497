package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Kunin et al. seed 002 §4 "Wide linear networks": f(x) = AᵀWx with W ∈ ℝ^{h×d}, A ∈ ℝ^{h×c}, i.e. our widths
 * [d, h, c] with W_1 = W and W_2 = Aᵀ, rates η_w = η_1 and η_a = η_2, and β = WᵀA = W_effᵀ ∈ ℝ^{d×c}.
 * <ul>
 * <li>Function space: vec(β̇) = −M vec(Σxx(β − β*)), M = η_w AᵀA ⊕ η_a WᵀW = η_w AᵀA ⊗ I_d + I_c ⊗ η_a WᵀW
 * (vec stacks the columns of β: index i + d·j for β_ij).</li>
 * <li>Per neuron: δ_k = η_w‖a_k‖² − η_a‖w_k‖² (the diagonal of D_1), conserved by gradient flow.</li>
 * <li>Theorem 2: M = Σ_k M_k, M_k = ((κ_k + δ_k)/2) β_kᵀβ_k/‖β_k‖² ⊕ ((κ_k − δ_k)/2) β_kβ_kᵀ/‖β_k‖²,
 * β_k = w_k a_kᵀ, κ_k = √(δ_k² + 4η_aη_w‖β_k‖²).</li>
 * <li>Theorem 3: for Δ = δI_h, M = √(η_aη_w βᵀβ + δ²/4 I_c) ⊗ I_d + I_c ⊗ √(η_aη_w ββᵀ + δ²/4 I_d).</li>
 * </ul>
 */
public final class WideNetwork {
    private WideNetwork() {}

    /** widths [d, h, c] of a linear two-layer network */
    public static boolean applies(Network net) {
        return net != null && net.depth() == 2 && !net.isPiecewise();
    }

    /** W = W_1 (h × d) of θ */
    public static DMatrixRMaj w(Network net, double[] theta) {
        DMatrixRMaj w = new DMatrixRMaj(net.width(1), net.width(0));
        System.arraycopy(theta, net.offset(1), w.data, 0, w.getNumElements());
        return w;
    }

    /** A = W_2ᵀ (h × c) of θ */
    public static DMatrixRMaj a(Network net, double[] theta) {
        DMatrixRMaj w2 = new DMatrixRMaj(net.width(2), net.width(1));
        System.arraycopy(theta, net.offset(2), w2.data, 0, w2.getNumElements());
        return CommonOps_DDRM.transpose(w2, null);
    }

    /** M = η_w AᵀA ⊕ η_a WᵀW (dc × dc) */
    public static DMatrixRMaj preconditioner(Network net, double[] theta) {
        DMatrixRMaj w = w(net, theta), a = a(net, theta);
        DMatrixRMaj ata = new DMatrixRMaj(a.numCols, a.numCols), wtw = new DMatrixRMaj(w.numCols, w.numCols);
        CommonOps_DDRM.multTransA(a, a, ata);
        CommonOps_DDRM.multTransA(w, w, wtw);
        CommonOps_DDRM.scale(net.rate(1), ata);
        CommonOps_DDRM.scale(net.rate(2), wtw);
        return kroneckerSum(ata, wtw);
    }

    /** δ_k = η_w‖a_k‖² − η_a‖w_k‖², k = 1…h */
    public static double[] deltas(Network net, double[] theta) {
        DMatrixRMaj w = w(net, theta), a = a(net, theta);
        double[] out = new double[w.numRows];
        for (int k = 0; k < out.length; k++) {
            double aa = 0, ww = 0;
            for (int j = 0; j < a.numCols; j++) aa += a.get(k, j) * a.get(k, j);
            for (int i = 0; i < w.numCols; i++) ww += w.get(k, i) * w.get(k, i);
            out[k] = net.rate(1) * aa - net.rate(2) * ww;
        }
        return out;
    }

    /** Theorem 2: Σ_k M_k from each neuron's β_k and δ_k; null when some ‖β_k‖ = 0 (the theorem's hypothesis) */
    public static DMatrixRMaj perNeuronSum(Network net, double[] theta) {
        DMatrixRMaj w = w(net, theta), a = a(net, theta);
        int h = w.numRows, d = w.numCols, c = a.numCols;
        double etaW = net.rate(1), etaA = net.rate(2);
        double[] delta = deltas(net, theta);
        DMatrixRMaj m = new DMatrixRMaj(d * c, d * c);
        for (int k = 0; k < h; k++) {
            DMatrixRMaj bk = new DMatrixRMaj(d, c);   // β_k = w_k a_kᵀ
            for (int i = 0; i < d; i++) for (int j = 0; j < c; j++) bk.set(i, j, w.get(k, i) * a.get(k, j));
            double n2 = 0;
            for (double v : bk.data) n2 += v * v;
            if (!(n2 > 0)) return null;
            double kappa = Math.sqrt(delta[k] * delta[k] + 4 * etaA * etaW * n2);
            DMatrixRMaj btb = new DMatrixRMaj(c, c), bbt = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(bk, bk, btb);
            CommonOps_DDRM.multTransB(bk, bk, bbt);
            CommonOps_DDRM.scale((kappa + delta[k]) / (2 * n2), btb);
            CommonOps_DDRM.scale((kappa - delta[k]) / (2 * n2), bbt);
            CommonOps_DDRM.addEquals(m, kroneckerSum(btb, bbt));
        }
        return m;
    }

    /** Theorem 3: √(η_aη_w βᵀβ + δ²/4 I_c) ⊗ I_d + I_c ⊗ √(η_aη_w ββᵀ + δ²/4 I_d) for β (d × c) */
    public static DMatrixRMaj isotropic(DMatrixRMaj beta, double delta, double etaA, double etaW) {
        int d = beta.numRows, c = beta.numCols;
        DMatrixRMaj btb = new DMatrixRMaj(c, c), bbt = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(beta, beta, btb);
        CommonOps_DDRM.multTransB(beta, beta, bbt);
        CommonOps_DDRM.scale(etaA * etaW, btb);
        CommonOps_DDRM.scale(etaA * etaW, bbt);
        for (int j = 0; j < c; j++) btb.add(j, j, delta * delta / 4);
        for (int i = 0; i < d; i++) bbt.add(i, i, delta * delta / 4);
        return kroneckerSum(sqrtSym(btb), sqrtSym(bbt));
    }

    /**
     * Theorem 3's hypothesis on the widths [d, h, c] for Δ = δI_h: Lemma 8 (WᵀW from ββᵀ) needs h ≥ d when δ &lt; 0,
     * Lemma 9 (AᵀA from βᵀβ) needs h ≥ c when δ &gt; 0; δ = 0 needs neither
     */
    public static boolean theorem3Applies(Network net, double delta) {
        if (Double.isNaN(delta)) return false;
        if (delta < 0) return net.width(1) >= net.width(0);
        if (delta > 0) return net.width(1) >= net.width(2);
        return true;
    }

    /** β = WᵀA (d × c) of θ */
    public static DMatrixRMaj beta(Network net, double[] theta) {
        DMatrixRMaj w = w(net, theta), a = a(net, theta), b = new DMatrixRMaj(w.numCols, a.numCols);
        CommonOps_DDRM.multTransA(w, a, b);
        return b;
    }

    /** C ⊕ D = C ⊗ I_d + I_c ⊗ D for C (c × c), D (d × d), index i + d·j */
    static DMatrixRMaj kroneckerSum(DMatrixRMaj cm, DMatrixRMaj dm) {
        int c = cm.numRows, d = dm.numRows;
        DMatrixRMaj m = new DMatrixRMaj(d * c, d * c);
        for (int j = 0; j < c; j++)
            for (int jj = 0; jj < c; jj++)
                for (int i = 0; i < d; i++) m.add(i + d * j, i + d * jj, cm.get(j, jj));
        for (int j = 0; j < c; j++)
            for (int i = 0; i < d; i++)
                for (int ii = 0; ii < d; ii++) m.add(i + d * j, ii + d * j, dm.get(i, ii));
        return m;
    }

    /** eigenvalues of a symmetric matrix, descending */
    public static double[] eigenvalues(DMatrixRMaj sym) {
        int n = sym.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(sym.copy())) throw new IllegalStateException("eigen-decomposition failed");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = eig.getEigenvalue(i).getReal();
        java.util.Arrays.sort(out);
        for (int i = 0; i < n / 2; i++) { double t = out[i]; out[i] = out[n - 1 - i]; out[n - 1 - i] = t; }
        return out;
    }

    /** the principal square root of a symmetric positive semi-definite matrix (negative round-off clipped to 0) */
    static DMatrixRMaj sqrtSym(DMatrixRMaj s) {
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s.copy())) throw new IllegalStateException("eigen-decomposition failed");
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double lam = Math.sqrt(Math.max(0, eig.getEigenvalue(k).getReal()));
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm2 = 0;
            for (int i = 0; i < n; i++) norm2 += v.get(i) * v.get(i);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) out.add(i, j, lam * v.get(i) * v.get(j) / norm2);
        }
        return out;
    }

    /**
     * Δ = D_1 = η_w AAᵀ − η_a WWᵀ as δI_h (Theorem 3's hypothesis): δ = tr(Δ)/h when ‖Δ − δI‖_F ≤ tolerance·scale
     * (scale = max(η_w‖A‖_F², η_a‖W‖_F²)), else NaN
     */
    public static double isotropicDelta(Network net, double[] theta, double tolerance) {
        DMatrixRMaj w = w(net, theta), a = a(net, theta);
        int h = w.numRows;
        DMatrixRMaj aat = new DMatrixRMaj(h, h), wwt = new DMatrixRMaj(h, h);
        CommonOps_DDRM.multTransB(a, a, aat);
        CommonOps_DDRM.multTransB(w, w, wwt);
        DMatrixRMaj dm = new DMatrixRMaj(h, h);
        CommonOps_DDRM.add(net.rate(1), aat, -net.rate(2), wwt, dm);
        double delta = CommonOps_DDRM.trace(dm) / h;
        double off = 0;
        for (int i = 0; i < h; i++)
            for (int j = 0; j < h; j++) { double e = dm.get(i, j) - (i == j ? delta : 0); off += e * e; }
        double scale = Math.max(net.rate(1) * CommonOps_DDRM.trace(aat), net.rate(2) * CommonOps_DDRM.trace(wwt));
        return Math.sqrt(off) <= tolerance * Math.max(scale, Double.MIN_NORMAL) ? delta : Double.NaN;
    }
}
