package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetGrid;

/**
 * The axes a preset's phase diagram or phase portrait sweeps: the preset's own ({@code view.sweepX},
 * {@code view.sweepY}, each FIELD=FROM:TO:N[:log] as on the command line), else its family's default: the
 * phase diagram's τ = 0.01…10 (log) × δ = −4…4, 41 × 41, or for a piecewise-linear network Fig. 1b's
 * τ = 0.1…2 (log) × δ = −1…1 at {@link #PORTRAIT_POINTS} × {@link #PORTRAIT_POINTS}.
 */
public final class SweepAxes {
    private SweepAxes() {}

    /** the preset's view fields naming the swept axes */
    public static final String X_FIELD = "view.sweepX", Y_FIELD = "view.sweepY";
    /** grid side of the default portrait (each cell a full training run) */
    public static final int PORTRAIT_POINTS = 11;
    public static final Axis PORTRAIT_X = new Axis("init.scale", 0.1, 2, PORTRAIT_POINTS, true);
    public static final Axis PORTRAIT_Y = new Axis("init.delta", -1, 1, PORTRAIT_POINTS, false);

    /** {x, y}; a malformed view axis falls back to the default (the preset checks refuse it where presets enter) */
    public static Axis[] of(Preset p) {
        boolean pw = ViewId.piecewise(p);
        Axis x = pw ? PORTRAIT_X : PresetGrid.DEFAULT_X, y = pw ? PORTRAIT_Y : PresetGrid.DEFAULT_Y;
        return new Axis[] {axis(p, "sweepX", x), axis(p, "sweepY", y)};
    }

    /**
     * the preset's view.sweepX / sweepY, checked: null when it does not say
     * @throws IllegalArgumentException naming the field when it is not an axis
     */
    public static Axis checked(Preset p, String key) {
        if (p == null || p.view == null || !p.view.has(key)) return null;
        var e = p.view.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
            throw new IllegalArgumentException("view." + key + ": must be a string FIELD=FROM:TO:N[:log]");
        try {
            return Axis.parse(e.getAsString());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("view." + key + ": " + bad.getMessage());
        }
    }

    private static Axis axis(Preset p, String key, Axis fallback) {
        try {
            Axis a = checked(p, key);
            return a == null ? fallback : a;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
