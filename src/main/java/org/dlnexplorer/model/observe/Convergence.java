package org.dlnexplorer.model.observe;

import java.util.List;

/**
 * When a run counts as converged (the sweep's {@code converged} column, the sharpness-vs-η view): it has fitted
 * by the regime rule ({@link Regime#converged}: ℒ(t_end) − ℒ_min ≤ 10⁻³ (ℒ(0) − ℒ_min)) and, over the last
 * {@link #WINDOW_FRACTION} of its duration, its loss and its sharpness stopped moving:
 * <pre>
 *   max ℒ − min ℒ over the window ≤ LOSS_SPREAD · (ℒ(0) − ℒ_min)
 *   max S − min S over the window ≤ SHARPNESS_SPREAD · S(t_end)      (when sharpness is recorded)
 * </pre>
 * A gradient-descent run above the edge of stability that oscillates in loss or sharpness, one still sliding
 * along a plateau, and one that diverged or stopped early, do not count.
 */
public final class Convergence {
    /** the window is the last quarter of the run's duration (at least its last two frames) */
    public static final double WINDOW_FRACTION = 0.25;
    /** the loss's spread over the window, relative to the loss to be fitted ℒ(0) − ℒ_min */
    public static final double LOSS_SPREAD = 1e-4;
    /** the sharpness's spread over the window, relative to the final sharpness */
    public static final double SHARPNESS_SPREAD = 1e-3;

    private Convergence() {}

    /** the rule above; false for a run without frames, diverged or stopped before t_end */
    public static boolean converged(Trajectory tr) {
        List<Frame> fs = tr.frames();
        if (fs.size() < 2 || tr.diverged() || tr.stopped() != null) return false;
        double lossMin = tr.setup() == null ? 0.0 : tr.setup().task().minimumLoss();
        return converged(fs, lossMin);
    }

    /**
     * A time at or before every frame whose sharpness {@link #converged(List, double)} reads, for a complete run
     * whose frames come at these times (ascending): the start of the window, or the second-to-last frame
     * when that is earlier.
     */
    public static double windowStart(double[] frameTimes) {
        int m = frameTimes.length;
        if (m < 2) return Double.NEGATIVE_INFINITY;
        double first = frameTimes[0], last = frameTimes[m - 1];
        return Math.min(last - WINDOW_FRACTION * (last - first), frameTimes[m - 2]);
    }

    /** the rule on frames (t ascending) against the task's ℒ_min */
    public static boolean converged(List<Frame> fs, double lossMin) {
        Frame first = fs.get(0), last = fs.get(fs.size() - 1);
        if (!Regime.converged(first.loss(), last.loss(), lossMin)) return false;
        double tFrom = last.t() - WINDOW_FRACTION * (last.t() - first.t());
        int from = fs.size() - 2;   // at least the last two frames
        while (from > 0 && fs.get(from - 1).t() >= tFrom) from--;
        double lossLo = Double.POSITIVE_INFINITY, lossHi = Double.NEGATIVE_INFINITY;
        double sLo = Double.POSITIVE_INFINITY, sHi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < fs.size(); i++) {
            Frame f = fs.get(i);
            if (!Double.isFinite(f.loss())) return false;
            lossLo = Math.min(lossLo, f.loss());
            lossHi = Math.max(lossHi, f.loss());
            if (f.hasSharpness()) {
                sLo = Math.min(sLo, f.sharpness());
                sHi = Math.max(sHi, f.sharpness());
            }
        }
        double scale = Math.max(0.0, first.loss() - lossMin);
        if (lossHi - lossLo > LOSS_SPREAD * scale) return false;
        return !last.hasSharpness() || sHi - sLo <= SHARPNESS_SPREAD * Math.abs(last.sharpness());
    }
}
