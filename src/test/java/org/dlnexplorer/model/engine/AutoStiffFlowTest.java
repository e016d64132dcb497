package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stiffness switching: when it fires, what the implicit method computes, and that it leaves the presets alone. */
class AutoStiffFlowTest {
    /** tolerance of the stiff runs below and of the tight explicit reference */
    static final double RTOL = 1e-8, ATOL = 1e-8, REFERENCE_TOL = 1e-12;
    /** ‖θ − θ_ref‖_∞ / max(1, ‖θ_ref‖_∞) at every sample: a few hundred times the local tolerance (global error) */
    static final double AGREEMENT = 1e-5;

    /** depth × width square network, whitened random target with singular values ≈ 1, product-scaled gaussian init */
    static SimulationSpec productScaled(int depth, int width, double scale, double duration, int samples, long seed) {
        Random rng = new Random(seed);
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, width);
        Network net = new Network(widths);
        DMatrixRMaj t = new DMatrixRMaj(width, width);
        for (int i = 0; i < t.data.length; i++) t.data[i] = rng.nextGaussian() / Math.sqrt(width);
        double sigma = Math.pow(scale, 1.0 / depth) / Math.sqrt(width);
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) theta[i] = sigma * rng.nextGaussian();
        return SimulationSpec.builder(net, Task.whitened(t), theta).name("stiff " + depth + "x" + width).scale(scale)
                .seed(seed).method(Method.GRADIENT_FLOW).grid(duration, samples).tolerances(RTOL, ATOL).build();
    }

    static final class IntegrationResultHolder {
        final List<double[]> states = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        IntegrationResult result;
    }

    static IntegrationResultHolder runAuto(AutoStiffFlow flow, SimulationSpec s, double rtol, double atol) {
        IntegrationResultHolder h = new IntegrationResultHolder();
        h.result = flow.integrate(s.theta0(), s.grid(), rtol, atol, (i, t, y, n) -> {
            h.states.add(y.clone());
            h.times.add(t);
            return true;
        });
        return h;
    }

    static IntegrationResultHolder runExplicit(SimulationSpec s, double rtol, double atol) {
        Objective o = new Objective(s.network(), s.task());
        IntegrationResultHolder h = new IntegrationResultHolder();
        h.result = new DormandPrince54(o.parameterCount()).integrate(o::flow, s.theta0(), s.grid(), rtol, atol, (i, t, y, n) -> {
            h.states.add(y.clone());
            h.times.add(t);
            return true;
        });
        return h;
    }

    static AutoStiffFlow auto(SimulationSpec s) {
        return new AutoStiffFlow(new Objective(s.network(), s.task()), new Objective(s.network(), s.task()));
    }

    @Test
    void switchesOnAStiffRunAndAgreesWithATightExplicitReference() {
        // product scale 30 at depth 4: Hessian eigenvalues in the thousands over t ∈ [0, 10]
        SimulationSpec s = productScaled(4, 5, 30, 10.0, 21, 5);
        AutoStiffFlow flow = auto(s);
        IntegrationResultHolder stiff = runAuto(flow, s, RTOL, ATOL);
        assertTrue(stiff.result.completed());
        assertTrue(flow.switches() >= 1, "the stiffness test fired");
        assertTrue(flow.stiffSteps() > 0);
        IntegrationResultHolder ref = runExplicit(s, REFERENCE_TOL, REFERENCE_TOL);
        assertTrue(ref.result.completed());
        double[] grid = s.grid();
        assertEquals(grid.length, stiff.states.size());
        for (int k = 0; k < grid.length; k++) {
            assertEquals(grid[k], stiff.times.get(k), 0.0, "sample times are hit exactly");
            double[] a = stiff.states.get(k), b = ref.states.get(k);
            double diff = 0, size = 1;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
                size = Math.max(size, Math.abs(b[i]));
            }
            assertTrue(diff <= AGREEMENT * size, "t = " + grid[k] + ": " + diff);
        }
    }

    @Test
    void doesNotSwitchOnAMildRun() {
        SimulationSpec s = productScaled(3, 4, 0.01, 20.0, 41, 7);
        AutoStiffFlow flow = auto(s);
        IntegrationResultHolder a = runAuto(flow, s, 1e-11, 1e-13);
        IntegrationResultHolder b = runExplicit(s, 1e-11, 1e-13);
        assertEquals(0, flow.switches());
        for (int k = 0; k < a.states.size(); k++) assertArrayEquals(b.states.get(k), a.states.get(k), 0.0);
        assertEquals(b.result.steps(), a.result.steps());
        assertEquals(b.result.evaluations(), a.result.evaluations());
    }

    /** every bundled lecture preset: the test never fires, so every sample is bit for bit today's explicit run */
    @Test
    void bundledPresetsNeverSwitchAndStayBitIdentical() throws Exception {
        int flows = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("presets"), "*.json")) {
            for (Path file : dir) {
                Preset p = PresetIo.read(file);
                for (CompareSetRunner.Member m : PresetCompiler.compileSet(p, file.toString())) {
                    SimulationSpec s = m.spec();
                    if (s.method() != Method.GRADIENT_FLOW) continue;
                    AutoStiffFlow flow = auto(s);
                    IntegrationResultHolder a = runAuto(flow, s, s.rtol(), s.atol());
                    IntegrationResultHolder b = runExplicit(s, s.rtol(), s.atol());
                    assertEquals(0, flow.switches(), file + " " + s.name());
                    assertEquals(b.states.size(), a.states.size());
                    for (int k = 0; k < a.states.size(); k++)
                        assertArrayEquals(b.states.get(k), a.states.get(k), 0.0, file + " sample " + k);
                    flows++;
                }
            }
        }
        assertTrue(flows >= 10, "presets found: " + flows);
    }
}
