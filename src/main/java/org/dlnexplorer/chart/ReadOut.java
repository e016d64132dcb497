package org.dlnexplorer.chart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * What a time chart reads out under the pointer: the simulated series of every run (as drawn, in time
 * units) and where the chart put text inside its plot area (level labels, an inside legend), so that the
 * read-out can be placed clear of it. Immutable; the series' arrays are the chart's own dataset arrays,
 * never changed after a rebuild made them. AWT geometry only.
 */
public final class ReadOut {
    /** one drawn line: its run ("" for a single run), its quantity ("ℒ", "σ₁"), samples x = t, y, colour */
    public record Series(String run, String quantity, double[] x, double[] y, int argb) {}

    /** one read value: "δ = −1: ℒ = 0.231" and the colour of its line */
    public record Value(String text, int argb) {}

    private final List<Series> series;
    private final List<Rectangle2D> text;

    public ReadOut(List<Series> series, List<Rectangle2D> text) {
        this.series = List.copyOf(series);
        this.text = List.copyOf(text);
    }

    public List<Series> series() { return series; }

    /** boxes of text drawn inside the plot area, in the picture's pixels */
    public List<Rectangle2D> text() { return text; }

    /** this read-out with the text boxes of a drawing */
    public ReadOut withText(List<Rectangle2D> boxes) { return new ReadOut(series, boxes); }

    /** The value of every series at time t (lines whose samples do not reach t are left out). */
    public List<Value> at(double t) {
        List<Value> out = new ArrayList<>();
        for (Series s : series) {
            double v = valueAt(s.x(), s.y(), t);
            if (Double.isNaN(v)) continue;
            String q = s.quantity() + " = " + Fmt.num(v);
            out.add(new Value(s.run().isEmpty() ? q : s.run() + ": " + q, s.argb()));
        }
        return out;
    }

    /**
     * y at x = t, linear between the neighbouring finite samples: y = y_i + (y_{i+1} − y_i)(t − x_i)/(x_{i+1} − x_i);
     * NaN when t lies outside the samples.
     */
    static double valueAt(double[] x, double[] y, double t) {
        int lo = -1, hi = -1;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            if (x[i] <= t) lo = i;
            if (x[i] >= t) { hi = i; break; }
        }
        if (lo < 0 || hi < 0) return Double.NaN;
        if (hi == lo || x[hi] == x[lo]) return y[hi];
        return y[lo] + (y[hi] - y[lo]) * (t - x[lo]) / (x[hi] - x[lo]);
    }
}
