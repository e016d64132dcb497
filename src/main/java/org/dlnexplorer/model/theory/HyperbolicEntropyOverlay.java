package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.TheoryResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * "hyperbolic-entropy": Kunin et al. Theorem 11 (seed 002 §4 and App. B, "mirror flow for the singular values").
 * For a two-layer linear network with Δ = η_wAAᵀ − η_aWWᵀ = δI_h, δ ≠ 0 and h ≥ min(d, c), the singular values
 * λ of β follow the mirror flow λ̇ = −(∇²Φ_δ(λ))⁻¹∇_λℒ with Φ_δ(λ) = Σ q_δ(λ_i) and the hyperbolic entropy
 * q_δ(x) = ¼(2x asinh(2x/|δ|) − √(4x² + δ²) + |δ|) (with rates, q(x) = q_δ(γx)/γ², γ = √(η_aη_w), so that
 * 1/q''(λ) = √(δ² + 4η_aη_wλ²), Lemma 10's M_ii). It says where the flow ends only when the singular vectors stay
 * fixed (the seed's condition: a task-aligned start whose modes Σxx keeps apart, decided from the numbers as for
 * the "lambda-balanced" exact solution). Then β(∞) = argmin Φ_δ(σ(β)) − ⟨∇Φ_δ(β(0)), β⟩ over Σxxβ = Σxxβ*, which
 * (our derivation, docs/THEORY.md §9) is β* on range Σxx and β(0) on its null space, for every δ: "beta" (as
 * W_eff, n_L × n_0 row-major) and "lambda" (its singular values, descending), "delta".
 */
final class HyperbolicEntropyOverlay implements Overlay {
    static final String ID = "hyperbolic-entropy";
    /** Δ = δI_h to this relative round-off ({@link WideNetwork#isotropicDelta}) */
    static final double ISOTROPY_TOLERANCE = 1e-10;
    /** |δ| below this times the weights' scale counts as δ = 0 */
    static final double ZERO_DELTA = 1e-12;
    /** eigenvalues of Σxx below this times the largest span its null space */
    static final double RANK_TOLERANCE = 1e-12;

    @Override public String id() { return ID; }

    @Override public String whyNot(OverlayInput run) { return limit(run, new Object[2]); }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        Object[] out = new Object[2];
        String why = limit(run, out);
        if (why != null) return OverlayResult.unavailable(ID, why);
        DMatrixRMaj w = (DMatrixRMaj) out[0];
        double delta = (Double) out[1];
        return OverlayResult.array(ID, "beta", w.data).with("delta", delta)
                .withNote("with the singular vectors fixed, the potential's minimizer is β* on range Σxx and β(0) off it, "
                        + "for every δ (seed 002 App. B)")
                .withArray("lambda", org.dlnexplorer.model.core.Task.singularValues(w));
    }

    @Override
    public String equation(OverlayInput run) {
        return "λ̇ = −(∇²Φ_δ)⁻¹∇_λℒ,  Φ_δ = Σ ¼(2λ asinh(2λ/|δ|) − √(4λ² + δ²) + |δ|)  (Kunin et al. Thm 11)";
    }

    @Override
    public String equationTex(OverlayInput run) {
        return "\\dot\\lambda = -(\\nabla^2\\Phi_\\delta)^{-1}\\nabla_\\lambda\\mathcal{L},\\ \\Phi_\\delta = \\sum_i q_\\delta(\\lambda_i) \\\\ "
                + "q_\\delta(x) = \\tfrac14\\big(2x\\,\\sinh^{-1}\\tfrac{2x}{|\\delta|} - \\sqrt{4x^2+\\delta^2} + |\\delta|\\big)";
    }

    /** null and out = {W_eff(∞), δ} when Theorem 11's end point applies, else the reason */
    private static String limit(OverlayInput run, Object[] out) {
        if (!run.isGradientFlow()) return "Theorem 11 describes gradient flow, and this run is gradient descent";
        Network net = run.network();
        Task task = run.task();
        if (net == null || task == null) return "the run carries no task";
        if (task.isMeasured()) return Overlays.MEASURED_REASON;
        if (!WideNetwork.applies(net)) return "Theorem 11 is about linear two-layer networks (widths [d, h, c])";
        int d = net.width(0), h = net.width(1), c = net.width(2);
        if (h < Math.min(d, c)) return "Theorem 11 needs h ≥ min(d, c) hidden neurons";
        double[] theta = run.theta0();
        if (theta == null) return "the initial weights are not recorded";
        double delta = WideNetwork.isotropicDelta(net, theta, ISOTROPY_TOLERANCE);
        if (Double.isNaN(delta))
            return "Theorem 11 needs Δ = η_wAAᵀ − η_aWWᵀ = δI_h at the start, and this start's Δ is not a multiple of I";
        double scale = 0;
        for (double v : theta) scale = Math.max(scale, v * v);
        if (!(Math.abs(delta) > ZERO_DELTA * Math.max(scale, Double.MIN_NORMAL)))
            return "Theorem 11 needs δ ≠ 0 (at δ = 0 the potential degenerates to the rich limit)";
        TheoryResult exact = ExactOverlay.solve(run, false);
        if (!exact.available() || !Overlays.LAMBDA_BALANCED.equals(exact.model()))
            return "the singular vectors of β move (the start is not task-aligned in modes Σxx keeps apart), so the "
                    + "mirror flow gives no end point";
        out[0] = endPoint(task, WideNetwork.beta(net, theta));
        out[1] = delta;
        return null;
    }

    /** W_eff(∞) = T P_R + W_eff(0) P_N (P_R, P_N: the projectors on range and null space of Σxx) */
    static DMatrixRMaj endPoint(Task task, DMatrixRMaj beta0) {
        DMatrixRMaj sxx = task.sigmaXX(), t = task.target();
        int d = sxx.numRows;
        DMatrixRMaj pr = rangeProjector(sxx), pn = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.subtractEquals(pn, pr);
        DMatrixRMaj w0 = CommonOps_DDRM.transpose(beta0, null);
        DMatrixRMaj out = new DMatrixRMaj(t.numRows, d), tmp = new DMatrixRMaj(t.numRows, d);
        CommonOps_DDRM.mult(t, pr, out);
        CommonOps_DDRM.mult(w0, pn, tmp);
        CommonOps_DDRM.addEquals(out, tmp);
        return out;
    }

    /** the orthogonal projector on the span of Σxx's eigenvectors above the rank tolerance */
    static DMatrixRMaj rangeProjector(DMatrixRMaj sxx) {
        int d = sxx.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(sxx.copy())) throw new IllegalStateException("eigen-decomposition of Σxx failed");
        double max = 0;
        for (int k = 0; k < d; k++) max = Math.max(max, Math.abs(eig.getEigenvalue(k).getReal()));
        DMatrixRMaj p = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            if (!(Math.abs(eig.getEigenvalue(k).getReal()) > RANK_TOLERANCE * max)) continue;
            DMatrixRMaj v = eig.getEigenVector(k);
            double n2 = 0;
            for (int i = 0; i < d; i++) n2 += v.get(i) * v.get(i);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) p.add(i, j, v.get(i) * v.get(j) / n2);
        }
        return p;
    }

    /** q(x) = q_δ(γx)/γ² with γ = √(η_aη_w): the hyperbolic entropy with rates, 1/q''(x) = √(δ² + 4γ²x²) */
    static double potential(double x, double delta, double gamma) {
        double a = Math.abs(delta), y = gamma * x;
        return 0.25 * (2 * y * asinh(2 * y / a) - Math.sqrt(4 * y * y + delta * delta) + a) / (gamma * gamma);
    }

    static double asinh(double z) {
        return Math.signum(z) * Math.log(Math.abs(z) + Math.sqrt(z * z + 1));
    }
}
