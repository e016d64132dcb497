package org.dlnexplorer.model.observe;

import java.util.List;

/**
 * What the views draw: one or more labelled trajectories (a preset, or its compare set) sharing one
 * legend. Immutable.
 */
public record RunSet(String title, List<Labeled> runs) {
    public RunSet {
        runs = List.copyOf(runs);
    }

    /** One member of the set: its legend label and trajectory. */
    public record Labeled(String label, Trajectory trajectory) {}

    public static RunSet single(Trajectory t) {
        return new RunSet(t.name(), List.of(new Labeled(t.name(), t)));
    }
}
