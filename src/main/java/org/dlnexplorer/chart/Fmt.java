package org.dlnexplorer.chart;

import java.util.Locale;

/** Number and label formatting for charts and the app (σ₁, 0.01, 1.2e−5). */
public final class Fmt {
    private Fmt() {}

    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉";

    public static String subscript(int i) {
        String s = Integer.toString(i);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= '0' && c <= '9' ? SUB.charAt(c - '0') : c);
        return b.toString();
    }

    /** compact: up to 4 significant digits, trailing zeros dropped */
    public static String num(double v) {
        if (!Double.isFinite(v)) return "–";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        double a = Math.abs(v);
        String s;
        if (a != 0 && (a < 1e-3 || a >= 1e6)) s = String.format(Locale.ROOT, "%.3g", v);
        else s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int e = Integer.parseInt(p[1]);
            return m + "e" + e;
        }
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
