package org.dlnexplorer.model.theory;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saxe (any depth, δ = 0) and λ-balanced (depth 2, any δ) modes against the adaptive engine. */
class AlignedModesAgainstEngineTest {
    private static final int SAMPLES = 21;

    /** A random aligned configuration with per-mode initial products, hidden bases and signs. */
    static final class Draw {
        Network net;
        Task task;
        double[] theta0;
        double duration;
        boolean signChange;
    }

    static Draw draw(Random rng, int depth, boolean balanced, boolean rates) {
        return draw(rng, depth, balanced, rates, false);
    }

    /** arbitraryGains: every layer gain of every mode drawn independently (deep unbalanced aligned starts) */
    static Draw draw(Random rng, int depth, boolean balanced, boolean rates, boolean arbitraryGains) {
        int n0 = 1 + rng.nextInt(4), nL = 1 + rng.nextInt(4);
        int[] widths = new int[depth + 1];
        widths[0] = n0;
        widths[depth] = nL;
        int k = Math.min(n0, nL);
        int kk = k;
        for (int l = 1; l < depth; l++) {
            widths[l] = Math.max(1, k - 1 + rng.nextInt(4));   // sometimes a bottleneck
            kk = Math.min(kk, widths[l]);
        }
        double[] eta = new double[depth];
        for (int l = 0; l < depth; l++) eta[l] = rates ? 0.5 + 1.5 * rng.nextDouble() : 1.0;
        Network net = new Network(widths, eta);
        DMatrixRMaj u = Initializer.randomOrthogonal(nL, nL, rng);
        DMatrixRMaj v = Initializer.randomOrthogonal(n0, n0, rng);
        double[] s = new double[k];
        for (int a = 0; a < k; a++) s[a] = 0.2 + 2.8 * rng.nextDouble();
        if (k > 1 && rng.nextInt(3) == 0) s[k - 1] = 0.0;                 // rank-deficient target
        DMatrixRMaj t = new DMatrixRMaj(nL, n0);
        for (int a = 0; a < k; a++)
            for (int i = 0; i < nL; i++)
                for (int j = 0; j < n0; j++) t.add(i, j, s[a] * u.get(i, a) * v.get(j, a));
        int inputs = rng.nextInt(4);      // 0, 1: whitened; 2: Σxx = cI; 3: Σxx = V diag(λ) Vᵀ (commutes with the modes)
        Task task;
        if (inputs < 2) task = Task.whitened(t);
        else if (inputs == 2) task = Task.withCovariance(t, scaledIdentity(n0, 0.5 + rng.nextDouble()));
        else {
            DMatrixRMaj sxx = new DMatrixRMaj(n0, n0);
            for (int a = 0; a < n0; a++) {
                double lam = 0.3 + 1.7 * rng.nextDouble();
                for (int i = 0; i < n0; i++) for (int j = 0; j < n0; j++) sxx.add(i, j, lam * v.get(i, a) * v.get(j, a));
            }
            task = Task.withCovariance(t, sxx);
        }
        DMatrixRMaj[] hidden = new DMatrixRMaj[depth + 1];
        for (int l = 1; l < depth; l++) hidden[l] = Initializer.randomOrthogonal(widths[l], widths[l], rng);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) w[l - 1] = new DMatrixRMaj(widths[l], widths[l - 1]);
        Draw out = new Draw();
        for (int a = 0; a < kk; a++) {
            double a0 = Math.exp(Math.log(1e-3) + rng.nextDouble() * Math.log(4 / 1e-3));
            double sign = 1.0;
            double[] g = new double[depth];
            if (arbitraryGains) {
                for (int l = 0; l < depth; l++) g[l] = Math.exp(-2.5 + 3 * rng.nextDouble());
            } else if (depth == 2 && !balanced) {
                double delta = rng.nextInt(5) == 0 ? 0.0 : (rng.nextBoolean() ? 1 : -1) * (0.05 + 3 * rng.nextDouble());
                double r = Math.sqrt(delta * delta + 4 * eta[0] * eta[1] * a0 * a0);
                double x = delta >= 0 ? 2 * eta[0] * eta[1] * a0 * a0 / (delta + r) : (r - delta) / 2;  // η2 c1²
                double y = delta >= 0 ? (delta + r) / 2 : 2 * eta[0] * eta[1] * a0 * a0 / (r - delta);  // η1 c2²
                g[0] = Math.sqrt(x / eta[1]);
                g[1] = Math.sqrt(y / eta[0]);
                if (rng.nextInt(3) == 0) { sign = -1.0; if (delta != 0.0 && s[a] > 0) out.signChange = true; }
            } else {
                double pe = 1;
                for (double e : eta) pe *= e;
                double kappa = Math.pow(a0 / Math.sqrt(pe), 1.0 / depth);
                for (int l = 0; l < depth; l++) g[l] = Math.sqrt(eta[l]) * kappa;
            }
            for (int l = 1; l <= depth; l++) {
                double[] left = new double[widths[l]], right = new double[widths[l - 1]];
                for (int i = 0; i < left.length; i++)
                    left[i] = l == depth ? sign * u.get(i, a) : hidden[l].get(i, a);
                for (int j = 0; j < right.length; j++)
                    right[j] = l == 1 ? v.get(j, a) : hidden[l - 1].get(j, a);
                for (int i = 0; i < left.length; i++)
                    for (int j = 0; j < right.length; j++) w[l - 1].add(i, j, g[l - 1] * left[i] * right[j]);
            }
        }
        out.net = net;
        out.task = task;
        out.theta0 = Objective.flatten(net, w);
        out.duration = 0.5 + 5.5 * rng.nextDouble();
        return out;
    }

    static DMatrixRMaj scaledIdentity(int n, double c) {
        DMatrixRMaj m = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(c, m);
        return m;
    }

    @Test
    void saxeModesAtDepthsTwoToSixAgreeWithTheEngine() {
        Random rng = new Random(20261122L);
        double worst = 0;
        for (int i = 0; i < 75; i++) {
            int depth = 2 + i % 5;
            Draw d = draw(rng, depth, true, i % 3 == 0);
            worst = Math.max(worst, EngineComparison.compare(
                    EngineComparison.spec("saxe draw " + i + " L=" + depth, d.net, d.task, d.theta0, d.duration, SAMPLES),
                    Theories.isSingleNeuron(d.net) && !Double.isNaN(Theories.isotropicScale(d.task.sigmaXX()))
                            ? "single-neuron" : "saxe"));
        }
        assertTrue(worst <= Tolerances.AGREEMENT);
    }

    @Test
    void lambdaBalancedTwoLayerModesForEverySignOfDeltaAgreeWithTheEngine() {
        Random rng = new Random(7L);
        int signChanges = 0, lambdaDraws = 0;
        for (int i = 0; i < 80; i++) {
            Draw d = draw(rng, 2, false, i % 2 == 0);
            if (d.signChange) signChanges++;
            EngineComparison.compare(EngineComparison.spec("λ draw " + i, d.net, d.task, d.theta0, d.duration, SAMPLES), null);
            if (!Theories.isSingleNeuron(d.net)) lambdaDraws++;
        }
        assertTrue(signChanges > 5, "draws must include modes that cross zero");
        assertTrue(lambdaDraws > 40);
    }

    @Test
    void deepAlignedModesWithAnyGainsAgreeWithTheEngine() {
        // depth 3–6, every layer gain of every mode independent (δ ≠ 0, per-layer imbalance), rates, Σxx
        Random rng = new Random(77L);
        int generic = 0;
        for (int i = 0; i < 40; i++) {
            int depth = 3 + i % 4;
            Draw d = draw(rng, depth, false, i % 2 == 0, true);
            var out = EngineComparison.compareRun(
                    EngineComparison.spec("deep draw " + i + " L=" + depth, d.net, d.task, d.theta0, d.duration, SAMPLES), null);
            String model = out.trajectory().exact().model();
            assertTrue(model.equals("aligned-modes") || model.equals("lambda-balanced") || model.equals("saxe"), model);
            if (model.equals("aligned-modes")) generic++;
        }
        assertTrue(generic > 20);
        // the aligned initializer at depth 3–5 with δ ≠ 0 is exactly λ-balanced
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}});
        for (int depth = 3; depth <= 5; depth++)
            for (double delta : new double[]{-1.5, 2}) for (double tau : new double[]{0.05, 1e-4}) {
                int[] widths = new int[depth + 1];
                java.util.Arrays.fill(widths, 2);
                Network net = new Network(widths);
                Task task = Task.whitened(t);
                double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, tau, delta, 1, null);
                EngineComparison.compare(EngineComparison.spec("aligned L=" + depth + " δ=" + delta + " τ=" + tau, net, task,
                        theta, 4.0, 41), "lambda-balanced");
            }
    }

    @Test
    void alignedInitializerPresetsCarryTheExactSolution() {
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}});
        for (int depth = 2; depth <= 5; depth++) {
            int[] widths = new int[depth + 1];
            java.util.Arrays.fill(widths, 2);
            Network net = new Network(widths);
            Task task = Task.whitened(t);
            double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.05, 0.0, 1, null);
            EngineComparison.compare(EngineComparison.spec("aligned L=" + depth, net, task, theta, 4.0, 41), "saxe");
        }
        for (double delta : new double[]{-4, -1, 0.5, 3}) {
            Network net = new Network(2, 3, 2);
            Task task = Task.whitened(t);
            double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.01, delta, 1, null);
            EngineComparison.compare(EngineComparison.spec("aligned δ=" + delta, net, task, theta, 4.0, 41),
                    "lambda-balanced");
        }
    }

    @Test
    void linearRegressionAtDepthOneIsExactForAnyCovariance() {
        Random rng = new Random(3);
        for (int i = 0; i < 10; i++) {
            int n0 = 1 + rng.nextInt(4), nL = 1 + rng.nextInt(3);
            DMatrixRMaj t = new DMatrixRMaj(nL, n0);
            DMatrixRMaj x = new DMatrixRMaj(n0 + 1, n0);
            for (int j = 0; j < t.data.length; j++) t.data[j] = rng.nextGaussian();
            for (int j = 0; j < x.data.length; j++) x.data[j] = rng.nextGaussian();
            DMatrixRMaj sxx = new DMatrixRMaj(n0, n0);
            CommonOps_DDRM.multTransA(x, x, sxx);
            Network net = new Network(new int[]{n0, nL}, new double[]{0.5 + rng.nextDouble()});
            double[] theta = new double[n0 * nL];
            for (int j = 0; j < theta.length; j++) theta[j] = rng.nextGaussian();
            EngineComparison.compare(EngineComparison.spec("linear " + i, net, Task.withCovariance(t, sxx), theta, 3.0, 21),
                    "linear");
        }
    }
}
