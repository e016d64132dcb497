package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.theory.ImplicitBiasCurve;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;

/**
 * Kunin et al. Figure 4b in the function-space view: where one hidden neuron with low-rank Σxx interpolates, as
 * a continuous curve over δ ∈ [−D, D] (coloured by δ, viridis), with the minimum-norm interpolant, the lazy limit
 * δ → +∞ (the interpolant nearest β0) and the δ → −∞ limit (on the ray through β0) marked. The curve is
 * {@link ImplicitBiasCurve} (Theorem 1; its 1-D closed form when the null space is a line).
 */
final class ImplicitBiasLocus {
    /** the curve spans δ ∈ [−D, D] with D at least this, and 25 % beyond the largest |δ| of the set */
    static final double MIN_SPAN = 10;
    /** points on the curve */
    static final int POINTS = 121;

    private ImplicitBiasLocus() {}

    /** the curve for the set's first single-neuron member (all members of a δ set share β0), or null */
    static ImplicitBiasCurve.Curve curve(RunSet rs) {
        double span = MIN_SPAN;
        RunSet.Labeled first = null;
        for (RunSet.Labeled l : rs.runs()) {
            double d = ImplicitBiasCurve.delta(l.trajectory());
            if (Double.isNaN(d)) continue;
            if (first == null) first = l;
            span = Math.max(span, 1.25 * Math.abs(d));
        }
        return first == null ? null : ImplicitBiasCurve.of(first.trajectory(), span, POINTS);
    }

    /** the points to keep in view: both ends of the curve and the landmarks */
    static double[][] extent(ImplicitBiasCurve.Curve c) {
        int n = c.beta().length;
        return c.downstream() == null ? new double[][]{c.beta()[0], c.beta()[n - 1], c.minNorm(), c.lazy()}
                : new double[][]{c.beta()[0], c.beta()[n - 1], c.minNorm(), c.lazy(), c.downstream()};
    }

    /** draws the curve and its landmarks; size is the markers' half width in data units */
    static void draw(XYPlot plot, ChartStyle style, ImplicitBiasCurve.Curve c, double size) {
        double[] delta = c.delta();
        double[][] b = c.beta();
        double span = delta[delta.length - 1];
        BasicStroke band = new BasicStroke(Math.max(4f, style.lineWidth() * 2.6f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int k = 0; k + 1 < b.length; k++) {
            Color col = new Color(Viridis.rgb((delta[k] + span) / (2 * span)));
            plot.addAnnotation(new XYLineAnnotation(b[k][0], b[k][1], b[k + 1][0], b[k + 1][1], band,
                    new Color(col.getRed(), col.getGreen(), col.getBlue(), 150)));
        }
        marker(plot, new Rectangle2D.Double(c.minNorm()[0] - size, c.minNorm()[1] - size, 2 * size, 2 * size), ChartStyle.TEXT);
        label(plot, style, c.minNorm(), "  min-norm", TextAnchor.CENTER_LEFT);
        marker(plot, triangle(c.lazy(), size * 1.2), ChartStyle.TEXT);
        label(plot, style, c.lazy(), "lazy (δ → +∞)   ", TextAnchor.CENTER_RIGHT);
        if (c.downstream() != null) {
            plot.addAnnotation(new XYShapeAnnotation(new java.awt.geom.Ellipse2D.Double(c.downstream()[0] - size,
                    c.downstream()[1] - size, 2 * size, 2 * size), new BasicStroke(1.5f), ChartStyle.TEXT));
            label(plot, style, c.downstream(), "  δ → −∞", TextAnchor.CENTER_LEFT);
        }
    }

    private static void marker(XYPlot plot, java.awt.Shape s, Color c) {
        plot.addAnnotation(new XYShapeAnnotation(s, new BasicStroke(1.2f), c, Color.WHITE));
    }

    private static java.awt.Shape triangle(double[] p, double h) {
        java.awt.geom.Path2D.Double t = new java.awt.geom.Path2D.Double();
        t.moveTo(p[0], p[1] + h);
        t.lineTo(p[0] + h, p[1] - h);
        t.lineTo(p[0] - h, p[1] - h);
        t.closePath();
        return t;
    }

    private static void label(XYPlot plot, ChartStyle style, double[] p, String text, TextAnchor anchor) {
        XYTextAnnotation a = new PlacedTextAnnotation(text, p[0], p[1]);
        a.setFont(style.annotationFont());
        a.setPaint(ChartStyle.TEXT);
        a.setTextAnchor(anchor);
        plot.addAnnotation(a);
    }
}
