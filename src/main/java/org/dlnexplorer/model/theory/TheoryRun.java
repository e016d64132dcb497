package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Trajectory;

/**
 * A run with its exact solution attached: {@link Simulation#simulate}, then {@link Theories#evaluate} on the
 * recorded t grid. A run cancelled before the end (neither complete, diverged nor stopped by a budget) gets none.
 */
public final class TheoryRun {
    private TheoryRun() {}

    public static Trajectory run(SimulationSpec spec) {
        return run(spec, FrameListener.NONE, CancellationToken.NEVER);
    }

    public static Trajectory run(SimulationSpec spec, FrameListener listener, CancellationToken cancel) {
        return withExact(spec, Simulation.simulate(spec, listener, cancel));
    }

    /** the simulated trajectory with the exact solution on its grid, unless it was cancelled part-way */
    public static Trajectory withExact(SimulationSpec spec, Trajectory simulated) {
        if (!simulated.complete() && !simulated.diverged() && simulated.stopped() == null) return simulated;
        return simulated.withExact(Theories.evaluate(spec, simulated.times()));
    }
}
