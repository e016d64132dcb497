package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.TheoryResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;

/**
 * Chooses the exact solution that applies to a run, if any, and evaluates it on the run's t grid.
 * The choice is made from the numbers (widths, Σxx, θ0 itself), never from the scheme's name:
 * <ul>
 * <li>depth 1: "linear" — W(t) = T + (W0 − T) exp(−η c Σxx t) for any Σxx;</li>
 * <li>widths [d,1,1] or [1,1,c], Σxx = cI: "single-neuron" ({@link NeuronFlow}), any θ0, δ, rates;</li>
 * <li>θ0 task-aligned (checked numerically) and every mode's input direction an eigenvector of Σxx (Σxx = cI
 * or Saxe et al.'s commuting Σxx; mode α runs on the clock λ_α t): depth 2, any per-mode δ: "lambda-balanced"
 * ({@link LambdaBalanced}; "saxe" when every δ_α = 0); depth &gt; 2 with every D_ℓ = 0: "saxe" ({@link Saxe});
 * depth &gt; 2 with any other gains: "lambda-balanced" when every D_ℓ = λI, else "aligned-modes" (the exact
 * one-dimensional implicit solution of {@link AlignedMode});</li>
 * <li>anything else: unavailable, with the reason.</li>
 * </ul>
 * Gradient descent runs get no overlay (the exact solutions are of gradient flow; RK4 runs do get it).
 */
public final class Theories {
    private Theories() {}

    /** |D_ℓ| / (η_ℓ c_{ℓ+1}² + η_{ℓ+1} c_ℓ²) below which a mode counts as balanced (δ = 0) */
    public static final double BALANCE_TOLERANCE = 1e-12;
    /** relative spread of the D_ℓ^α below which a deep aligned start is reported as "lambda-balanced" */
    public static final double LAMBDA_TOLERANCE = 1e-9;
    /** relative tolerance for Σxx = cI */
    public static final double ISOTROPY_TOLERANCE = 1e-13;

    public static TheoryResult evaluate(SimulationSpec spec, double[] t) {
        try {
            return evaluateUnchecked(spec, t);
        } catch (RuntimeException e) {
            return TheoryResult.unavailable("the exact solution could not be evaluated: " + e.getMessage());
        }
    }

    /** why no exact solution of this tool applies to the piecewise-linear family */
    public static final String PIECEWISE_REASON = "the exact solutions are for linear networks, and this network has a "
            + "piecewise-linear activation (f(x) = aᵀσ(Wx))";

    private static TheoryResult evaluateUnchecked(SimulationSpec spec, double[] t) {
        if (spec.network().isPiecewise()) return TheoryResult.unavailable(PIECEWISE_REASON);
        if (spec.network().frozenOutput()) return TheoryResult.unavailable(Overlays.FROZEN_REASON);
        if (spec.task().isMeasured()) return TheoryResult.unavailable(Overlays.MEASURED_REASON);
        if (spec.method() == Method.GRADIENT_DESCENT)
            return TheoryResult.unavailable("exact solutions describe gradient flow; gradient descent with η = "
                    + spec.learningRate() + " follows them only in the limit η → 0");
        Network net = spec.network();
        Task task = spec.task();
        double[] theta0 = spec.theta0();
        for (double v : theta0) if (!Double.isFinite(v)) return TheoryResult.unavailable("initial weights are not finite");
        if (net.depth() == 1) return linear(net, task, theta0, t);
        double c = isotropicScale(task.sigmaXX());
        boolean single = isSingleNeuron(net);
        if (c == 0) return TheoryResult.unavailable("Σxx = 0: the loss does not depend on the weights");
        if (single && !Double.isNaN(c)) return singleNeuron(net, task, theta0, c, t);
        String[] why = new String[1];
        AlignedModes modes = AlignedModes.detect(net, task, theta0, why);
        if (modes == null) {
            if (Double.isNaN(c))
                return TheoryResult.unavailable("inputs are not whitened (Σxx is not a multiple of I) and the start is not"
                        + " task-aligned: no exact trajectory is known"
                        + (single ? "; the implicit bias at interpolation is SingleNeuron.implicitBias (seed 002 Thm 1)" : ""));
            return TheoryResult.unavailable("no exact solution: " + why[0]
                    + ". Exact solutions need a task-aligned initialization (any depth, any layer gains) or one hidden neuron");
        }
        double[] lambda = modes.inputVariances(task.sigmaXX(), why);
        if (lambda == null)
            return TheoryResult.unavailable(why[0] + ": no exact trajectory is known"
                    + (single ? "; the implicit bias at interpolation is SingleNeuron.implicitBias (seed 002 Thm 1)" : ""));
        return aligned(net, task, modes, lambda, t);
    }

