package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.objective.Balance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exact gradient flow of the single hidden neuron f(x) = a wᵀx (Kunin et al., seed 002 §3 and appendix A),
 * whitened inputs (Σxx = I; Σxx = cI by scaling both rates by c):
 * <pre>  ȧ = η_a (wᵀβ* − a‖w‖²),   ẇ = η_w (a β* − a² w),   δ = η_w a² − η_a ‖w‖² conserved.</pre>
 * Derivation (ours; it covers every δ, every initial condition, sign changes of a, ‖β*‖ ≠ 1, η_a ≠ η_w):
 * with ω = wᵀβ* and w⊥ the part of w orthogonal to β*, ν = ω/a obeys the constant-coefficient Riccati
 * equation ν̇ = η_w‖β*‖² − δν − η_aν², linearised by ν = ṗ/(η_a p), p̈ + δṗ − η_aη_w‖β*‖² p = 0,
 * p(0) = a0, ṗ(0) = η_a ω0. With q = p e^{δt} = A e^{κ₊t} + C e^{κ₋t} and D(t) = 1 + 2η_w ∫₀ᵗ q²:
 * <pre>  a(t) = q/√D,   ω(t) = (−κ₋A e^{κ₊t} − κ₊C e^{κ₋t}) / (η_a √D),   w⊥(t) = w⊥(0)/√D,
 *   κ± = δ/2 ± ½√(δ² + 4η_aη_w‖β*‖²),  A = (η_a ω0 + κ₊ a0)/(κ₊ − κ₋),  C = a0 − A.</pre>
 * (Check: q̇ = Ω + δq and Ω̇ = η_aη_w‖β*‖² q with Ω = η_a ω √D; Ḋ = 2η_w q² gives the a³ and a²w⊥ terms.)
 * a changes sign exactly when q does (at most once); the limit is a → sgn(A)√(κ₊/η_w): the basin of the
 * positive branch is η_a wᵀβ* + κ₊ a &gt; 0, the separating surface η_a wᵀβ* + κ₊ a = 0 (seed 002 eq. for S⁺
 * with unit rates), on which the flow goes to the saddle a = wᵀβ* = 0. Everything is evaluated scaled by
 * e^{−κ₊t} so that no exponential overflows.
 */
public final class NeuronFlow {
    private final int d;
    private final double[] betaStar;
    private final double b2;             // ‖β*‖²
    private final double etaA, etaW;
    private final double a0;
    private final double[] w0;
    private final double omega0;
    private final double[] wPerp0;
    private final double delta, kPlus, kMinus, rr, coefA, coefC;

    /**
     * @param betaStar β* (whitened: the target T as a vector)
     * @param a0 a(0)
     * @param w0 w(0)
     * @param etaA learning rate of a (times c for Σxx = cI)
     * @param etaW learning rate of w (times c for Σxx = cI)
     */
    public NeuronFlow(double[] betaStar, double a0, double[] w0, double etaA, double etaW) {
        if (betaStar.length != w0.length) throw new IllegalArgumentException("β* and w0 differ in dimension");
        if (!(etaA > 0) || !(etaW > 0)) throw new IllegalArgumentException("rates must be positive");
        this.d = w0.length;
        this.betaStar = betaStar.clone();
        this.etaA = etaA;
        this.etaW = etaW;
        this.a0 = a0;
        this.w0 = w0.clone();
        this.b2 = dot(betaStar, betaStar);
        this.omega0 = dot(w0, betaStar);
        this.wPerp0 = w0.clone();
        if (b2 > 0) for (int i = 0; i < d; i++) wPerp0[i] -= omega0 / b2 * betaStar[i];
        this.delta = Balance.singleNeuron(a0, w0, etaW, etaA);
        this.rr = 0.5 * Math.sqrt(delta * delta + 4 * etaA * etaW * b2);
        double prod = etaA * etaW * b2;
        if (delta >= 0) {                       // κ₊κ₋ = −η_aη_w‖β*‖²: take the non-cancelling root first
            this.kPlus = delta / 2 + rr;
            this.kMinus = kPlus > 0 ? -prod / kPlus : 0.0;
        } else {
            this.kMinus = delta / 2 - rr;
            this.kPlus = -prod / kMinus;
        }
        if (rr > 0) {
            this.coefA = (etaA * omega0 + kPlus * a0) / (2 * rr);
            this.coefC = -(etaA * omega0 + kMinus * a0) / (2 * rr);
        } else {
            this.coefA = 0;
            this.coefC = a0;
        }
    }

