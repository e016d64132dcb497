package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.engine.SimulationSpec;

/** Chooses the exact solution that applies to a run, if any, and evaluates it on the run's t grid. */
public final class Theories {
    private Theories() {}

    public static TheoryResult evaluate(SimulationSpec spec, double[] t) {
        return TheoryResult.unavailable("no exact solution is implemented for this configuration yet");
    }
}