    /** c if Σxx = cI (to {@link #ISOTROPY_TOLERANCE}), else NaN */
    static double isotropicScale(DMatrixRMaj sxx) {
        int n = sxx.numRows;
        double c = 0;
        for (int i = 0; i < n; i++) c += sxx.get(i, i);
        c /= n;
        double tol = ISOTROPY_TOLERANCE * Math.abs(c);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (Math.abs(sxx.get(i, j) - (i == j ? c : 0.0)) > tol) return Double.NaN;
        return c;
    }

    static boolean isSingleNeuron(Network net) {
        return isSingleNeuron(net.widths());
    }

    /** widths [d, 1, 1] or [1, 1, c] */
    static boolean isSingleNeuron(int[] w) {
        return w.length == 3 && w[1] == 1 && (w[2] == 1 || w[0] == 1);
    }

    // ------------------------------------------------------------------ depth 1

    /** dW/dt = −η (W − T) Σxx  ⇒  W(t) = T + (W0 − T) Q e^{−ηΛt} Qᵀ. */
    private static TheoryResult linear(Network net, Task task, double[] theta0, double[] t) {
        double eta = net.rate(1);
        DMatrixRMaj sxx = task.sigmaXX();
        DMatrixRMaj target = task.target();
        int n0 = net.inputDim(), nL = net.outputDim();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n0, true, true);
        if (!eig.decompose(sxx.copy())) return TheoryResult.unavailable("eigen-decomposition of Σxx failed");
        DMatrixRMaj q = new DMatrixRMaj(n0, n0);
        double[] lam = new double[n0];
        for (int i = 0; i < n0; i++) {
            lam[i] = Math.max(0.0, eig.getEigenvalue(i).real);
            DMatrixRMaj v = eig.getEigenVector(i);
            double nv = NormOps_DDRM.normF(v);
            for (int j = 0; j < n0; j++) q.set(j, i, v.get(j) / nv);
        }
        DMatrixRMaj w0 = Objective.layers(net, theta0)[0];
        DMatrixRMaj e0 = new DMatrixRMaj(nL, n0);
        CommonOps_DDRM.subtract(w0, target, e0);
        DMatrixRMaj e0q = new DMatrixRMaj(nL, n0);
        CommonOps_DDRM.mult(e0, q, e0q);
        boolean keep = net.parameterCount() <= Frame.MAX_WEIGHT_PARAMETERS;
        double[][] sv = new double[t.length][];
        double[][][] weights = keep ? new double[t.length][][] : null;
        double[] loss = new double[t.length];
        double[] kd = new double[t.length];
        for (int f = 0; f < t.length; f++) {
            DMatrixRMaj scaled = e0q.copy();
            for (int j = 0; j < n0; j++) {
                double decay = Math.exp(-eta * lam[j] * t[f]);
                for (int i = 0; i < nL; i++) scaled.set(i, j, scaled.get(i, j) * decay);
            }
            DMatrixRMaj err = new DMatrixRMaj(nL, n0);
            CommonOps_DDRM.multTransB(scaled, q, err);
            DMatrixRMaj w = new DMatrixRMaj(nL, n0);
            CommonOps_DDRM.add(target, err, w);
            DMatrixRMaj es = new DMatrixRMaj(nL, n0);
            CommonOps_DDRM.mult(err, sxx, es);
            loss[f] = 0.5 * frobenius(es, err) + task.minimumLoss();
            sv[f] = Task.singularValues(w);
            if (keep) weights[f] = new double[][]{w.data.clone()};
        }
        return TheoryResult.of("linear", t, sv, weights, loss, kd);
    }

    // ------------------------------------------------------------------ single neuron

    private static TheoryResult singleNeuron(Network net, Task task, double[] theta0, double c, double[] t) {
        int[] widths = net.widths();
        boolean columnForm = widths[2] == 1;        // [d,1,1]: W_1 = wᵀ, W_2 = a
        DMatrixRMaj[] w = Objective.layers(net, theta0);
        DMatrixRMaj target = task.target();
        double[] beta = target.data.clone();        // 1×d or c×1: either way the entries of β*
        double a0;
        double[] w0;
        double etaA, etaW;
        if (columnForm) {
            w0 = w[0].data.clone();
            a0 = w[1].get(0, 0);
            etaW = net.rate(1) * c;
            etaA = net.rate(2) * c;
        } else {
            a0 = w[0].get(0, 0);
            w0 = w[1].data.clone();
            etaA = net.rate(1) * c;
            etaW = net.rate(2) * c;
        }
        NeuronFlow sn = new NeuronFlow(beta, a0, w0, etaA, etaW);
        double[][] sv = new double[t.length][];
        double[][][] weights = new double[t.length][][];
        double[] loss = new double[t.length];
        double[] kd = new double[t.length];
        for (int f = 0; f < t.length; f++) {
            double a = sn.a(t[f]);
            double[] wt = sn.w(t[f]);
            double r2 = 0;
            for (int i = 0; i < wt.length; i++) { double e = a * wt[i] - beta[i]; r2 += e * e; }
            loss[f] = 0.5 * c * r2 + task.minimumLoss();
            sv[f] = new double[]{Math.abs(a) * Math.sqrt(NeuronFlow.dot(wt, wt))};
            weights[f] = columnForm ? new double[][]{wt, {a}} : new double[][]{{a}, wt};
            kd[f] = NeuronFlow.kernelDistance(a0, w0, a, wt, etaA, etaW);
        }
        return TheoryResult.of("single-neuron", t, sv, weights, loss, kd);
    }

    // ------------------------------------------------------------------ aligned modes

    /** λ[α]: each mode's input variance r_0ᵀΣxx r_0 (= c for Σxx = cI), its clock runs at λ_α t */
    private static TheoryResult aligned(Network net, Task task, AlignedModes m, double[] lambda, double[] t) {
        int depth = net.depth(), k = m.k;
        String model;
        boolean unbalanced = false;
        double[] deltas = new double[k];
        if (depth == 2) {
            boolean allBalanced = true;
            for (int a = 0; a < k; a++) {
                if (!m.active[a]) continue;
                double d = m.delta2(net, a);
                double size = net.rate(1) * sq(m.gains[a][1]) + net.rate(2) * sq(m.gains[a][0]);
                if (Math.abs(d) <= BALANCE_TOLERANCE * size) d = 0.0;
                deltas[a] = d;
                allBalanced &= d == 0.0;
            }
            model = allBalanced ? "saxe" : "lambda-balanced";
        } else {
            for (int a = 0; a < k; a++)
                if (m.active[a] && m.s[a] < 0)
                    return TheoryResult.unavailable("mode " + (a + 1) + " starts anti-aligned with the target (s_α < 0)");
            double imbalance = m.maxRelativeImbalance(net);
            unbalanced = imbalance > BALANCE_TOLERANCE;
            model = !unbalanced ? "saxe" : m.isLambdaBalanced(net, LAMBDA_TOLERANCE) ? "lambda-balanced" : "aligned-modes";
        }
        double prodEta = 1;
        for (int l = 1; l <= depth; l++) prodEta *= net.rate(l);
        double gamma = Math.sqrt(prodEta);                 // depth 2: √(η1η2)
        double rho = Math.pow(prodEta, 1.0 / depth);
        boolean keep = net.parameterCount() <= Frame.MAX_WEIGHT_PARAMETERS;
        double[][] sv = new double[t.length][];
        double[][][] weights = keep ? new double[t.length][][] : null;
        double[] loss = new double[t.length];
        double[] kd = new double[t.length];
        double[][] gains0 = new double[k][];
        for (int a = 0; a < k; a++) gains0[a] = m.active[a] ? m.gains[a].clone() : new double[depth];
        DMatrixRMaj sxx = task.sigmaXX();
        double restLoss = 0.5 * quadratic(m.rest, sxx);
        double[] inWeight = new double[k];
        double modeSq = 0;
        for (int a = 0; a < k; a++) if (m.active[a]) { inWeight[a] = lambda[a]; modeSq += lambda[a] * lambda[a]; }
        double restIn = Math.sqrt(Math.max(0.0, frobenius(sxx, sxx) - modeSq));
        double[][] k0 = kernelFactors(net, m, gains0, inWeight, restIn);
        // every mode on the whole grid at once (warm-started inversions)
        double[][] modeValues = new double[k][];
        double[][][] modeGains = new double[k][][];
        double[] scaledT = new double[t.length];
        for (int a = 0; a < k; a++) {
            if (!m.active[a]) continue;
            double a0 = m.product(a);
            if (depth == 2) {
                for (int f = 0; f < t.length; f++) scaledT[f] = lambda[a] * t[f];
                double[] u = LambdaBalanced.values(deltas[a], gamma * m.s[a], gamma * a0, scaledT);
                for (int f = 0; f < u.length; f++) u[f] /= gamma;
                modeValues[a] = u;
            } else if (!unbalanced) {
                for (int f = 0; f < t.length; f++) scaledT[f] = lambda[a] * rho * t[f];
                modeValues[a] = Saxe.values(depth, m.s[a], a0, scaledT);
            } else {
                // any aligned gains at depth > 2: the conservation laws leave a 1-D implicit solution (AlignedMode)
                AlignedMode mode = new AlignedMode(m.gains[a], net.layerRates(), m.s[a], lambda[a]);
                double[][] ev = mode.evaluate(t);
                if (mode.degraded())
                    return TheoryResult.unavailable("the implicit solution of mode " + (a + 1)
                            + " could not be integrated to full accuracy for these gains");
                modeValues[a] = new double[t.length];
                modeGains[a] = new double[t.length][];
                for (int f = 0; f < t.length; f++) {
                    modeValues[a][f] = ev[f][0];
                    modeGains[a][f] = java.util.Arrays.copyOfRange(ev[f], 1, depth + 1);
                }
            }
        }
        for (int f = 0; f < t.length; f++) {
            double[][] g = new double[k][];
            double[] amp = new double[k];
            double lossSum = 0;
            for (int a = 0; a < k; a++) {
                if (!m.active[a]) { g[a] = new double[depth]; continue; }
                double val = modeValues[a][f];
                if (depth == 2) {
                    g[a] = LambdaBalanced.layerGains(deltas[a], val, net.rate(1), net.rate(2), 1, 1);
                } else if (unbalanced) {
                    g[a] = modeGains[a][f];
                } else {
                    g[a] = new double[depth];
                    double kappa = Math.pow(val / gamma, 1.0 / depth);
                    for (int l = 1; l <= depth; l++) g[a][l - 1] = Math.sqrt(net.rate(l)) * kappa;
                }
                amp[a] = val;
                lossSum += lambda[a] * sq(val - m.s[a]);
            }
            loss[f] = 0.5 * lossSum + restLoss + task.minimumLoss();
            double[] s = new double[k];
            for (int a = 0; a < k; a++) s[a] = Math.abs(amp[a]);
            Arrays.sort(s);
            for (int i = 0; i < k / 2; i++) { double tmp = s[i]; s[i] = s[k - 1 - i]; s[k - 1 - i] = tmp; }
            sv[f] = s;
            if (keep) weights[f] = layerMatrices(net, m, g);
            double[][] kt = kernelFactors(net, m, g, inWeight, restIn);
            kd[f] = kernelDistance(k0, kt, net);
        }
        return TheoryResult.of(model, t, sv, weights, loss, kd);
    }

    private static double[][] layerMatrices(Network net, AlignedModes m, double[][] g) {
        double[][] out = new double[net.depth()][];
        for (int l = 1; l <= net.depth(); l++) {
            int rows = net.rows(l), cols = net.cols(l);
            double[] w = new double[rows * cols];
            for (int a = 0; a < m.k; a++) {
                if (!m.active[a]) continue;
                double[] left = m.dirs[a][l], right = m.dirs[a][l - 1];
                double c = g[a][l - 1];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < cols; j++) w[i * cols + j] += c * left[i] * right[j];
            }
            out[l - 1] = w;
        }
        return out;
    }

    /**
     * NTK factors in the mode bases (SPEC §1: K = Σ_ℓ η_ℓ (X P_{ℓ−1}ᵀP_{ℓ−1} Xᵀ) ⊗ (S_{ℓ+1}S_{ℓ+1}ᵀ)); with
     * every active r_0^α an eigenvector of XᵀX ∝ Σxx (eigenvalue λ_α), ⟨K, K'⟩ ∝ Σ_{ℓ,m} tr(G_ℓΣG'_mΣ)·⟨B_ℓ, B'_m⟩
     * with G_ℓ = P_{ℓ−1}ᵀP_{ℓ−1}. Row ℓ−1 of the result holds η_ℓ λ_α (Π_{m&lt;ℓ} c_m^α)² per mode plus one entry
     * η_1 √(‖Σ‖_F² − Σ_active λ_α²) for G_1 = I on the unused directions; row L + ℓ − 1 holds (Π_{m&gt;ℓ} c_m^α)²
     * per mode (then 1 on the nL − k unused output directions for ℓ = L).
     */
    private static double[][] kernelFactors(Network net, AlignedModes m, double[][] g, double[] inWeight,
                                            double restIn) {
        int depth = net.depth(), k = m.k, n0 = net.inputDim(), nL = net.outputDim();
        double[][] out = new double[2 * depth][];
        for (int l = 1; l <= depth; l++) {
            double[] in = new double[k + 1], outp = new double[nL];
            for (int a = 0; a < k; a++) {
                double p = 1, q = 1;
                for (int j = 1; j < l; j++) p *= g[a][j - 1];
                for (int j = l + 1; j <= depth; j++) q *= g[a][j - 1];
                in[a] = net.rate(l) * inWeight[a] * (l == 1 ? 1.0 : p * p);
                outp[a] = l == depth ? 1.0 : q * q;
            }
            in[k] = l == 1 ? net.rate(l) * restIn : 0.0;   // Σxx on the directions no active mode uses, lumped
            for (int i = k; i < nL; i++) outp[i] = l == depth ? 1.0 : 0.0;
            out[l - 1] = in;
            out[depth + l - 1] = outp;
        }
        return out;
    }

    private static double kernelInner(double[][] x, double[][] y, int depth) {
        double s = 0;
        for (int l = 0; l < depth; l++)
            for (int j = 0; j < depth; j++)
                s += AlignedModes.dot(x[l], y[j]) * AlignedModes.dot(x[depth + l], y[depth + j]);
        return s;
    }

    private static double kernelDistance(double[][] k0, double[][] kt, Network net) {
        int depth = net.depth();
        double den = Math.sqrt(kernelInner(k0, k0, depth) * kernelInner(kt, kt, depth));
        if (!(den > 0)) return 0.0;
        return Math.min(1.0, Math.max(0.0, 1.0 - kernelInner(k0, kt, depth) / den));
    }

    private static double sq(double x) { return x * x; }

    /** tr(A Σ Aᵀ) */
    private static double quadratic(DMatrixRMaj a, DMatrixRMaj sigma) {
        DMatrixRMaj as = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(a, sigma, as);
        return frobenius(as, a);
    }

    private static double frobenius(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) s += a.data[i] * b.data[i];
        return s;
    }
}
