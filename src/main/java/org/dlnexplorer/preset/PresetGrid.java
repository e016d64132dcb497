package org.dlnexplorer.preset;

import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.CellSpecFactory;
import org.dlnexplorer.model.sweep.SweepSettings;

/**
 * The preset glue of a sweep: cell (x, y) is the preset with its two axis fields set to x and y
 * ({@link PresetPaths#with}), without its compare set, compiled and made cheap by {@link SweepSettings}.
 */
public final class PresetGrid implements CellSpecFactory {
    /** the default map of Kunin et al. Fig 1b: τ log-spaced × δ linear */
    public static final Axis DEFAULT_X = new Axis("init.scale", 0.01, 10, 41, true);
    public static final Axis DEFAULT_Y = new Axis("init.delta", -4, 4, 41, false);

    private final Preset preset;
    private final String source;
    private final Axis x;
    private final Axis y;
    private final SweepSettings settings;

    /**
     * @throws IllegalArgumentException naming the field when an axis field is not a numeric field of the preset
     */
    public PresetGrid(Preset preset, String source, Axis x, Axis y, SweepSettings settings) {
        if (x.field().equals(y.field()))
            throw new IllegalArgumentException("both axes sweep \"" + x.field() + "\"; choose two different fields");
        this.preset = PresetIo.copy(preset);
        this.preset.compare = null;
        this.source = source;
        this.x = x;
        this.y = y;
        this.settings = settings;
        check(x);
        check(y);
    }

    private void check(Axis a) {
        try {
            PresetPaths.with(preset, a.field(), a.value(0));
        } catch (IllegalArgumentException | com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("axis field \"" + a.field() + "\": " + e.getMessage());
        }
    }

    public Axis x() { return x; }
    public Axis y() { return y; }
    public SweepSettings settings() { return settings; }
    public String title() { return preset.name == null ? "sweep" : preset.name; }

    /** the preset of cell (x, y): the original with both fields set (what a click in the map loads) */
    public Preset presetAt(double xv, double yv) {
        return presetAt(preset, x.field(), xv, y.field(), yv);
    }

    /** p with fields xf = xv and yf = yv (p is not changed) */
    public static Preset presetAt(Preset p, String xf, double xv, String yf, double yv) {
        return PresetPaths.with(PresetPaths.with(p, xf, xv), yf, yv);
    }

    @Override
    public SimulationSpec spec(double xv, double yv) throws PresetException {
        Preset cell = presetAt(xv, yv);
        cell.compare = null;
        return settings.apply(PresetCompiler.compile(cell, source));
    }

    /** the preset's own (x, y) — where the map's marker goes; NaN for an absent field */
    public double[] current() {
        return current(preset);
    }

    /** another preset's (x, y) on this grid's axes (e.g. after a click moved the configuration) */
    public double[] current(Preset p) {
        return new double[] {valueOf(p, x.field()), valueOf(p, y.field())};
    }

    static double valueOf(Preset preset, String field) {
        try {
            Double v = PresetPaths.get(preset, field);
            if (v == null) return field.equals("init.delta") ? 0.0 : Double.NaN; // the compiler's default δ
            return v;
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
