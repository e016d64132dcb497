package org.dlnexplorer.export;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.PhaseDiagramChart;
import org.dlnexplorer.chart.PhaseDiagramStyle;
import org.dlnexplorer.chart.PhasePortraitChart;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.SweepListener;
import org.dlnexplorer.model.sweep.SweepResult;
import org.dlnexplorer.model.sweep.SweepRunner;
import org.dlnexplorer.model.sweep.SweepSettings;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PhaseAxes;
import org.dlnexplorer.preset.PresetGrid;
import org.jfree.chart.ui.Drawable;

/**
 * The phase diagram of a preset for `export --view phase-diagram`: runs the
 * default sweep (τ log × δ linear, 41 × 41) or the given axes in parallel, then renders it with a marker
 * at the preset's own configuration. Blocks until the sweep is done (seconds to a minute).
 */
public final class PhaseDiagramExport {
    private PhaseDiagramExport() {}

    /**
     * The preset's map ({@link PhaseAxes}: τ = 0.01…10 (log) × δ = −4…4, 41 × 41, widened to hold the preset's
     * own τ and δ, an axis the preset refuses held at its value).
     *
     * @throws IllegalArgumentException saying why when τ and δ do not change the preset's run (no map)
     */
    public static Drawable render(Preset preset, String source) {
        PhaseAxes axes = PhaseAxes.of(preset, source);
        if (!axes.sweepable()) throw new IllegalArgumentException(axes.whyNot());
        return render(preset, source, axes.x(), axes.y(), SweepSettings.DEFAULT,
                PhaseDiagramStyle.defaults(), ChartStyle.slide(), new CancellationToken());
    }

    /**
     * The (τ, δ) phase portrait of a piecewise-linear preset (Fig. 1b): its view.sweepX/sweepY or τ = 0.1…2
     * (log) × δ = −1…1, the left map by PhasePortraitChart.LEFT, the right by kernel distance.
     *
     * @throws IllegalArgumentException naming the field when an axis is not a numeric field of the preset
     */
    public static Drawable portrait(Preset preset, String source, CancellationToken cancel) {
        PhaseAxes axes = PhaseAxes.of(preset, source);
        if (!axes.sweepable()) throw new IllegalArgumentException(axes.whyNot());
        Axis[] a = {axes.x(), axes.y()};
        PresetGrid grid = new PresetGrid(preset, source, a[0], a[1], SweepSettings.DEFAULT);
        SweepResult r = new SweepRunner().run(grid.title(), a[0], a[1], grid, SweepListener.NONE, cancel);
        double[] here = grid.current();
        PhaseDiagramStyle base = PhaseDiagramStyle.defaults().withMarker(here[0], here[1]).withSubtitle(preset.name);
        return PhasePortraitChart.of(r, PhasePortraitChart.LEFT, PhasePortraitChart.RIGHT, base, ChartStyle.slide());
    }

    /** @throws IllegalArgumentException naming the field when an axis is not a numeric field of the preset */
    public static Drawable render(Preset preset, String source, Axis x, Axis y, SweepSettings settings,
                                  PhaseDiagramStyle style, ChartStyle fonts, CancellationToken cancel) {
        PresetGrid grid = new PresetGrid(preset, source, x, y, settings);
        SweepResult r = new SweepRunner().run(grid.title(), x, y, grid, SweepListener.NONE, cancel);
        double[] here = grid.current();
        return PhaseDiagramChart.render(r, style.withMarker(here[0], here[1]).withSubtitle(preset.name), fonts);
    }
}
