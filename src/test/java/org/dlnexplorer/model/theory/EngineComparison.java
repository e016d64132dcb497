package org.dlnexplorer.model.theory;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the adaptive engine and compares every frame with the exact solution TheoryRun.run attached:
 * |exact − simulated| ≤ Tolerances.AGREEMENT · max(1, |value|).
 */
final class EngineComparison {
    static final double RTOL = 1e-11;
    static final double ATOL = 1e-13;

    private EngineComparison() {}

    static SimulationSpec spec(String name, Network net, Task task, double[] theta0, double duration, int samples) {
        return SimulationSpec.builder(net, task, theta0).name(name).scheme(Scheme.EXPLICIT).method(Method.GRADIENT_FLOW)
                .grid(duration, samples).tolerances(RTOL, ATOL).build();
    }

    /** Simulates, checks the exact overlay is available with the expected model, returns the worst scaled error. */
    static double compare(SimulationSpec spec, String model) {
        return compareRun(spec, model).worst();
    }

    record Outcome(Trajectory trajectory, double worst) {}

    static Outcome compareRun(SimulationSpec spec, String model) {
        long started = System.nanoTime();
        Trajectory tr = TheoryRun.run(spec);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (Boolean.getBoolean("theory.report")) {
            long t0 = System.nanoTime();
            org.dlnexplorer.model.theory.Theories.evaluate(spec, tr.times());
            System.out.printf("%-40s run %d ms, theory %d ms%n", spec.name(), ms, (System.nanoTime() - t0) / 1_000_000);
        }
        TheoryResult ex = tr.exact();
        assertNotNull(ex);
        assertTrue(ex.available(), () -> spec.name() + ": " + ex.reason());
        if (model != null) assertEquals(model, ex.model(), spec.name());
        List<Frame> frames = tr.frames();
        assertEquals(frames.size(), ex.t().length);
        double worst = 0;
        for (int f = 0; f < frames.size(); f++) {
            Frame fr = frames.get(f);
            assertEquals(fr.t(), ex.t()[f], 0.0);
            double[] s = fr.singularValues();
            double[] e = ex.singularValues()[f];
            assertEquals(s.length, e.length);
            for (int i = 0; i < s.length; i++) worst = Math.max(worst, scaled(e[i], s[i]));
            worst = Math.max(worst, scaled(ex.loss()[f], fr.loss()));
            if (ex.kernelDistance() != null) worst = Math.max(worst, scaled(ex.kernelDistance()[f], fr.kernelDistance()));
            if (fr.hasWeights() && ex.weights() != null) {
                double[][] w = fr.weights();
                for (int l = 0; l < w.length; l++)
                    for (int i = 0; i < w[l].length; i++) worst = Math.max(worst, scaled(ex.weights()[f][l][i], w[l][i]));
            }
        }
        final double w = worst;
        if (Boolean.getBoolean("theory.report")) System.out.printf("%-40s %-16s worst %.2e%n", spec.name(), ex.model(), worst);
        assertTrue(worst <= Tolerances.AGREEMENT, () -> spec.name() + ": exact vs engine " + w);
        return new Outcome(tr, worst);
    }

    static double scaled(double exact, double sim) {
        return Math.abs(exact - sim) / Math.max(1.0, Math.abs(exact));
    }
}
