package org.dlnexplorer.model.observe;

import java.util.List;

/**
 * The one rule that names a run's regime (status bar, preset descriptions, phase-diagram contours), read from
 * the kernel distance S(0,t) = 1 − ⟨K_0, K_t⟩_F / (‖K_0‖_F ‖K_t‖_F) and the loss:
 * <ol>
 *   <li>not converged yet: at t_end the excess loss ℒ − ℒ_min is still above {@link #CONVERGED_FRACTION}
 *       of its value at t = 0;</li>
 *   <li>S ≡ 0: S_max = max_t S(0,t) below {@link #ZERO_S} (a rank-one kernel, e.g. one output and rank-one
 *       inputs, only rescales): the kernel distance cannot tell lazy from rich;</li>
 *   <li>lazy: S_max &lt; {@link #LAZY_MAX_S};</li>
 *   <li>rich: S_max ≥ {@link #RICH_MIN_S}; "delayed rich" when δ &lt; 0 and S(0,t) first reaches
 *       {@link #DELAY_LEVEL}·S_max after {@link #DELAY_FRACTION} of the duration;</li>
 *   <li>in between: intermediate.</li>
 * </ol>
 * The peak S_max is used, not S(0,t_end): in the rich runs the kernel turns and partly turns back (Saxe's
 * two modes: S peaks at 0.16 and ends at 0.06). The thresholds sit in the factor-5 gaps of the bundled
 * presets: every run a lecture calls lazy has S_max ≤ 0.012, every one it calls rich S_max ≥ 0.115.
 */
public final class Regime {
    /** S_max below this: lazy (the kernel stays within ≈ 2 % of its start, in cosine) */
    public static final double LAZY_MAX_S = 0.02;
    /** S_max at or above this: rich (the kernel turns by ≥ 10 %) */
    public static final double RICH_MIN_S = 0.1;
    /** S_max below this is S ≡ 0 up to rounding: the kernel only rescales */
    public static final double ZERO_S = 1e-9;
    /** converged: ℒ(t_end) − ℒ_min ≤ CONVERGED_FRACTION · (ℒ(0) − ℒ_min) */
    public static final double CONVERGED_FRACTION = 1e-3;
    /** a rich run is "delayed" when S(0,t) stays below this fraction of S_max (half its turn) … */
    public static final double DELAY_LEVEL = 0.5;
    /** … for at least this fraction of the duration, starting downstream (δ &lt; 0) */
    public static final double DELAY_FRACTION = 0.2;

    public enum Kind {
        NOT_CONVERGED("not converged yet"),
        UNDETERMINED("S ≡ 0 (rank-one kernel): S cannot tell lazy from rich"),
        LAZY("lazy"),
        INTERMEDIATE("between lazy and rich"),
        RICH("rich"),
        DELAYED_RICH("delayed rich");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    private Regime() {}

    /** the regime of a run from its S(0,t) and loss; delta is the conserved δ (NaN when unknown) */
    public static Kind classify(Trajectory tr, double delta) {
        List<Frame> fs = tr.frames();
        if (fs.isEmpty()) throw new IllegalArgumentException("a run without frames has no regime");
        double lossMin = tr.setup() == null ? 0.0 : tr.setup().task().minimumLoss();
        if (!converged(fs.get(0).loss(), tr.last().loss(), lossMin)) return Kind.NOT_CONVERGED;
        double sMax = peakKernelDistance(tr);
        if (sMax < ZERO_S) return Kind.UNDETERMINED;
        if (sMax < LAZY_MAX_S) return Kind.LAZY;
        if (sMax < RICH_MIN_S) return Kind.INTERMEDIATE;
        double tEnd = tr.last().t(), tRise = tEnd;
        for (Frame f : fs) if (f.kernelDistance() >= DELAY_LEVEL * sMax) { tRise = f.t(); break; }
        if (delta < 0 && tEnd > 0 && tRise / tEnd >= DELAY_FRACTION) return Kind.DELAYED_RICH;
        return Kind.RICH;
    }

    /** ℒ(t_end) − ℒ_min ≤ CONVERGED_FRACTION · (ℒ(0) − ℒ_min) (a start already at the minimum is converged) */
    public static boolean converged(double loss0, double lossEnd, double lossMin) {
        double e0 = Math.max(0.0, loss0 - lossMin), e1 = Math.max(0.0, lossEnd - lossMin);
        return e1 <= CONVERGED_FRACTION * e0 || e1 == 0.0;
    }

    /** S_max = max_t S(0,t) over the recorded frames (NaN frames are skipped) */
    public static double peakKernelDistance(Trajectory tr) {
        double m = 0;
        for (Frame f : tr.frames()) if (f.kernelDistance() > m) m = f.kernelDistance();
        return m;
    }

    /** the status bar's text: "rich (max S = 0.163)", "not converged yet (max S so far = 0.871)" */
    public static String describe(Trajectory tr, double delta) {
        Kind k = classify(tr, delta);
        if (k == Kind.UNDETERMINED) return k.label();
        String s = String.format(java.util.Locale.ROOT, "%.3f", peakKernelDistance(tr));
        return k.label() + (k == Kind.NOT_CONVERGED ? " (max S so far = " : " (max S = ") + s + ")";
    }
}
