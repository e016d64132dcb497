package org.dlnexplorer.model.sweep;

import java.util.List;
import java.util.Locale;

/**
 * The CSV form of a sweep, one row per finished cell (y outer, x inner). Columns: the two swept fields,
 * then kernel_distance (S(0, t_end)), time_to_fit (first t with ℒ − ℒ_min ≤ 1 % of ℒ(0) − ℒ_min, interpolated
 * between recorded frames), parameter_distance (‖θ(T) − θ(0)‖), relative_parameter_distance (÷ ‖θ(0)‖),
 * final_sharpness (gradient descent or when recorded), diverged (true/false), status (ok/diverged/failed),
 * theory_kernel_distance, theory_time_to_fit (λ-balanced aligned closed form), theory_kernel_distance_limit
 * (S(0, ∞) for exactly λ-balanced two-layer inits), test_loss and hamming (piecewise-linear networks: ℒ_test at
 * t_end and the share of the activation pattern changed since t = 0). A missing value is an empty field; NaN and Infinity are
 * never written. Cells are simulated with {@link SweepSettings} (by default 60 frames, rtol 1e-7).
 */
public final class SweepCsv {
    private SweepCsv() {}

    public static final List<Metric> SIMULATED = List.of(Metric.KERNEL_DISTANCE, Metric.TIME_TO_FIT,
            Metric.PARAMETER_DISTANCE, Metric.RELATIVE_PARAMETER_DISTANCE, Metric.FINAL_SHARPNESS);
    public static final List<Metric> THEORY = List.of(Metric.THEORY_KERNEL_DISTANCE, Metric.THEORY_TIME_TO_FIT,
            Metric.THEORY_KERNEL_DISTANCE_LIMIT);
    /** the piecewise-linear network's columns, last (empty for a deep linear network) */
    public static final List<Metric> PIECEWISE = List.of(Metric.TEST_LOSS, Metric.HAMMING);

    public static String header(SweepResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.x().field()).append(',').append(r.y().field());
        for (Metric m : SIMULATED) sb.append(',').append(m.column());
        sb.append(",diverged,status");
        for (Metric m : THEORY) sb.append(',').append(m.column());
        for (Metric m : PIECEWISE) sb.append(',').append(m.column());
        return sb.toString();
    }

    public static String row(CellResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append(number(c.x())).append(',').append(number(c.y()));
        for (Metric m : SIMULATED) sb.append(',').append(number(c.metric(m)));
        sb.append(',').append(c.diverged()).append(',').append(c.status().name().toLowerCase(Locale.ROOT));
        for (Metric m : THEORY) sb.append(',').append(number(c.metric(m)));
        for (Metric m : PIECEWISE) sb.append(',').append(number(c.metric(m)));
        return sb.toString();
    }

    /** the whole table, header first, rows in grid order, '\n' line ends */
    public static String write(SweepResult r) {
        StringBuilder sb = new StringBuilder(header(r)).append('\n');
        for (int iy = 0; iy < r.y().n(); iy++)
            for (int ix = 0; ix < r.x().n(); ix++) {
                CellResult c = r.get(ix, iy);
                if (c != null) sb.append(row(c)).append('\n');
            }
        return sb.toString();
    }

    /** shortest round-trip decimal; empty for NaN or ±Infinity */
    static String number(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
