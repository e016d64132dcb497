package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Sharpness;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every overlay says when it applies (and why not, in one sentence, when it does not) over randomized
 * configurations, and its numbers agree with independent computations.
 */
class OverlaysTest {
    /** closed forms summed in another order agree to rounding */
    private static final double ROUNDING = 1e-12;
    /** Lanczos sharpness against the closed form (Sharpness.RELATIVE_TOLERANCE is on the Ritz residual) */
    private static final double LANCZOS = 1e-6;
    /** the implicit-bias limit against a long gradient-flow run */
    private static final double CONVERGED = 1e-6;
    private static final int DRAWS = 60;
    private static final Set<String> EXACT_IDS = Set.of(Overlays.LINEAR, Overlays.SINGLE_NEURON, Overlays.SAXE,
            Overlays.LAMBDA_BALANCED, Overlays.ALIGNED_MODES);

    /** one randomized run: its spec and what the test knows about it by construction */
    private record Draw(SimulationSpec spec, double isotropicC, boolean unitRates, boolean zeroTarget) {}

    private static Draw draw(Random rng) {
        int depth = 1 + rng.nextInt(3);
        int[] widths = new int[depth + 1];
        for (int i = 0; i <= depth; i++) widths[i] = 1 + rng.nextInt(3);
        if (rng.nextInt(3) == 0 && depth >= 2) { widths = new int[]{1 + rng.nextInt(3), 1, 1}; depth = 2; }
        boolean unitRates = rng.nextBoolean();
        double[] rates = new double[depth];
        for (int l = 0; l < depth; l++) rates[l] = unitRates ? 1.0 : 0.5 + rng.nextDouble();
        Network net = new Network(widths, rates);
        boolean zeroTarget = rng.nextInt(8) == 0;
        DMatrixRMaj target = zeroTarget ? new DMatrixRMaj(widths[depth], widths[0])
                : Fixtures.randomMatrix(widths[depth], widths[0], rng, 1.0);
        double c;
        Task task;
        switch (rng.nextInt(3)) {
            case 0 -> { c = 1.0; task = Task.whitened(target); }
            case 1 -> {
                c = 0.5 + rng.nextDouble();
                DMatrixRMaj s = CommonOps_DDRM.identity(widths[0]);
                CommonOps_DDRM.scale(c, s);
                task = Task.withCovariance(target, s);
            }
            default -> {
                DMatrixRMaj s = Fixtures.randomCovariance(widths[0], rng);
                c = widths[0] == 1 ? s.get(0, 0) : Double.NaN;   // a 1×1 covariance is always isotropic
                task = Task.withCovariance(target, s);
            }
        }
        Method method = rng.nextInt(4) == 0 ? Method.GRADIENT_DESCENT : Method.GRADIENT_FLOW;
        SimulationSpec spec = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.3 + rng.nextDouble(), 0.0, rng.nextLong(),
                method, 2.0, 5, 0.05);
        return new Draw(spec, c, unitRates, zeroTarget);
    }

    private static void assertOneSentence(String reason, String what) {
        assertNotNull(reason, what);
        assertFalse(reason.isBlank(), what);
        assertFalse(reason.contains("\n"), what + ": " + reason);
        assertFalse(reason.contains(". "), what + ": one sentence, got " + reason);
    }

    /** whyNot, evaluate and evaluateAll agree, and a refusal is one sentence */
    private static void assertConsistent(OverlayInput in, String what) {
        List<OverlayResult> all = Overlays.evaluateAll(in);
        assertEquals(Overlays.ALL.size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Overlay o = Overlays.ALL.get(i);
            OverlayResult r = all.get(i);
            assertEquals(o.id(), r.id());
            String why = o.whyNot(in);
            assertEquals(why == null, r.available(), what + " " + o.id() + ": " + why + " / " + r.reason());
            assertEquals(why == null, o.evaluate(in).available(), what + " " + o.id());
            if (why != null) {
                assertOneSentence(why, what + " " + o.id());
                assertEquals(why, r.reason(), what + " " + o.id());
            }
        }
    }

    @Test
    void everyOverlayDecidesFromTheNumbersAndSaysWhyNot() {
        Random rng = new Random(12);
        int[] applied = new int[Overlays.ALL.size()];
        for (int k = 0; k < DRAWS; k++) {
            Draw d = draw(rng);
            SimulationSpec spec = d.spec;
            OverlayInput in = OverlayInput.of(spec);
            String what = "draw " + k + " widths " + Arrays.toString(spec.network().widths());
            assertConsistent(in, what);
            boolean isotropic = d.isotropicC > 0;
            int[] w = spec.network().widths();
            boolean flow = spec.method() != Method.GRADIENT_DESCENT;

            assertEquals(isotropic && !d.zeroTarget, Overlays.get(Overlays.SADDLE_PLATEAUS).whyNot(in) == null, what);
            assertEquals(isotropic && !d.zeroTarget && w[w.length - 1] == 1 && d.unitRates,
                    Overlays.get(Overlays.MINIMAL_SHARPNESS).whyNot(in) == null, what);
            boolean neuron = w.length == 3 && w[1] == 1 && w[2] == 1;
            double[] theta = spec.theta0();
            boolean startsOffSaddle = neuron && theta[w[0]] != 0;
            assertEquals(flow && neuron && startsOffSaddle, Overlays.get(Overlays.IMPLICIT_BIAS).whyNot(in) == null, what);
            boolean anyNeuron = w.length == 3 && w[1] == 1 && (w[2] == 1 || w[0] == 1);
            assertEquals(flow && anyNeuron && isotropic && !d.zeroTarget,
                    Overlays.get(Overlays.NEURON_TEMPORAL).whyNot(in) == null, what);

            // the exact family: at most one applies, and it is the one Theories chooses; none for gradient descent
            TheoryResult exact = Theories.evaluate(spec, spec.grid());
            List<String> exactApplies = new ArrayList<>();
            for (Overlay o : Overlays.ALL) if (EXACT_IDS.contains(o.id()) && o.whyNot(in) == null) exactApplies.add(o.id());
            assertEquals(exact.available() ? List.of(exact.model()) : List.of(), exactApplies, what);
            if (!flow) assertTrue(exactApplies.isEmpty(), what);
            if (flow && w.length == 2) assertEquals(List.of(Overlays.LINEAR), exactApplies, what);
            if (flow && neuron && isotropic) assertEquals(List.of(Overlays.SINGLE_NEURON), exactApplies, what);
            // these draws observe their target whole: the convex completion minimum never applies
            assertNotNull(Overlays.get(Overlays.MIN_NUCLEAR_NORM).whyNot(in), what);
            if (Overlays.get(Overlays.HYPERBOLIC_ENTROPY).whyNot(in) == null)
                assertEquals(List.of(Overlays.LAMBDA_BALANCED), exactApplies, what);
            for (int i = 0; i < applied.length; i++) if (Overlays.ALL.get(i).whyNot(in) == null) applied[i]++;
        }
        // the draws exercise both answers of every overlay but the rarer deep aligned ones (tested below)
        for (int i = 0; i < applied.length; i++) {
            String id = Overlays.ALL.get(i).id();
            // hyperbolic-entropy applies only with lambda-balanced (HyperbolicEntropyTest has its cases)
            if (id.equals(Overlays.SAXE) || id.equals(Overlays.LAMBDA_BALANCED) || id.equals(Overlays.ALIGNED_MODES)
                    || id.equals(Overlays.HYPERBOLIC_ENTROPY)) continue;
            if (id.equals(Overlays.MIN_NUCLEAR_NORM)) continue;   // measured tasks: NuclearNormMinimumTest, MeasuredPresetTest
            assertTrue(applied[i] > 0 && applied[i] < DRAWS, id + " applied in " + applied[i] + " of " + DRAWS);
        }
    }

    @Test
    void alignedStartsPickTheirModeSolution() {
        DMatrixRMaj t = Fixtures.diag(2, 2, 3, 1);
        Task task = Task.whitened(t);
        String[][] cases = {{"2", "0", Overlays.SAXE}, {"2", "1.5", Overlays.LAMBDA_BALANCED}, {"3", "0", Overlays.SAXE}};
        for (String[] c : cases) {
            int depth = Integer.parseInt(c[0]);
            int[] widths = new int[depth + 1];
            Arrays.fill(widths, 2);
            SimulationSpec spec = Fixtures.spec(new Network(widths), task, Scheme.ALIGNED, 0.1, Double.parseDouble(c[1]), 1,
                    Method.GRADIENT_FLOW, 3.0, 7, 0.0);
            OverlayInput in = OverlayInput.of(spec);
            assertConsistent(in, Arrays.toString(c));
            for (String id : EXACT_IDS)
                assertEquals(id.equals(c[2]), Overlays.get(id).whyNot(in) == null, Arrays.toString(c) + " " + id);
            // evaluated for the spec alone, the overlay's solution is Theories' on the spec's grid
            TheoryResult viaOverlay = Overlays.evaluate(c[2], in).exactSolution();
            TheoryResult direct = Theories.evaluate(spec, spec.grid());
            assertArrayEquals(direct.loss(), viaOverlay.loss());
            for (int f = 0; f < direct.singularValues().length; f++)
                assertArrayEquals(direct.singularValues()[f], viaOverlay.singularValues()[f]);
        }
    }

    @Test
    void attachedExactSolutionIsUsedAsIs() {
        SimulationSpec spec = Fixtures.spec(new Network(2, 2, 2), Task.whitened(Fixtures.diag(2, 2, 3, 1)), Scheme.ALIGNED,
                0.1, 0.0, 1, Method.GRADIENT_FLOW, 3.0, 7, 0.0);
        Trajectory tr = TheoryRun.run(spec);
        OverlayResult r = Overlays.evaluate(Overlays.SAXE, OverlayInput.of(tr));
        assertTrue(r.available(), r.reason());
        assertArrayEquals(tr.exact().loss(), r.exactSolution().loss());
        // without a spec nor an attached solution the exact family declines, in one sentence
        Trajectory bare = tr.withExact(null);
        OverlayResult none = Overlays.evaluate(Overlays.SAXE, OverlayInput.of(bare));
        assertFalse(none.available());
        assertOneSentence(none.reason(), "bare trajectory");
    }

    @Test
    void plateauLevelsComeFromTheTargetsSingularValues() {
        Random rng = new Random(5);
        for (int k = 0; k < 20; k++) {
            int rows = 1 + rng.nextInt(4), cols = 1 + rng.nextInt(4);
            DMatrixRMaj t = Fixtures.randomMatrix(rows, cols, rng, 2.0);
            double c = k % 2 == 0 ? 1.0 : 0.25 + rng.nextDouble();
            DMatrixRMaj sxx = CommonOps_DDRM.identity(cols);
            CommonOps_DDRM.scale(c, sxx);
            Task task = Task.withCovariance(t, sxx);
            SimulationSpec spec = Fixtures.spec(new Network(cols, 3, rows), task, Scheme.GAUSSIAN, 0.1, 0.0, k,
                    Method.GRADIENT_FLOW, 1.0, 3, 0.0);
            OverlayResult r = Overlays.evaluate(Overlays.SADDLE_PLATEAUS, OverlayInput.of(spec));
            assertTrue(r.available(), r.reason());
            // independently: s from EJML's SVD of T; ℒ_r = c/2 (‖T‖_F² − Σ_{α≤r} s_α²), r = 0 … k−1
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
            assertTrue(svd.decompose(t.copy()));
            double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
            Arrays.sort(s);
            double frob = 0;
            for (double v : t.data) frob += v * v;
            double[] levels = r.array("levels");
            assertEquals(s.length, levels.length);
            double learned = 0;
            for (int rank = 0; rank < levels.length; rank++) {
                double expected = 0.5 * c * (frob - learned);
                assertEquals(expected, levels[rank], ROUNDING * frob * Math.max(1, c), "rank " + rank);
                learned += s[s.length - 1 - rank] * s[s.length - 1 - rank];
            }
            for (int rank = 1; rank < levels.length; rank++) assertTrue(levels[rank] <= levels[rank - 1]);
        }
    }

    @Test
    void minimalSharpnessIsTheHessianOfTheBalancedMinimizer() {
        Random rng = new Random(9);
        for (int depth = 1; depth <= 4; depth++) {
            int d = 1 + rng.nextInt(3);
            int[] widths = new int[depth + 1];
            Arrays.fill(widths, 2);
            widths[0] = d;
            widths[depth] = 1;
            Network net = new Network(widths);
            double[] pi = Fixtures.randomVector(d, rng);
            Task task = Task.whitened(new DMatrixRMaj(1, d, true, pi));
            SimulationSpec spec = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.1, 0.0, depth, Method.GRADIENT_DESCENT, 1.0, 3, 0.01);
            OverlayResult r = Overlays.evaluate(Overlays.MINIMAL_SHARPNESS, OverlayInput.of(spec));
            assertTrue(r.available(), r.reason());
            // independently: λ_max of the Hessian (Lanczos) at the balanced rank-one minimizer, which is the flattest
            double lanczos = new Sharpness(new Objective(net, task)).compute(MarionChizat.balancedMinimizer(net, pi));
            assertEquals(lanczos, r.number("value"), LANCZOS * lanczos, "depth " + depth);
            double norm = Math.sqrt(NeuronFlow.dot(pi, pi));
            assertEquals(depth * Math.pow(norm, 2 - 2.0 / depth), r.number("value"), ROUNDING * lanczos);
        }
    }

    @Test
    void implicitBiasLimitIsWhereTheFlowEnds() {
        // Σxx of rank 1 on two inputs: a line of minima, the theorem picks one point of it
        DMatrixRMaj sxx = new DMatrixRMaj(new double[][]{{1, 2}, {2, 4}});
        sxx.data = Arrays.stream(sxx.data).map(v -> v / 5).toArray();
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, 0.44, 0.88), sxx);
        Network net = new Network(2, 1, 1);
        double[] theta = {0.4, -0.3, 0.8};   // w = (0.4, −0.3), a = 0.8: δ = 0.64 − 0.25 > 0
        SimulationSpec spec = EngineComparison.spec("bias", net, task, theta, 400, 3);
        OverlayResult before = Overlays.evaluate(Overlays.IMPLICIT_BIAS, OverlayInput.of(spec));
        assertTrue(before.available(), before.reason());
        Trajectory tr = TheoryRun.run(spec);
        OverlayResult after = Overlays.evaluate(Overlays.IMPLICIT_BIAS, OverlayInput.of(tr));
        assertArrayEquals(before.array("beta"), after.array("beta"));
        double[] end = tr.last().effectiveWeight();
        assertArrayEquals(end, after.array("beta"), CONVERGED);
        // it interpolates: Σxx β = Σxx β*
        double[] beta = after.array("beta");
        for (int i = 0; i < 2; i++)
            assertEquals(sxx.get(i, 0) * 0.44 + sxx.get(i, 1) * 0.88, sxx.get(i, 0) * beta[0] + sxx.get(i, 1) * beta[1], ROUNDING);
        // a start on the saddle (a = 0) and gradient descent are declined
        SimulationSpec saddle = EngineComparison.spec("saddle", net, task, new double[]{0.4, -0.3, 0.0}, 1, 3);
        assertOneSentence(Overlays.get(Overlays.IMPLICIT_BIAS).whyNot(OverlayInput.of(saddle)), "saddle");
    }

    @Test
    void theEquationComesFromTheNumbersNotFromTheInitName() {
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        Network net = new Network(2, 2, 2);
        SimulationSpec aligned = Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 0.0, 1, Method.GRADIENT_FLOW, 1, 3, 0);
        // the same weights typed in as "explicit": still Saxe's equation
        SimulationSpec explicit = EngineComparison.spec("explicit", net, task, aligned.theta0(), 1, 3);
        assertEquals(Overlays.equationFor(aligned), Overlays.equationFor(explicit));
        assertTrue(Overlays.equationFor(explicit).contains("Saxe"), Overlays.equationFor(explicit));
        SimulationSpec random = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.1, 0.0, 1, Method.GRADIENT_FLOW, 1, 3, 0);
        assertEquals(Overlays.FLOW_EQUATION, Overlays.equationFor(random));
        SimulationSpec descent = Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 0.0, 1, Method.GRADIENT_DESCENT, 1, 3, 0.05);
        assertEquals(Overlays.DESCENT_EQUATION, Overlays.equationFor(descent));
        SimulationSpec neuron = EngineComparison.spec("n", new Network(2, 1, 1),
                Task.whitened(new DMatrixRMaj(1, 2, true, 0, 1)), new double[]{-0.5, 0, 2}, 1, 3);
        assertTrue(Overlays.equationFor(neuron).contains("δ = η_w a² − η_a ‖w‖² conserved"));
    }

    @Test
    void idsAreUniqueAndNamedAsInRunJson() {
        Set<String> ids = new HashSet<>();
        for (Overlay o : Overlays.ALL) assertTrue(ids.add(o.id()), o.id());
        assertEquals(Set.of("linear", "single-neuron", "saxe", "lambda-balanced", "aligned-modes", "saddle-plateaus",
                "minimal-sharpness", "implicit-bias", "deep-implicit-bias", "min-nuclear-norm", "neuron-temporal", "hyperbolic-entropy"), ids);
        assertNull(Overlays.get(Overlays.SADDLE_PLATEAUS).equation(OverlayInput.of(
                Fixtures.spec(new Network(1, 1), Task.whitened(Fixtures.diag(1, 1, 1)), Scheme.GAUSSIAN, 0.1, 0, 1,
                        Method.GRADIENT_FLOW, 1, 3, 0))));
    }

    @Test
    void theoryResultCopiesInAndOut() {
        double[] t = {0, 1};
        double[][] sv = {{2, 1}, {3, 1}};
        double[][][] w = {{{1, 2}}, {{3, 4}}};
        double[] loss = {5, 6}, kd = {0, 0.5};
        TheoryResult r = TheoryResult.of("saxe", t, sv, w, loss, kd);
        t[0] = 9; sv[0][0] = 9; w[0][0][0] = 9; loss[0] = 9; kd[0] = 9;
        assertEquals(0, r.t()[0]);
        assertEquals(2, r.singularValues()[0][0]);
        assertEquals(1, r.weights()[0][0][0]);
        assertEquals(5, r.loss()[0]);
        assertEquals(0, r.kernelDistance()[0]);
        r.t()[0] = 9; r.singularValues()[0][0] = 9; r.singularValues()[1] = null; r.weights()[0][0][0] = 9;
        r.loss()[0] = 9; r.kernelDistance()[0] = 9;
        assertEquals(0, r.t()[0]);
        assertArrayEquals(new double[]{2, 1}, r.singularValues()[0]);
        assertArrayEquals(new double[]{3, 1}, r.singularValues()[1]);
        assertEquals(1, r.weights()[0][0][0]);
        assertEquals(5, r.loss()[0]);
        assertEquals(0, r.kernelDistance()[0]);
        OverlayResult o = OverlayResult.array("x", "levels", new double[]{1, 2});
        o.array("levels")[0] = 9;
        assertEquals(1, o.array("levels")[0]);
    }
}