    /**
     * A one-neuron run's start read from θ(0): widths [d,1,1] (column form: W_1 = wᵀ, W_2 = a) or [1,1,c]
     * (W_1 = a, W_2 = w), with the layer rates of a and w and the target β*.
     */
    private record Start(double[] beta, double a0, double[] w0, double rateA, double rateW, boolean columnForm) {
        static Start of(org.dlnexplorer.model.engine.SimulationSpec spec) {
            return of(spec.network(), spec.task(), spec.theta0());
        }

        static Start of(org.dlnexplorer.model.core.Network net, org.dlnexplorer.model.core.Task task, double[] theta) {
            double[] beta = task.target().data.clone();
            int d = beta.length;
            boolean columnForm = net.width(2) == 1;
            double[] w0 = columnForm ? java.util.Arrays.copyOf(theta, d) : java.util.Arrays.copyOfRange(theta, 1, d + 1);
            double a0 = columnForm ? theta[d] : theta[0];
            return new Start(beta, a0, w0, net.rate(columnForm ? 2 : 1), net.rate(columnForm ? 1 : 2), columnForm);
        }
    }

    /**
     * The exact solution of a run whose network is one hidden neuron (widths [d,1,1] with W_1 = wᵀ, W_2 = a,
     * or [1,1,c] with W_1 = a, W_2 = w) on inputs with Σxx = cI; null when the run is not such a model.
     */
    public static NeuronFlow fromSpec(org.dlnexplorer.model.engine.SimulationSpec spec) {
        return fromWeights(spec.network(), spec.task(), spec.theta0());
    }

    /** {@link #fromSpec} from the network, the task and θ(0) (a recorded run without its spec) */
    public static NeuronFlow fromWeights(org.dlnexplorer.model.core.Network net, org.dlnexplorer.model.core.Task task,
                                         double[] theta0) {
        if (!Theories.isSingleNeuron(net)) return null;
        double c = Theories.isotropicScale(task.sigmaXX());
        if (!(c > 0)) return null;
        Start s = Start.of(net, task, theta0);
        return new NeuronFlow(s.beta, s.a0, s.w0, c * s.rateA, c * s.rateW);
    }

    /** conserved δ = η_w a² − η_a ‖w‖² */
    public double delta() { return delta; }
    public double[] betaStar() { return betaStar.clone(); }
    public double etaA() { return etaA; }
    public double etaW() { return etaW; }

    /** +1 if the flow converges to the branch a &gt; 0 of the minima hyperbola, −1 for a &lt; 0, 0 for the saddle. */
    public int basin() {
        if (b2 == 0) return 0;
        return (int) Math.signum(coefA);
    }

    /** The state (a, ω = wᵀβ*, w⊥ scale factor) at time t: {a, ω, f} with w⊥(t) = f·w⊥(0). */
    private double[] state(double t) {
        if (t == 0) return new double[]{a0, omega0, 1.0};
        if (rr == 0) {
            // β* = 0 and δ = 0: q = a0, D = 1 + 2η_w a0² t
            double dd = 1 + 2 * etaW * a0 * a0 * t;
            double sq = Math.sqrt(dd);
            return new double[]{a0 / sq, 0.0, 1.0 / sq};
        }
        double A = coefA, C = coefC;
        if (A == 0) {
            double e = Math.exp(kMinus * t);
            double dd = 1 + 2 * etaW * C * C * expm1Ratio(2 * kMinus, t);
            double sq = Math.sqrt(dd);
            return new double[]{C * e / sq, -kPlus * C * e / (etaA * sq), 1.0 / sq};
        }
        // scaled by e^{−κ₊t}: S² = e^{−2κ₊t} D
        double e2r = Math.exp(-2 * rr * t);
        double ekp = Math.exp(-kPlus * t);
        double s2 = ekp * ekp * (1 + 2 * etaW * C * C * expm1Ratio(2 * kMinus, t))
                + 2 * etaW * A * A * negExpm1Ratio(2 * kPlus, t)
                + 4 * etaW * A * C * cross(t);
        double sc = Math.sqrt(s2);
        double a = (A + C * e2r) / sc;
        double omega = (-kMinus * A - kPlus * C * e2r) / (etaA * sc);
        return new double[]{a, omega, ekp / sc};
    }

