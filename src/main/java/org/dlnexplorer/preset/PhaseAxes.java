package org.dlnexplorer.preset;

import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.AxisLabels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The axes of a preset's regime phase diagram, chosen so that the map means something for it:
 * <ul>
 *   <li>the preset's own axes when it names them ({@code view.sweepX}, {@code view.sweepY});</li>
 *   <li>else for a two-layer piecewise-linear network Kunin et al. Fig. 1b's τ = 0.1…2 (log) × δ = −1…1 at
 *       {@link #PORTRAIT_POINTS}², for a deep linear network the default map (τ = 0.01…10 log × δ = −4…4, {@link PresetGrid#DEFAULT_X}/{@link PresetGrid#DEFAULT_Y})
 *       widened to whole decades of τ and whole units of δ until it holds the preset's own (τ, δ), so the
 *       current configuration's ring is always on the map;</li>
 *   <li>an axis whose other values the preset refuses (the residual scheme has no δ) is held at the
 *       preset's value, one row, with the refusal as a note;</li>
 *   <li>no map at all ({@link #whyNot}) when τ and δ do not change the run: θ(0) is the same at opposite
 *       corners of the map (explicit weights), or both axes are refused.</li>
 * </ul>
 */
public record PhaseAxes(Axis x, Axis y, List<String> notes, String whyNot) {
    public PhaseAxes {
        notes = List.copyOf(notes);
    }

    /** true when the map is worth computing */
    public boolean sweepable() { return whyNot == null; }

    /** The axes for this preset (its compare set is ignored: the map shows the base configuration). */
    public static PhaseAxes of(Preset preset, String source) {
        Preset p = PresetIo.copy(preset);
        p.compare = null;
        double tau = PresetGrid.valueOf(p, "init.scale");
        if (!Double.isFinite(tau) || tau <= 0) tau = PresetDefaults.SCALE;
        double delta = PresetGrid.valueOf(p, "init.delta");
        if (!Double.isFinite(delta)) delta = PresetDefaults.DELTA;
        boolean piecewise = p.network != null && p.network.activation != null && !"linear".equals(p.network.activation);
        Axis ownX = viewAxis(p, "sweepX"), ownY = viewAxis(p, "sweepY");
        // the preset's own axes as given; else the family's default widened to hold the preset's τ and δ
        Axis x = ownX != null ? ownX : widenLog(piecewise ? PORTRAIT_X : PresetGrid.DEFAULT_X, tau);
        Axis y = ownY != null ? ownY : widenSymmetric(piecewise ? PORTRAIT_Y : PresetGrid.DEFAULT_Y, delta);
        if (p.init != null && "explicit".equals(p.init.scheme))
            return new PhaseAxes(x, y, List.of(), "this preset gives its weights explicitly (init.scheme explicit): "
                    + "τ and δ do not change its run, so there is no (τ, δ) map to draw");
        List<String> notes = new ArrayList<>();
        String xRefused = refusal(p, source, x, tau, y.field(), delta);
        String yRefused = refusal(p, source, y, delta, x.field(), tau);
        if (xRefused != null && yRefused != null)
            return new PhaseAxes(x, y, List.of(), "this preset accepts no other τ or δ (" + yRefused
                    + "): there is no (τ, δ) map to draw");
        if (xRefused != null) {
            x = new Axis(x.field(), tau, tau, 1, x.log());
            notes.add(AxisLabels.symbol(x.field()) + " held at " + tau + ": " + xRefused);
        }
        if (yRefused != null) {
            y = new Axis(y.field(), delta, delta, 1, y.log());
            notes.add(AxisLabels.symbol(y.field()) + " held at " + show(delta) + ": " + yRefused);
        }
        if (sameStart(p, source, x, y))
            return new PhaseAxes(x, y, List.of(), "τ and δ do not change this preset's starting weights, so there is "
                    + "no (τ, δ) map to draw");
        return new PhaseAxes(x, y, notes, null);
    }

    /** the preset's view field naming an axis ({@code view.sweepX}, {@code view.sweepY}) */
    public static final String X_FIELD = "view.sweepX", Y_FIELD = "view.sweepY";
    /** grid side of a piecewise-linear network's default portrait (each cell a full training run) */
    public static final int PORTRAIT_POINTS = 11;
    /** Kunin et al. Fig. 1b's axes: τ = 0.1…2 (log) × δ = −1…1 */
    public static final Axis PORTRAIT_X = new Axis("init.scale", 0.1, 2, PORTRAIT_POINTS, true);
    public static final Axis PORTRAIT_Y = new Axis("init.delta", -1, 1, PORTRAIT_POINTS, false);

    /**
     * the preset's view.sweepX / sweepY (FIELD=FROM:TO:N[:log] as on the command line), checked: null when it
     * does not say
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

    /** a malformed view axis counts as absent here (the preset checks refuse it where presets enter) */
    private static Axis viewAxis(Preset p, String key) {
        try {
            return checked(p, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** the default log axis widened to whole decades so that it holds v (same number of points) */
    static Axis widenLog(Axis a, double v) {
        double from = a.from(), to = a.to();
        if (v < from) from = Math.pow(10, Math.floor(Math.log10(v) + 1e-12));
        if (v > to) to = Math.pow(10, Math.ceil(Math.log10(v) - 1e-12));
        if (from == a.from() && to == a.to()) return a;
        return new Axis(a.field(), from, to, a.n(), true);
    }

    /** the default symmetric linear axis widened to ±(whole units) so that it holds v (same number of points) */
    static Axis widenSymmetric(Axis a, double v) {
        double half = Math.max(Math.abs(a.from()), Math.abs(a.to()));
        if (Math.abs(v) <= half) return a;
        double h = Math.ceil(Math.abs(v));
        return new Axis(a.field(), -h, h, a.n(), false);
    }

    /** why the preset refuses the axis's values away from its own, or null when it accepts them */
    private static String refusal(Preset p, String source, Axis a, double own, String otherField, double otherOwn) {
        double probe = Math.abs(a.value(0) - own) > Math.abs(a.value(a.n() - 1) - own) ? a.value(0) : a.value(a.n() - 1);
        try {
            PresetCompiler.compile(PresetGrid.presetAt(p, a.field(), probe, otherField, otherOwn), source);
            return null;
        } catch (PresetException e) {
            return e.problem();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** θ(0) at the two opposite corners of the map is the same: the axes do not change the run */
    private static boolean sameStart(Preset p, String source, Axis x, Axis y) {
        try {
            SimulationSpec a = PresetCompiler.compile(PresetGrid.presetAt(p, x.field(), x.value(0), y.field(), y.value(0)), source);
            SimulationSpec b = PresetCompiler.compile(
                    PresetGrid.presetAt(p, x.field(), x.value(x.n() - 1), y.field(), y.value(y.n() - 1)), source);
            return Arrays.equals(a.theta0(), b.theta0());
        } catch (PresetException | IllegalArgumentException e) {
            return false;   // a corner is refused: the cells will say why
        }
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
