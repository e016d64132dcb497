package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.ArrayList;
import java.util.List;

/** The two-layer views' data ({@link StudentRun}) read from a run set: the members whose weights were recorded. */
final class StudentRuns {
    private StudentRuns() {}

    /** whether a run is of the two-layer piecewise-linear family with its weights on every frame */
    static boolean applies(Trajectory t) {
        return false;
    }

    static List<StudentRun> of(RunSet rs) {
        List<StudentRun> out = new ArrayList<>();
        return out;
    }
}