    /** e^{−2Rt}(1 − e^{−δt})/δ = e^{−2κ₊t}∫₀ᵗ e^{δs} ds, stable for every sign of δ */
    private double cross(double t) {
        if (delta == 0) return t * Math.exp(-2 * rr * t);
        if (delta > 0) return Math.exp(-2 * rr * t) * (-Math.expm1(-delta * t)) / delta;
        double m = -delta;
        if (m * t < 1) return Math.exp(-2 * rr * t) * Math.expm1(m * t) / m;
        return (Math.exp((m - 2 * rr) * t) - Math.exp(-2 * rr * t)) / m;
    }

    /** (e^{xt} − 1)/x, → t as x → 0 */
    private static double expm1Ratio(double x, double t) { return x == 0 ? t : Math.expm1(x * t) / x; }

    /** (1 − e^{−xt})/x, → t as x → 0 */
    private static double negExpm1Ratio(double x, double t) { return x == 0 ? t : -Math.expm1(-x * t) / x; }

    public double a(double t) { return state(t)[0]; }

    public double[] w(double t) {
        double[] st = state(t);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) w[i] = st[2] * wPerp0[i] + (b2 > 0 ? st[1] / b2 * betaStar[i] : 0.0);
        return w;
    }

    /** β(t) = a(t) w(t) */
    public double[] beta(double t) {
        double[] st = state(t);
        double[] w = w(t);
        for (int i = 0; i < d; i++) w[i] *= st[0];
        return w;
    }

    /** signed magnitude μ = a‖w‖ */
    public double mu(double t) {
        double[] w = w(t);
        return a(t) * Math.sqrt(dot(w, w));
    }

    /** alignment φ = wᵀβ* / (‖w‖‖β*‖) */
    public double phi(double t) {
        double[] w = w(t);
        return dot(w, betaStar) / Math.sqrt(dot(w, w) * b2);
    }

    /** Kernel distance S(0,t) = 1 − ⟨K0,Kt⟩/(‖K0‖‖Kt‖) along the exact path (isotropic inputs). */
    public double kernelDistance(double t) {
        return kernelDistance(a0, w0, a(t), w(t), etaA, etaW);
    }

    static double kernelDistance(double a0, double[] w0, double a, double[] w, double etaA, double etaW) {
        double k0k0 = kInner(a0, w0, a0, w0, etaA, etaW);
        double kk = kInner(a, w, a, w, etaA, etaW);
        double k0k = kInner(a0, w0, a, w, etaA, etaW);
        double den = Math.sqrt(k0k0 * kk);
        if (!(den > 0)) return 0.0;
        return Math.min(1.0, Math.max(0.0, 1.0 - k0k / den));
    }

    /** tr(M M') for M = η_w a² I + η_a w wᵀ */
    private static double kInner(double a, double[] w, double a2, double[] w2, double etaA, double etaW) {
        int d = w.length;
        double ww = dot(w, w), vv = dot(w2, w2), wv = dot(w, w2);
        return etaW * etaW * a * a * a2 * a2 * d + etaW * etaA * (a * a * vv + a2 * a2 * ww) + etaA * etaA * wv * wv;
    }

    // ---------------------------------------------------------------- geometry

    /**
     * The point of the minima hyperbola a w = β* on the hyperboloid δ, branch sign ±1:
     * a² = (δ + √(δ² + 4η_aη_w‖β*‖²))/(2η_w), w = β* / a. Returns {a, w_1, …, w_d}.
     */
    public static double[] minimum(double[] betaStar, double delta, double etaA, double etaW, int branch) {
        double b2 = dot(betaStar, betaStar);
        double r = Math.sqrt(delta * delta + 4 * etaA * etaW * b2);
        double a2 = delta >= 0 ? (delta + r) / (2 * etaW) : 2 * etaA * b2 / (r - delta);
        double a = (branch < 0 ? -1 : 1) * Math.sqrt(a2);
        double[] out = new double[betaStar.length + 1];
        out[0] = a;
        for (int i = 0; i < betaStar.length; i++) out[i + 1] = betaStar[i] / a;
        return out;
    }

    /**
     * Basin separating function η_a wᵀβ* + κ₊(δ) a (κ₊ = (δ + √(δ² + 4η_aη_w‖β*‖²))/2): positive in the
     * basin of a &gt; 0, negative in that of a &lt; 0, zero on the separating surface (which meets a
     * hyperboloid only for δ ≤ 0).
     */
    public static double basinFunction(double[] betaStar, double a, double[] w, double etaA, double etaW) {
        double b2 = dot(betaStar, betaStar);
        double delta = Balance.singleNeuron(a, w, etaW, etaA);
        double kp = delta / 2 + 0.5 * Math.sqrt(delta * delta + 4 * etaA * etaW * b2);
        return etaA * dot(w, betaStar) + kp * a;
    }

    // ---------------------------------------------------------------- implicit bias (Theorem 1)

    /**
     * Potential Φ_δ(β) = ⅓(√(δ² + 4‖β‖²) − 2δ)√(√(δ² + 4‖β‖²) + δ) + max(0, sgn δ √2|δ|^{3/2}/3) (unit rates).
     */
    public static double potential(double delta, double[] beta) {
        double x2 = dot(beta, beta);
        double k = Math.sqrt(delta * delta + 4 * x2);
        double c = delta > 0 ? Math.sqrt(2) * Math.pow(delta, 1.5) / 3 : 0.0;
        return (k - 2 * delta) * Math.sqrt(k + delta) / 3 + c;
    }

    /**
     * Implicit bias at interpolation (seed 002 Theorem 1, verified; extended here to trajectories on which a
     * changes sign): for any Σxx (low rank allowed), if the flow converges to an interpolating β(∞) with a(∞) ≠ 0,
     * <pre>  β(∞) = argmin Φ_δ(β) − σ ψ_δ β̂0ᵀβ  over {β : Σxx β = Σxx β*},  ψ_δ = √(√(δ² + 4‖β0‖²) − δ),</pre>
     * σ = sgn(a(∞) a(0)), in the coordinates β' = √(η_aη_w) β where the rates drop out.
     * Proof sketch (ours): ẇ = −η_w a Σxx(β − β*) ∈ range Σxx, so w(∞) − w(0) ∈ range Σxx, and
     * ∇Φ_δ(β') = √(κ − δ) β̂' = √(2η_a) sgn(a) w; hence ∇Φ_δ(β'∞) − σ∇Φ_δ(β'0) ⊥ null Σxx, the KKT condition of
     * the strictly convex problem. σ = −1 only for δ &lt; 0 when a crosses zero (seed 002 conjectured "β* − αv").
     * Solved by damped Newton on the null space of Σxx.
     *
     * @param delta the conserved η_w a² − η_a‖w‖² (with the true rates)
     * @param aChangesSign whether a(∞) and a(0) differ in sign (σ = −1)
     */
    public static double[] implicitBias(DMatrixRMaj sigmaXX, double[] betaStar, double[] beta0, double delta,
                                        double etaA, double etaW, boolean aChangesSign) {
        double[] b0 = beta0.clone();
        if (aChangesSign) for (int i = 0; i < b0.length; i++) b0[i] = -b0[i];
        return implicitBias(sigmaXX, betaStar, b0, delta, etaA, etaW);
    }

    /**
     * The implicit-bias prediction for a single-neuron run (widths [d,1,1] or [1,1,c], any Σxx): β(∞) for the
     * run's β0, δ and rates, assuming a(∞) has the sign of a(0) (or the opposite when aChangesSign); null when the
     * run is not a single neuron or β0 = 0.
     */
    public static double[] implicitBias(org.dlnexplorer.model.engine.SimulationSpec spec, boolean aChangesSign) {
        org.dlnexplorer.model.core.Network net = spec.network();
        if (!Theories.isSingleNeuron(net)) return null;
        Start s = Start.of(spec);
        double[] beta = s.beta, w0 = s.w0;
        double a0 = s.a0, etaA = s.rateA, etaW = s.rateW;
        boolean columnForm = s.columnForm;
        int d = beta.length;
        double[] b0 = new double[d];
        for (int i = 0; i < d; i++) b0[i] = a0 * w0[i];
        if (dot(b0, b0) == 0) return null;
        double delta = Balance.singleNeuron(a0, w0, etaW, etaA);
        DMatrixRMaj sxx = spec.task().sigmaXX();
        if (!columnForm) return null;   // [1,1,c]: the input covariance is a scalar; nothing is underdetermined
        return implicitBias(sxx, beta, b0, delta, etaA, etaW, aChangesSign);
    }

    /** {@link #implicitBias(DMatrixRMaj, double[], double[], double, double, double, boolean)} when a keeps its sign. */
    public static double[] implicitBias(DMatrixRMaj sigmaXX, double[] betaStar, double[] beta0, double delta,
                                        double etaA, double etaW) {
        int d = betaStar.length;
        double g = Math.sqrt(etaA * etaW);
        double[][] nullBasis = nullSpace(sigmaXX);
        int m = nullBasis.length;
        // particular interpolant: project β* onto range(Σxx) (the minimum-norm one), scaled to β' coordinates
        double[] bp = betaStar.clone();
        for (double[] n : nullBasis) { double c = dot(bp, n); for (int i = 0; i < d; i++) bp[i] -= c * n[i]; }
        for (int i = 0; i < d; i++) bp[i] *= g;
        double[] b0 = beta0.clone();
        for (int i = 0; i < d; i++) b0[i] *= g;
        double n0 = Math.sqrt(dot(b0, b0));
        double psi = Math.sqrt(Math.sqrt(delta * delta + 4 * n0 * n0) - delta);
        double[] lin = new double[d];
        for (int i = 0; i < d; i++) lin[i] = psi * b0[i] / n0;
        double[] z = new double[m];
        for (int it = 0; it < 200 && m > 0; it++) {
            double[] beta = compose(bp, nullBasis, z);
            double x = Math.sqrt(dot(beta, beta));
            double k = Math.sqrt(delta * delta + 4 * x * x);
            double q1 = Math.sqrt(k - delta);                    // q'(x) = 2x/√(κ+δ) = √(κ−δ)
            double q1x = 2 / Math.sqrt(k + delta);               // q'(x)/x
            double q2 = Math.sqrt(k + delta) / k;                // q''(x)
            double[] grad = new double[m];
            DMatrixRMaj hess = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                double[] ni = nullBasis[i];
                grad[i] = q1x * dot(beta, ni) - dot(lin, ni);
                for (int j = 0; j < m; j++) {
                    double[] nj = nullBasis[j];
                    double bi = x > 0 ? dot(beta, ni) / x : 0, bj = x > 0 ? dot(beta, nj) / x : 0;
                    hess.set(i, j, q1x * dot(ni, nj) + (q2 - q1x) * bi * bj);
                }
            }
            DMatrixRMaj rhs = new DMatrixRMaj(m, 1, true, grad);
            DMatrixRMaj step = new DMatrixRMaj(m, 1);
            if (!CommonOps_DDRM.solve(hess, rhs, step)) break;
            double f0 = objective(bp, nullBasis, z, delta, lin);
            double lambda = 1.0;
            double[] zn = new double[m];
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < m; i++) zn[i] = z[i] - lambda * step.get(i);
                if (objective(bp, nullBasis, zn, delta, lin) <= f0 + 1e-15 * Math.abs(f0)) break;
                lambda /= 2;
            }
            double move = 0;
            for (int i = 0; i < m; i++) { move = Math.max(move, Math.abs(zn[i] - z[i])); z[i] = zn[i]; }
            if (move <= 1e-15 * Math.max(1.0, Math.sqrt(dot(bp, bp)))) break;
        }
        double[] beta = compose(bp, nullBasis, z);
        for (int i = 0; i < d; i++) beta[i] /= g;
        return beta;
    }

    /**
     * Closed form of {@link #implicitBias} for a one-dimensional null space {v}: β = β_p + α v with
     * k = ψ_δ β̂0ᵀv/√2 (seed 002's k = −2zᵀv/3 with its z = −(3/2)ψ' β̂0, ψ' = ψ_δ/√2), α = k √((k² + δ)/2 + √(((k² + δ)/2)² + ‖β_p‖²)) (β_p the minimum-norm interpolant;
     * seed 002 appendix, which writes ‖β*‖ for ‖β_p‖), in β' = √(η_aη_w) β coordinates.
     */
    public static double[] implicitBiasOneDimensional(double[] betaP, double[] nullVector, double[] beta0,
                                                      double delta, double etaA, double etaW) {
        int d = betaP.length;
        double g = Math.sqrt(etaA * etaW);
        double nv = Math.sqrt(dot(nullVector, nullVector));
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = nullVector[i] / nv;
        double[] bp = betaP.clone();
        double c = dot(bp, v);
        for (int i = 0; i < d; i++) bp[i] = g * (bp[i] - c * v[i]);
        double n0 = g * Math.sqrt(dot(beta0, beta0));
        double psi = Math.sqrt(Math.sqrt(delta * delta + 4 * n0 * n0) - delta);
        double k = psi * dot(beta0, v) * g / (n0 * Math.sqrt(2));     // k = ψ_δ β̂0ᵀv / √2
        double h = (k * k + delta) / 2;
        double p = dot(bp, bp);
        double inner = h >= 0 ? h + Math.sqrt(h * h + p) : p / (Math.sqrt(h * h + p) - h);
        double alpha = k * Math.sqrt(inner);
        double[] beta = new double[d];
        for (int i = 0; i < d; i++) beta[i] = (bp[i] + alpha * v[i]) / g;
        return beta;
    }

    private static double objective(double[] bp, double[][] basis, double[] z, double delta, double[] lin) {
        double[] beta = compose(bp, basis, z);
        return potential(delta, beta) - dot(lin, beta);
    }

    private static double[] compose(double[] bp, double[][] basis, double[] z) {
        double[] beta = bp.clone();
        for (int j = 0; j < basis.length; j++) for (int i = 0; i < beta.length; i++) beta[i] += z[j] * basis[j][i];
        return beta;
    }

    /** Orthonormal basis of the null space of a symmetric PSD matrix (eigenvalues ≤ 1e-12·λ_max). */
    static double[][] nullSpace(DMatrixRMaj s) {
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s.copy())) throw new IllegalStateException("eigen-decomposition failed");
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(eig.getEigenvalue(i).real));
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Math.abs(eig.getEigenvalue(i).real) <= 1e-12 * Math.max(max, 1e-300)) {
                DMatrixRMaj v = eig.getEigenVector(i);
                double[] vec = new double[n];
                for (int j = 0; j < n; j++) vec[j] = v.get(j);
                for (double[] u : out) { double c = dot(vec, u); for (int j = 0; j < n; j++) vec[j] -= c * u[j]; }
                double nv = Math.sqrt(dot(vec, vec));
                for (int j = 0; j < n; j++) vec[j] /= nv;
                out.add(vec);
            }
        }
        return out.toArray(new double[0][]);
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
