package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.preset.PhaseAxes;
import org.dlnexplorer.preset.Preset;

/** The axes a preset's phase diagram or phase portrait sweeps, as {x, y}: see {@link PhaseAxes}. */
public final class SweepAxes {
    private SweepAxes() {}

    /** {x, y} of the preset's map (a preset without a map still gets the axes it would have) */
    public static Axis[] of(Preset p) {
        PhaseAxes a = PhaseAxes.of(p, p == null || p.name == null ? "preset" : p.name);
        return new Axis[] {a.x(), a.y()};
    }

    /** @see PhaseAxes#checked */
    public static Axis checked(Preset p, String key) {
        return PhaseAxes.checked(p, key);
    }
}
