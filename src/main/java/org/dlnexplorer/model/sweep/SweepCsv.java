package org.dlnexplorer.model.sweep;

import java.util.List;
import java.util.Locale;

/**
 * The CSV form of a sweep, one row per finished cell (y outer, x inner). Columns: the two swept fields,
 * then kernel_distance (S(0, t_end)), time_to_fit (first t with ℒ − ℒ_min ≤ 1 % of ℒ(0) − ℒ_min, interpolated
 * between recorded frames), parameter_distance (‖θ(T) − θ(0)‖), relative_parameter_distance (÷ ‖θ(0)‖),
 * final_sharpness (gradient descent or when recorded), diverged (true/false), status (ok/diverged/failed),
 * theory_kernel_distance, theory_time_to_fit (λ-balanced aligned closed form), theory_kernel_distance_limit
 * (S(0, ∞) for exactly λ-balanced two-layer inits), then (added later, so readers of the first columns are
 * unaffected) fitted (true when the loss converged by t_end by the regime rule, false: "not fitted yet", its
 * values at t_end say nothing about its regime; empty unless status is ok) and message (why a cell failed or
 * stopped, quoted when it holds a comma or a quote), then test_loss and hamming (piecewise-linear networks,
 * issue #13; empty for linear networks), then final_loss (ℒ(t_end)) and converged (true when the loss and the
 * sharpness stopped moving, {@link org.dlnexplorer.model.observe.Convergence}; empty unless status is ok). A
 * missing value is an empty field; NaN and Infinity are
 * never written. Cells are simulated with {@link SweepSettings} (by default 60 frames, rtol 1e-7).
 */
public final class SweepCsv {
    private SweepCsv() {}

    public static final List<Metric> SIMULATED = List.of(Metric.KERNEL_DISTANCE, Metric.TIME_TO_FIT,
            Metric.PARAMETER_DISTANCE, Metric.RELATIVE_PARAMETER_DISTANCE, Metric.FINAL_SHARPNESS);
    public static final List<Metric> THEORY = List.of(Metric.THEORY_KERNEL_DISTANCE, Metric.THEORY_TIME_TO_FIT,
            Metric.THEORY_KERNEL_DISTANCE_LIMIT);
    /** appended after the theory columns (empty for linear networks): issue #13's portrait metrics */
    public static final List<Metric> PIECEWISE = List.of(Metric.TEST_LOSS, Metric.HAMMING);

    public static String header(SweepResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.x().field()).append(',').append(r.y().field());
        for (Metric m : SIMULATED) sb.append(',').append(m.column());
        sb.append(",diverged,status");
        for (Metric m : THEORY) sb.append(',').append(m.column());
        sb.append(",fitted,message");
        for (Metric m : PIECEWISE) sb.append(',').append(m.column());
        sb.append(",final_loss,converged");
        return sb.toString();
    }

    public static String row(CellResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append(number(c.x())).append(',').append(number(c.y()));
        for (Metric m : SIMULATED) sb.append(',').append(number(c.metric(m)));
        sb.append(',').append(c.diverged()).append(',').append(c.status().name().toLowerCase(Locale.ROOT));
        for (Metric m : THEORY) sb.append(',').append(number(c.metric(m)));
        sb.append(',').append(c.ok() ? Boolean.toString(c.fitted()) : "");
        sb.append(',').append(quoted(c.message()));
        for (Metric m : PIECEWISE) sb.append(',').append(number(c.metric(m)));
        sb.append(',').append(number(c.finalLoss()));
        sb.append(',').append(c.ok() ? Boolean.toString(c.converged()) : "");
        return sb.toString();
    }

    /** a text field: empty for null, in double quotes (inner quotes doubled) when it holds , " or a line end */
    static String quoted(String text) {
        if (text == null) return "";
        String t = text.replace('\n', ' ').replace('\r', ' ');
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0) return t;
        return '"' + t.replace("\"", "\"\"") + '"';
    }

    /** the fields of one row: split at commas outside double quotes (a quoted field keeps its quotes) */
    public static String[] fields(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { out.add(line.substring(start, i)); start = i + 1; }
        }
        out.add(line.substring(start));
        return out.toArray(new String[0]);
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
