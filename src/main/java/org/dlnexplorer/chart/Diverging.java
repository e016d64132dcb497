package org.dlnexplorer.chart;

import java.awt.Color;

/**
 * A diverging colour map centred at 0: blue for negative values, white at 0, red for positive ones (the
 * ends of ColorBrewer's RdBu), linear in sRGB on each side. Symmetric: v and −v are equally saturated.
 */
public final class Diverging {
    private Diverging() {}

    static final Color NEGATIVE = new Color(0x2166AC), ZERO = Color.WHITE, POSITIVE = new Color(0xB2182B);

    /** the colour of v on the scale [−m, m] (clamped; m ≤ 0: white) */
    public static Color of(double v, double m) {
        if (!(m > 0) || !Double.isFinite(v)) return ZERO;
        double f = Math.max(-1, Math.min(1, v / m));
        Color end = f < 0 ? NEGATIVE : POSITIVE;
        double a = Math.abs(f);
        return new Color(mix(ZERO.getRed(), end.getRed(), a), mix(ZERO.getGreen(), end.getGreen(), a),
                mix(ZERO.getBlue(), end.getBlue(), a));
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }
}
