package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.theory.LambdaBalanced;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The cell-level prediction of the λ-balanced two-layer theory (Kunin et al. Thm 3 / Lemma 10; Dominé et al.)
 * for gradient flow on a whitened task with unit layer rates.
 *
 * <p><b>Aligned init</b> (W_1 = H diag(g₁) Vᵀ, W_2 = U diag(g₂) Hᵀ in T = U S Vᵀ's basis, g₂² − g₁² = δ): each
 * mode a_α = g₁g₂ follows ȧ = √(δ² + 4a²)(s − a), solved in closed form by {@link LambdaBalanced}
 * (t(a) = [G(a) − G(a₀)]/κ_s, κ_s = √(δ² + 4s²), G(x) = ln(δ² + 4sx + κ_s√(δ² + 4x²)) − ln|s − x|). The gains follow from a: g₂² = (δ + √(δ²+4a²))/2, g₁² = (−δ + √(δ²+4a²))/2, and with whitened
 * inputs the NTK is K = I_{n0} ⊗ W₂W₂ᵀ + W₁ᵀW₁ ⊗ I_{nL}, so
 * ⟨K, K'⟩ = n₀ tr(AA') + n_L tr(BB') + tr A tr B' + tr B tr A' with A = W₂W₂ᵀ, B = W₁ᵀW₁.
 *
 * <p><b>Exactly λ-balanced square init</b> (W₂ᵀW₂ − W₁W₁ᵀ = δI, n₀ = h = n_L, e.g. orthogonal): D is
 * conserved, so at convergence (W_eff = T) A∞ = (δ + √(δ² + 4TTᵀ))/2 and B∞ = (−δ + √(δ² + 4TᵀT))/2 depend on
 * T and δ only; for an orthogonal init K₀ ∝ I, hence S(0, ∞) depends on δ alone (τ drops out).
 */
public final class LambdaBalancedPrediction {
    /** relative residual below which the initial weights count as exactly aligned / λ-balanced */
    public static final double STRUCTURE_TOLERANCE = 1e-8;
    static final int BISECTION_ITERATIONS = 400;
    /** a time-to-fit search gives up beyond this multiple of the run's duration */
    static final double TIME_SEARCH_LIMIT = 1e12;

    private LambdaBalancedPrediction() {}

    public static CellPrediction predict(SimulationSpec spec) {
        Network net = spec.network();
        Task task = spec.task();
        if (net.isPiecewise()) return CellPrediction.unavailable("the λ-balanced closed form is for linear networks");
        if (net.depth() != 2) return CellPrediction.unavailable("the λ-balanced closed form is for two layers");
        for (double r : net.layerRates())
            if (r != 1.0) return CellPrediction.unavailable("the λ-balanced closed form assumes unit layer rates");
        if (!spec.method().isFlow()) return CellPrediction.unavailable("the closed form is for gradient flow");
        if (!task.isWhitened()) return CellPrediction.unavailable("the closed form needs whitened inputs");
        DMatrixRMaj[] w = Objective.layers(net, spec.theta0());
        Mode basis = basis(task.target());
        double delta = spec.delta();
        CellPrediction aligned = aligned(spec, w, basis, delta);
        if (aligned != null) return aligned;
        double limit = balancedSquareLimit(net, w, basis, delta);
        if (!Double.isNaN(limit))
            return new CellPrediction(true, "lambda-balanced-limit", null, Double.NaN, Double.NaN, Double.NaN, limit);
        return CellPrediction.unavailable("the initial weights are neither task-aligned λ-balanced nor exactly "
                + "λ-balanced and square");
    }

    /** T = U diag(s) Vᵀ, compact, descending */
    record Mode(DMatrixRMaj u, DMatrixRMaj v, double[] s) {}

    static Mode basis(DMatrixRMaj t) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(t.numRows, t.numCols, true, true, true);
        if (!svd.decompose(t.copy())) throw new IllegalStateException("SVD of the target failed");
        DMatrixRMaj u = svd.getU(null, false), sw = svd.getW(null), v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, sw, v, false);
        int k = Math.min(t.numRows, t.numCols);
        double[] s = new double[k];
        for (int a = 0; a < k; a++) s[a] = sw.get(a, a);
        return new Mode(u, v, s);
    }

    // ---------------------------------------------------------------------------------------------- aligned

    private static CellPrediction aligned(SimulationSpec spec, DMatrixRMaj[] w, Mode m, double delta) {
        DMatrixRMaj w1 = w[0], w2 = w[1];
        int k = m.s.length;
        DMatrixRMaj beta = new DMatrixRMaj(w2.numRows, w1.numCols);
        CommonOps_DDRM.mult(w2, w1, beta);
        double[] a0 = new double[k];
        for (int a = 0; a < k; a++) {
            double sum = 0;
            for (int i = 0; i < beta.numRows; i++)
                for (int j = 0; j < beta.numCols; j++) sum += m.u.get(i, a) * beta.get(i, j) * m.v.get(j, a);
            a0[a] = sum;
            if (a0[a] < 0 || (delta == 0 && a0[a] == 0 && m.s[a] != 0)) return null;
        }
        double[] p0 = new double[k], q0 = new double[k];
        for (int a = 0; a < k; a++) { p0[a] = gain2Out(a0[a], delta); q0[a] = gain2In(a0[a], delta); }
        DMatrixRMaj aa = new DMatrixRMaj(w2.numRows, w2.numRows), bb = new DMatrixRMaj(w1.numCols, w1.numCols);
        CommonOps_DDRM.multTransB(w2, w2, aa);
        CommonOps_DDRM.multTransA(w1, w1, bb);
        double scale = Math.max(Math.max(NormOps_DDRM.normF(aa), NormOps_DDRM.normF(bb)), NormOps_DDRM.normF(beta));
        if (!(scale > 0)) return null;
        double tol = STRUCTURE_TOLERANCE * scale;
        if (residual(beta, m.u, a0, m.v) > tol || residual(aa, m.u, p0, m.u) > tol || residual(bb, m.v, q0, m.v) > tol)
            return null;

        double tEnd = spec.duration();
        double[] aT = new double[k], aInf = m.s.clone();
        for (int a = 0; a < k; a++) aT[a] = modeAt(m.s[a], delta, a0[a], tEnd);
        int n0 = w1.numCols, nL = w2.numRows;
        double kernel = kernelDistance(a0, aT, delta, n0, nL);
        double limit = kernelDistance(a0, aInf, delta, n0, nL);
        double dist2 = 0;
        for (int a = 0; a < k; a++) {
            double d1 = Math.sqrt(gain2In(aT[a], delta)) - Math.sqrt(q0[a]);
            double d2 = Math.sqrt(gain2Out(aT[a], delta)) - Math.sqrt(p0[a]);
            dist2 += d1 * d1 + d2 * d2;
        }
        double fit = timeToFit(m.s, a0, delta, tEnd);
        return new CellPrediction(true, "lambda-balanced-aligned", null, kernel, fit, Math.sqrt(dist2), limit);
    }

    /** ‖M − X diag(d) Yᵀ‖_F */
    private static double residual(DMatrixRMaj mat, DMatrixRMaj x, double[] d, DMatrixRMaj y) {
        double r2 = 0;
        for (int i = 0; i < mat.numRows; i++) {
            for (int j = 0; j < mat.numCols; j++) {
                double v = mat.get(i, j);
                for (int a = 0; a < d.length; a++) v -= x.get(i, a) * d[a] * y.get(j, a);
                r2 += v * v;
            }
        }
        return Math.sqrt(r2);
    }

    /** g₂² = (δ + √(δ² + 4a²))/2, written without cancellation for δ < 0 */
    static double gain2Out(double a, double delta) {
        double root = Math.hypot(delta, 2 * a);
        return delta >= 0 ? (delta + root) / 2 : 2 * a * a / (root - delta);
    }

    /** g₁² = (−δ + √(δ² + 4a²))/2, written without cancellation for δ > 0 */
    static double gain2In(double a, double delta) {
        double root = Math.hypot(delta, 2 * a);
        return delta <= 0 ? (root - delta) / 2 : 2 * a * a / (root + delta);
    }

    /** S(0,t) for aligned modes a₀ → a (diagonal A, B in fixed bases; zero on the complements) */
    static double kernelDistance(double[] a0, double[] a, double delta, int n0, int nL) {
        int k = a0.length;
        double[] p0 = new double[k], q0 = new double[k], p = new double[k], q = new double[k];
        for (int i = 0; i < k; i++) {
            p0[i] = gain2Out(a0[i], delta); q0[i] = gain2In(a0[i], delta);
            p[i] = gain2Out(a[i], delta); q[i] = gain2In(a[i], delta);
        }
        double k0k = ntkInner(p0, q0, p, q, n0, nL);
        double k00 = ntkInner(p0, q0, p0, q0, n0, nL);
        double kkk = ntkInner(p, q, p, q, n0, nL);
        return clamp01(1 - k0k / Math.sqrt(k00 * kkk));
    }

    /** ⟨I⊗A + B⊗I, I⊗A' + B'⊗I⟩ for A = diag(p), B = diag(q) in fixed bases */
    private static double ntkInner(double[] p, double[] q, double[] p2, double[] q2, int n0, int nL) {
        double pp = 0, qq = 0, sp = 0, sq = 0, sp2 = 0, sq2 = 0;
        for (int i = 0; i < p.length; i++) {
            pp += p[i] * p2[i]; qq += q[i] * q2[i];
            sp += p[i]; sq += q[i]; sp2 += p2[i]; sq2 += q2[i];
        }
        return n0 * pp + nL * qq + sp * sq2 + sq * sp2;
    }

    private static double clamp01(double s) { return Math.min(1.0, Math.max(0.0, s)); }

    /** a(t) of ȧ = √(δ² + 4a²)(s − a), a(0) = a₀: the closed form of {@link LambdaBalanced#value} */
    public static double modeAt(double s, double delta, double a0, double t) {
        if (t <= 0) return a0;
        return LambdaBalanced.value(delta, s, a0, t);
    }

    /**
     * First t with ½Σ(s − a(t))² ≤ FIT_FRACTION · ½Σ(s − a₀)² (the excess loss of a whitened aligned run),
     * NaN when it is not reached within the run's duration (so it compares with the simulated cell).
     */
    static double timeToFit(double[] s, double[] a0, double delta, double duration) {
        double e0 = excess(s, a0, delta, 0);
        if (e0 == 0) return 0.0;
        double goal = CellMetrics.FIT_FRACTION * e0;
        if (excess(s, a0, delta, duration) > goal) return Double.NaN;
        double lo = 0, hi = duration;
        for (int it = 0; it < BISECTION_ITERATIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (excess(s, a0, delta, mid) > goal) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double excess(double[] s, double[] a0, double delta, double t) {
        double e = 0;
        for (int a = 0; a < s.length; a++) {
            double d = s[a] - modeAt(s[a], delta, a0[a], t);
            e += 0.5 * d * d;
        }
        return e;
    }

    // --------------------------------------------------------------------------------- balanced, square

    /** S(0, ∞) for an exactly λ-balanced square init (D = δI), or NaN when that does not apply */
    private static double balancedSquareLimit(Network net, DMatrixRMaj[] w, Mode m, double delta) {
        int n0 = net.width(0), h = net.width(1), nL = net.width(2);
        if (n0 != h || h != nL) return Double.NaN;
        DMatrixRMaj w1 = w[0], w2 = w[1];
        DMatrixRMaj d = new DMatrixRMaj(h, h), tmp = new DMatrixRMaj(h, h);
        CommonOps_DDRM.multTransA(w2, w2, d);
        CommonOps_DDRM.multTransB(w1, w1, tmp);
        CommonOps_DDRM.subtractEquals(d, tmp);
        double scale = Math.max(NormOps_DDRM.normF(d), Math.max(NormOps_DDRM.normF(tmp), Math.abs(delta)));
        for (int i = 0; i < h; i++) d.add(i, i, -delta);
        if (!(scale > 0) || NormOps_DDRM.normF(d) > STRUCTURE_TOLERANCE * scale) return Double.NaN;
        // δ ≠ 0 with a singular T leaves the root of X² − δX = TTᵀ ambiguous on T's null space
        if (delta != 0) for (double s : m.s) if (!(s > 0)) return Double.NaN;
        DMatrixRMaj a0 = new DMatrixRMaj(nL, nL), b0 = new DMatrixRMaj(n0, n0);
        CommonOps_DDRM.multTransB(w2, w2, a0);
        CommonOps_DDRM.multTransA(w1, w1, b0);
        int k = m.s.length;
        double[] p = new double[k], q = new double[k];
        for (int a = 0; a < k; a++) { p[a] = gain2Out(m.s[a], delta); q[a] = gain2In(m.s[a], delta); }
        DMatrixRMaj aInf = diagIn(m.u, p), bInf = diagIn(m.v, q);
        double k0k = ntkInner(a0, b0, aInf, bInf, n0, nL);
        double k00 = ntkInner(a0, b0, a0, b0, n0, nL);
        double kkk = ntkInner(aInf, bInf, aInf, bInf, n0, nL);
        return clamp01(1 - k0k / Math.sqrt(k00 * kkk));
    }

    private static DMatrixRMaj diagIn(DMatrixRMaj x, double[] d) {
        DMatrixRMaj r = new DMatrixRMaj(x.numRows, x.numRows);
        for (int i = 0; i < x.numRows; i++)
            for (int j = 0; j < x.numRows; j++) {
                double v = 0;
                for (int a = 0; a < d.length; a++) v += x.get(i, a) * d[a] * x.get(j, a);
                r.set(i, j, v);
            }
        return r;
    }

    /** ⟨I⊗A + B⊗I, I⊗C + D⊗I⟩ = n₀ tr(AC) + n_L tr(BD) + tr A tr D + tr B tr C (A, C symmetric) */
    private static double ntkInner(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj d, int n0, int nL) {
        return n0 * frobenius(a, c) + nL * frobenius(b, d)
                + CommonOps_DDRM.trace(a) * CommonOps_DDRM.trace(d) + CommonOps_DDRM.trace(b) * CommonOps_DDRM.trace(c);
    }

    /** ⟨A, B⟩_F = Σ A_ij B_ij */
    private static double frobenius(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.data.length && i < a.getNumElements(); i++) s += a.data[i] * b.data[i];
        return s;
    }
}
