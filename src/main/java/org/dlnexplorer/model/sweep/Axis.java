package org.dlnexplorer.model.sweep;

import java.util.Locale;

/**
 * One axis of a sweep grid: a numeric field swept from {@code from} to {@code to} in {@code n} points,
 * evenly spaced, or geometrically spaced when {@code log} (both ends included).
 * Text form (command line): {@code FIELD=FROM:TO:N[:log]}, e.g. {@code init.scale=0.01:10:41:log}.
 */
public record Axis(String field, double from, double to, int n, boolean log) {
    /** the largest grid side accepted (a 401 × 401 grid is 160 801 simulations) */
    public static final int MAX_POINTS = 401;

    public Axis {
        if (field == null || field.isBlank()) throw new IllegalArgumentException("axis has no field name");
        if (!Double.isFinite(from) || !Double.isFinite(to))
            throw new IllegalArgumentException("axis " + field + ": FROM and TO must be finite numbers");
        if (n < 1 || n > MAX_POINTS)
            throw new IllegalArgumentException("axis " + field + ": N must be between 1 and " + MAX_POINTS + ", got " + n);
        if (n > 1 && from == to)
            throw new IllegalArgumentException("axis " + field + ": FROM equals TO but N = " + n);
        if (log && (from <= 0 || to <= 0))
            throw new IllegalArgumentException("axis " + field + ": a log axis needs FROM > 0 and TO > 0");
    }

    /**
     * Parses {@code FIELD=FROM:TO:N[:log]}. The message of the exception names the spec and what is wrong,
     * in one line.
     */
    public static Axis parse(String spec) {
        if (spec == null) throw new IllegalArgumentException("missing axis spec (expected FIELD=FROM:TO:N[:log])");
        String s = spec.trim();
        int eq = s.indexOf('=');
        if (eq <= 0) throw bad(spec, "expected FIELD=FROM:TO:N[:log]");
        String field = s.substring(0, eq).trim();
        if (!field.matches("[A-Za-z][A-Za-z0-9_]*(\\[[0-9]+\\])?(\\.[A-Za-z][A-Za-z0-9_]*(\\[[0-9]+\\])?)*"))
            throw bad(spec, "\"" + field + "\" is not a field path like init.scale");
        String[] parts = s.substring(eq + 1).split(":", -1);
        if (parts.length < 3 || parts.length > 4) throw bad(spec, "expected FIELD=FROM:TO:N[:log]");
        double from = number(spec, "FROM", parts[0]);
        double to = number(spec, "TO", parts[1]);
        int n;
        try {
            n = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw bad(spec, "N must be a whole number, got \"" + parts[2] + "\"");
        }
        boolean log = false;
        if (parts.length == 4) {
            String scale = parts[3].trim().toLowerCase(Locale.ROOT);
            if (scale.equals("log")) log = true;
            else if (!scale.equals("lin") && !scale.equals("linear"))
                throw bad(spec, "scale must be log or lin, got \"" + parts[3] + "\"");
        }
        try {
            return new Axis(field, from, to, n, log);
        } catch (IllegalArgumentException e) {
            throw bad(spec, e.getMessage().replaceFirst("^axis [^:]*: ", ""));
        }
    }

    private static double number(String spec, String what, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) throw bad(spec, what + " must be finite");
            return v;
        } catch (NumberFormatException e) {
            throw bad(spec, what + " must be a number, got \"" + text + "\"");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad axis \"" + spec + "\": " + why);
    }

    /** the i-th grid value (i = 0 … n−1); log: 10^{log₁₀from + (log₁₀to − log₁₀from)·i/(n−1)} (decades land exactly) */
    public double value(int i) {
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException(i);
        if (n == 1) return from;
        if (i == n - 1) return to;
        double u = (double) i / (n - 1);
        if (!log) return from + (to - from) * u;
        double lf = Math.log10(from), lt = Math.log10(to);
        return Math.pow(10, lf + (lt - lf) * u);
    }

    /**
     * The value at a fractional index f ∈ [0, n−1], interpolated in the axis's own metric (geometrically on
     * a log axis): used to place contour lines found in index space.
     */
    public double valueAt(double f) {
        if (n == 1) return from;
        int i = (int) Math.max(0, Math.min(n - 2, Math.floor(f)));
        double u = f - i;
        double a = value(i), b = value(i + 1);
        return log ? a * Math.pow(b / a, u) : a + (b - a) * u;
    }

    public double[] values() {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = value(i);
        return v;
    }

    /**
     * Cell boundaries for drawing: n + 1 edges, midway between neighbouring values (geometric mean on a
     * log axis), the outer ones mirrored. A single-point axis gets a cell of ±10 % (log) or ±0.5.
     */
    public double[] edges() {
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = log ? from / 1.1 : from - 0.5;
            e[1] = log ? from * 1.1 : from + 0.5;
            return e;
        }
        for (int i = 1; i < n; i++) e[i] = log ? Math.sqrt(value(i - 1) * value(i)) : 0.5 * (value(i - 1) + value(i));
        e[0] = log ? value(0) * value(0) / e[1] : 2 * value(0) - e[1];
        e[n] = log ? value(n - 1) * value(n - 1) / e[n - 1] : 2 * value(n - 1) - e[n - 1];
        return e;
    }

    /** the index of the cell containing v (nearest value in the axis's own metric), or −1 outside the edges */
    public int indexOf(double v) {
        if (!Double.isFinite(v) || (log && v <= 0)) return -1;
        double[] e = edges();
        double lo = Math.min(e[0], e[n]), hi = Math.max(e[0], e[n]);
        if (v < lo || v > hi) return -1;
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = log ? Math.abs(Math.log(v / value(i))) : Math.abs(v - value(i));
            if (d < bestD) { bestD = d; best = i; }
        }
        return best;
    }

    @Override
    public String toString() {
        return field + "=" + fmt(from) + ":" + fmt(to) + ":" + n + (log ? ":log" : "");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
