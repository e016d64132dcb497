package org.dlnexplorer.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Axes readable on a slide: at most {@link #MAX_TICKS} tick labels (JFreeChart's own choice is the densest
 * that does not overlap, 30 ticks on a 1600 px slide), and log axes labelled in whole decades 10⁻⁸, 10⁻⁶ …
 * written with Unicode superscripts (no 10^−0.5, no attributed-string superscripts that SVG/PDF lose).
 */
final class SlideAxes {
    private SlideAxes() {}

    /** upper bound on tick labels per axis */
    static final int MAX_TICKS = 8;
    /** relative widening of a decade-snapped range */
    private static final double DECADE_SLACK = 1e-6;

    /** a linear axis with at most MAX_TICKS ticks */
    static NumberAxis number(String label) {
        return new CappedNumberAxis(label);
    }

    /**
     * A base-10 log axis ticked at whole decades (integer exponent steps 1, 2, 5, 10 …, at most MAX_TICKS),
     * labels 10ⁿ. With snapToDecades the auto range is widened to whole decades (value axes), not for time.
     */
    static LogAxis log(String label, boolean snapToDecades) {
        DecadeLogAxis a = new DecadeLogAxis(label, snapToDecades);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setNumberFormatOverride(new DecadeFormat());
        a.setMinorTickCount(9);
        return a;
    }

    /** the larger of the chosen unit and the smallest standard unit giving at most MAX_TICKS ticks */
    static TickUnit capped(TickUnit chosen, TickUnitSource units, double length) {
        if (chosen == null || units == null || !(length > 0)) return chosen;
        TickUnit unit = chosen;
        int guard = 0;
        while (length / unit.getSize() > MAX_TICKS && guard++ < 60) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger == null || larger.getSize() <= unit.getSize()) break;
            unit = larger;
        }
        return unit;
    }

    /** "10⁻⁸" for 1e−8: the nearest whole decade, exponent in Unicode superscripts */
    static String decade(double value) {
        if (!(value > 0) || !Double.isFinite(value)) return "";
        long e = Math.round(Math.log10(value));
        return "10" + superscript(e);
    }

    private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    static String superscript(long n) {
        StringBuilder b = new StringBuilder();
        if (n < 0) b.append('⁻');
        for (char c : Long.toString(Math.abs(n)).toCharArray()) b.append(SUP.charAt(c - '0'));
        return b.toString();
    }

    private static final class CappedNumberAxis extends NumberAxis {
        CappedNumberAxis(String label) { super(label); }

        @Override
        protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            TickUnit u = capped(getTickUnit(), getStandardTickUnits(), getRange().getLength());
            if (u instanceof NumberTickUnit n && n != getTickUnit()) setTickUnit(n, false, false);
        }
    }

    private static final class DecadeLogAxis extends LogAxis {
        private final boolean snap;

        DecadeLogAxis(String label, boolean snap) {
            super(label);
            this.snap = snap;
        }

        @Override
        protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            double decades = calculateLog(getUpperBound()) - calculateLog(getLowerBound());
            TickUnit u = capped(getTickUnit(), getStandardTickUnits(), decades);
            if (u instanceof NumberTickUnit n && n != getTickUnit()) setTickUnit(n, false, false);
        }

        @Override
        protected void autoAdjustRange() {
            super.autoAdjustRange();
            if (!snap || !isAutoRange()) return;
            Range r = getRange();
            if (!(r.getLowerBound() > 0)) return;
            double lo = Math.pow(10, Math.floor(Math.log10(r.getLowerBound()) + 1e-9));
            double hi = Math.pow(10, Math.ceil(Math.log10(r.getUpperBound()) - 1e-9));
            if (hi <= lo) hi = lo * 10;
            // a hair outside the decades, so that their ticks are inside the range and labelled
            setRange(new Range(lo * (1 - DECADE_SLACK), hi * (1 + DECADE_SLACK)), false, false);
        }
    }

    /** formats a tick value (a power of 10 on a decade axis) as 10ⁿ */
    static final class DecadeFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(decade(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(decade(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) { return null; }
    }
}
