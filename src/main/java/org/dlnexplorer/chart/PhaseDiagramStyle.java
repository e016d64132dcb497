package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.Metric;
import org.dlnexplorer.model.sweep.SweepResult;

/**
 * What the phase-diagram chart and the app's phase-diagram view share: the options, the colour range, the
 * non-value cell colours and the default contour levels. Colours are packed 0xRRGGBB so both AWT and JavaFX
 * can use them.
 *
 * @param metric        what the cells are coloured by
 * @param contourLevels levels at which contour lines are drawn (values outside the data are skipped)
 * @param markerX       the current configuration's x (NaN: no marker)
 * @param markerY       the current configuration's y
 * @param colourRange   {lower, upper} of the colour bar, or null for automatic
 * @param subtitle      a line under the title (e.g. the preset name), or null
 * @param markUnfitted  cells that ran but did not fit by t_end (no time to fit) are drawn as "not fitted yet"
 *                      whatever their metric, so that an unfinished run is never read as lazy (Fig. 1b)
 */
public record PhaseDiagramStyle(Metric metric, double[] contourLevels, double markerX, double markerY,
                                double[] colourRange, String subtitle, boolean markUnfitted) {
    /** background of cells not computed yet */
    public static final int PENDING_RGB = 0xFFFFFF;
    /** cells that ran but have no value of this metric (e.g. never fitted within the duration) */
    public static final int NO_VALUE_RGB = 0xC8C8C8;
    /** diverged cells: hatched with HATCH_RGB lines on DIVERGED_RGB */
    public static final int DIVERGED_RGB = 0xF0F0F0;
    public static final int HATCH_RGB = 0x505050;
    /** cells that could not be simulated (invalid configuration) */
    public static final int FAILED_RGB = 0x707070;
    /** cells not fitted by t_end (with markUnfitted): back-hatched with UNFITTED_HATCH_RGB lines on UNFITTED_RGB */
    public static final int UNFITTED_RGB = 0xFFF4DC;
    public static final int UNFITTED_HATCH_RGB = 0xB08A3C;

    public PhaseDiagramStyle(Metric metric, double[] contourLevels, double markerX, double markerY,
                             double[] colourRange, String subtitle) {
        this(metric, contourLevels, markerX, markerY, colourRange, subtitle, false);
    }

    public PhaseDiagramStyle {
        contourLevels = contourLevels == null ? new double[0] : contourLevels.clone();
        colourRange = colourRange == null ? null : colourRange.clone();
    }

    /** kernel distance with contours at the regime rule's thresholds (model.observe.Regime: lazy below S = 0.02, rich from S = 0.1), no marker */
    public static PhaseDiagramStyle defaults() {
        return of(Metric.KERNEL_DISTANCE);
    }

    public static PhaseDiagramStyle of(Metric m) {
        double[] levels = m.unitInterval() ? new double[] {org.dlnexplorer.model.observe.Regime.LAZY_MAX_S, org.dlnexplorer.model.observe.Regime.RICH_MIN_S} : new double[0];
        return new PhaseDiagramStyle(m, levels, Double.NaN, Double.NaN, null, null);
    }

    public PhaseDiagramStyle withMarker(double x, double y) {
        return new PhaseDiagramStyle(metric, contourLevels, x, y, colourRange, subtitle);
    }

    public PhaseDiagramStyle withMetric(Metric m) {
        PhaseDiagramStyle d = of(m);
        return new PhaseDiagramStyle(m, d.contourLevels, markerX, markerY, null, subtitle, markUnfitted);
    }

    public PhaseDiagramStyle withContours(double... levels) {
        return new PhaseDiagramStyle(metric, levels, markerX, markerY, colourRange, subtitle, markUnfitted);
    }

    public PhaseDiagramStyle withColourRange(double lower, double upper) {
        return new PhaseDiagramStyle(metric, contourLevels, markerX, markerY, new double[] {lower, upper}, subtitle, markUnfitted);
    }

    public PhaseDiagramStyle withSubtitle(String s) {
        return new PhaseDiagramStyle(metric, contourLevels, markerX, markerY, colourRange, s, markUnfitted);
    }

    /** cells not fitted by t_end drawn as "not fitted yet" (on) or coloured by their value (off) */
    public PhaseDiagramStyle withUnfittedMarked(boolean on) {
        return new PhaseDiagramStyle(metric, contourLevels, markerX, markerY, colourRange, subtitle, on);
    }

    /**
     * true when the cell ran to its end without fitting (no time to fit; whatever status says so) and this
     * style marks such cells
     */
    public boolean unfitted(CellResult c) {
        return markUnfitted && c != null && !c.failed() && !c.diverged()
                && c.status() != org.dlnexplorer.model.sweep.CellStatus.STOPPED && !Double.isFinite(c.timeToFit());
    }

    public boolean hasMarker() { return Double.isFinite(markerX) && Double.isFinite(markerY); }

    /**
     * The colour bar's range: the given one, else [0, nice ceiling of the maximum] for distances, else a
     * nicely rounded [min, max] of the finished cells; [0, 1] before any value exists.
     */
    /** the colour range of a unit-interval metric spans at least [0, MIN_UNIT_SPAN] */
    static final double MIN_UNIT_SPAN = 0.01;

    public double[] range(SweepResult r) {
        if (colourRange != null) return colourRange.clone();
        double[] mm = markUnfitted ? fittedRange(r) : r.range(metric);
        if (Double.isNaN(mm[0])) return new double[] {0, 1};
        boolean distance = metric.unitInterval() || metric == Metric.PARAMETER_DISTANCE
                || metric == Metric.RELATIVE_PARAMETER_DISTANCE || metric == Metric.TEST_LOSS || metric == Metric.HAMMING;
        double lo = distance ? Math.min(0, mm[0]) : niceFloor(mm[0]);
        double hi = niceCeil(mm[1]);
        if (metric.unitInterval()) hi = Math.min(1.0, hi);
        // a unit-interval metric that is rounding noise everywhere (1e−16: a scalar-output kernel) is ≈ 0, not a map
        if (metric.unitInterval()) hi = Math.max(hi, MIN_UNIT_SPAN);
        if (!(hi > lo)) hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        return new double[] {lo, hi};
    }

    /** {min, max} of the metric over the fitted OK cells (NaN, NaN when none has a value) */
    private double[] fittedRange(SweepResult r) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (CellResult c : r.cells()) {
            if (!c.ok() || unfitted(c)) continue;
            double v = c.metric(metric);
            if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /** the cell's colour, or −1 when it is drawn as a category (pending, diverged, failed, not fitted, no value) */
    public int rgb(CellResult c, double[] range) {
        if (c == null || !c.ok() || unfitted(c)) return -1;
        double v = c.metric(metric);
        if (!Double.isFinite(v)) return -1;
        return Viridis.rgb((v - range[0]) / (range[1] - range[0]));
    }

    /** the smallest of 1, 2, 2.5, 5 × 10^k that is ≥ v (v > 0) */
    static double niceCeil(double v) {
        if (!(v > 0)) return v >= 0 ? 0 : -niceFloor(-v);
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    static double niceFloor(double v) {
        if (!(v > 0)) return v >= 0 ? 0 : -niceCeil(-v);
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {5, 2.5, 2, 1}) if (m * p <= v * (1 + 1e-12)) return m * p;
        return p;
    }
}
