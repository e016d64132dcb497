package org.dlnexplorer.model.theory;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Regression: widths [2,6,6,2], aligned, δ = 1.2 made the adaptive quadrature of t(y) subdivide without
 * end (the app's theory pool timed out; `run` hung). The evaluation must end — with an exact curve that
 * matches the engine, or unavailable with a reason — never hang and never draw a wrong curve.
 */
class AlignedModeTerminationTest {
    /** a guard against non-termination, not a performance bound */
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @Test
    void deepUnbalancedAlignedTheoryTerminatesAndIsNeverWrong() {
        DMatrixRMaj target = new DMatrixRMaj(2, 2);
        target.set(0, 0, 3);
        target.set(1, 1, 1);
        Network net = new Network(2, 6, 6, 2);
        Task task = Task.whitened(target);
        for (double delta : new double[]{1.2, -1.2, 0.4}) {
            double[] theta0 = Initializer.initialize(net, task, Scheme.ALIGNED, 0.01, delta, 1, null);
            SimulationSpec spec = SimulationSpec.builder(net, task, theta0).name("deep").scheme(Scheme.ALIGNED)
                    .scale(0.01).delta(delta).seed(1).method(Method.GRADIENT_FLOW).grid(6.0, 60).build();
            Trajectory tr = assertTimeoutPreemptively(HANG_GUARD, () -> TheoryRun.run(spec), "δ = " + delta);
            TheoryResult ex = tr.exact();
            if (!ex.available()) {
                assertNotNull(ex.reason());
                continue;
            }
            double[][] sv = ex.singularValues();
            for (int i = 0; i < sv.length; i++) {
                double[] sim = tr.frames().get(i).singularValues();
                for (int a = 0; a < sim.length; a++)
                    assertEquals(sim[a], sv[i][a], Tolerances.AGREEMENT * Math.max(1, Math.abs(sim[a])), "δ = " + delta + " frame " + i);
            }
        }
    }
}
