package org.dlnexplorer.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis over less than two decades (Fig. 1b's τ ∈ [0.1, 2]) ticked at 1, 2, 5 × 10ᵏ with plain labels
 * (0.1, 0.2, 0.5, 1, 2), where the decade ticks alone would be one or two labels and JFreeChart's own choice
 * gives 0.158, 0.251, ….
 */
final class OneTwoFiveLogAxis extends LogAxis {
    private static final double[] MANTISSAS = {1, 2, 5};
    /** ticks this close to the range ends (relative) are kept */
    private static final double EDGE = 1e-9;

    OneTwoFiveLogAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(false);
    }

    /** the tick values inside [lo, hi] (lo > 0) */
    static List<Double> ticks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)); e++)
            for (double m : MANTISSAS) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - EDGE) && v <= hi * (1 + EDGE)) out.add(v);
            }
        return out;
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    }

    private List<NumberTick> ticks(TextAnchor anchor) {
        DecimalFormat f = new DecimalFormat("0.####");
        List<NumberTick> out = new ArrayList<>();
        for (double v : ticks(getLowerBound(), getUpperBound())) out.add(new NumberTick(v, f.format(v), anchor, TextAnchor.CENTER, 0));
        return out;
    }
}
