package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Sharpness;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Marion & Chizat sharpness predictions (in our ℒ = R/2) against the engine's Hessian. */
class MarionChizatTest {
    /** Sharpness.RELATIVE_TOLERANCE is 1e-6 on the Ritz residual; eigenvalue error is far smaller */
    private static final double LANCZOS = 1e-6;

    private static DMatrixRMaj randomCovariance(Random rng, int d) {
        DMatrixRMaj x = new DMatrixRMaj(d + 2, d);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextGaussian();
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, s);
        CommonOps_DDRM.scale(1.0 / (d + 2), s);
        return s;
    }

    @Test
    void balancedMinimizerSharpnessMatchesTheEnginesHessian() {
        Random rng = new Random(11);
        for (int i = 0; i < 24; i++) {
            int depth = 2 + i % 3, d = 1 + rng.nextInt(4);
            int[] widths = new int[depth + 1];
            widths[0] = d;
            for (int l = 1; l < depth; l++) widths[l] = 1 + rng.nextInt(3);
            widths[depth] = 1;
            Network net = new Network(widths);
            double[] pi = new double[d];
            for (int j = 0; j < d; j++) pi[j] = rng.nextGaussian();
            boolean whitened = i % 2 == 0;
            DMatrixRMaj sigma = whitened ? CommonOps_DDRM.identity(d) : randomCovariance(rng, d);
            DMatrixRMaj t = new DMatrixRMaj(1, d, true, pi);
            Task task = whitened ? Task.whitened(t) : Task.withCovariance(t, sigma);
            double[] theta = MarionChizat.balancedMinimizer(net, pi);
            Objective obj = new Objective(net, task);
            assertTrue(obj.loss(theta) < 1e-24, "a minimizer");
            double engine = new Sharpness(obj).compute(theta);
            double predicted = MarionChizat.balancedMinimizerSharpness(depth, pi, sigma);
            assertEquals(predicted, engine, LANCZOS * predicted, "draw " + i);
            double lo = MarionChizat.sharpnessLowerBound(depth, pi, sigma);
            double hi = MarionChizat.sharpnessUpperBound(depth, pi, sigma);
            assertTrue(lo <= predicted * (1 + 1e-12) && predicted <= hi * (1 + 1e-12));
            if (whitened) assertEquals(lo, predicted, 1e-12 * lo, "whitened: balanced is the flattest minimizer");
            // every other minimizer on the rescaling orbit (W_1 → C W_1, W_2 → W_2 / C) is sharper than the bound
            DMatrixRMaj[] w = Objective.layers(net, theta);
            CommonOps_DDRM.scale(1.7, w[0]);
            CommonOps_DDRM.scale(1 / 1.7, w[1]);
            double[] other = Objective.flatten(net, w);
            assertTrue(new Sharpness(obj).compute(other) >= lo * (1 - LANCZOS));
        }
    }

    @Test
    void gradientDescentConvergesBelowTheThresholdAndNotAbove() {
        // whitened, L = 2, π = (1, 2): S_min = 2‖π‖ = 2√5; GD cannot converge once η > 2/S_min
        double[] pi = {1, 2};
        Network net = new Network(2, 2, 1);
        Task task = Task.whitened(new DMatrixRMaj(1, 2, true, pi));
        double sMin = MarionChizat.sharpnessLowerBound(2, pi, CommonOps_DDRM.identity(2));
        assertEquals(2 * Math.sqrt(5), sMin, 1e-12);
        double etaCrit = MarionChizat.criticalLearningRate(sMin);
        assertEquals(MarionChizat.stabilityThreshold(etaCrit), sMin, 1e-12);
        double[] theta = MarionChizat.balancedMinimizer(net, pi);
        Random rng = new Random(1);
        for (int i = 0; i < theta.length; i++) theta[i] += 1e-3 * rng.nextGaussian();
        for (double factor : new double[]{0.8, 1.2}) {
            double eta = factor * etaCrit;
            SimulationSpec spec = SimulationSpec.builder(net, task, theta).name("gd").scheme(Scheme.EXPLICIT)
                    .method(Method.GRADIENT_DESCENT).grid(eta * 3000, 4).learningRate(eta).tolerances(1e-11, 1e-13)
                    .build();
            Trajectory tr = TheoryRun.run(spec);
            double last = tr.last().loss();
            if (factor < 1) {
                assertTrue(last < 1e-12, "stable below 2/S_min: " + last);
                assertTrue(tr.last().sharpness() < MarionChizat.stabilityThreshold(eta));
            } else {
                assertTrue(tr.diverged() || last > 1e-6, "no minimizer is stable above 2/S_min: " + last);
            }
        }
    }

    @Test
    void smallScaleInitializationEndsNearTheFlattestMinimizer() {
        // seed 003: from a small start GF reaches a nearly balanced rank-one minimizer; whitened it is the
        // flattest one, S = L‖π‖^{2−2/L}, up to O(ε)
        double[] pi = {0.6, -1.2, 0.9};
        Network net = new Network(3, 3, 3, 1);
        Task task = Task.whitened(new DMatrixRMaj(1, 3, true, pi));
        double[] theta = Initializer.initialize(net, task, Scheme.GAUSSIAN, 1e-4, 0.0, 4, null);
        double eps = MarionChizat.smallScaleEpsilon(net, theta);
        assertTrue(eps < 0.1, "small scale: ε = " + eps);
        SimulationSpec spec = EngineComparison.spec("small", net, task, theta, 60, 2).toBuilder().sharpness(true).build();
        Trajectory tr = TheoryRun.run(spec);
        assertTrue(tr.last().loss() < 1e-16);
        double expected = MarionChizat.balancedMinimizerSharpness(3, pi, CommonOps_DDRM.identity(3));
        assertEquals(expected, tr.last().sharpness(), 10 * eps * expected);
        double[] bounds = MarionChizat.smallScaleSingularValueBounds(Math.sqrt(NeuronFlow.dot(pi, pi)), 3);
        for (double[] sv : tr.last().layerSingularValues()) assertTrue(sv[0] >= bounds[0] && sv[0] <= bounds[1]);
        assertEquals(4.0, MarionChizat.smallScaleSharpnessRatioBound(CommonOps_DDRM.identity(3)), 1e-12);
        assertEquals(0.5 / Math.sqrt(12), MarionChizat.residualPerturbationScale(0.5, 4, 3), 1e-15);
    }

    @Test
    void residualInitializationMovesEachLayerByOrderOneOverDepth() {
        // W_k = I + s/√(Ld) N_k, square d×d, target near the identity: L·max_k‖ΔW_k‖_F stays bounded as L grows
        int d = 3;
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{1.3, 0.2, 0}, {0, 0.8, 0.1}, {0.1, 0, 1.1}});
        Task task = Task.whitened(t);
        double[] scaled = new double[3];
        int[] depths = {4, 8, 16};
        for (int i = 0; i < depths.length; i++) {
            int[] widths = new int[depths[i] + 1];
            java.util.Arrays.fill(widths, d);
            Network net = new Network(widths);
            double[] theta0 = Initializer.initialize(net, task, Scheme.RESIDUAL, 0.5, 0, 7, null);
            Trajectory tr = TheoryRun.run(EngineComparison.spec("res", net, task, theta0, 30, 2));
            assertTrue(tr.last().loss() < 1e-12, "converges from the residual start");
            double[][] w = tr.last().weights();
            double[] end = new double[theta0.length];
            int off = 0;
            for (double[] layer : w) { System.arraycopy(layer, 0, end, off, layer.length); off += layer.length; }
            scaled[i] = MarionChizat.residualScaledChange(net, theta0, end);
        }
        for (double v : scaled) assertTrue(v < 3 * scaled[0] && v > scaled[0] / 3, java.util.Arrays.toString(scaled));
    }
}
