package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;
import org.jfree.chart.axis.NumberAxis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** σ_α(W_eff) vs t: simulation solid, exact theory dashed, target levels s_α dotted. */
final class SingularValuesChart extends XyViewChart {

    SingularValuesChart(ChartStyle style) {
        super(ViewId.SINGULAR_VALUES, style, "Singular values of W (effective)",
                SlideAxes.number("t (time units)"), SlideAxes.number("singular value σₖ"), true);
        plot.getRangeAxis().setUpperMargin(0.1);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> sim = new ArrayList<>(), exact = new ArrayList<>();
        boolean anyExact = false;
        int maxModes = 0;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            if (fs.isEmpty()) continue;
            int k = fs.get(0).modes(), n = fs.size();
            maxModes = Math.max(maxModes, k);
            double[] t = tr.times();
            for (int a = 0; a < k; a++) {
                double[] s = new double[n];
                for (int i = 0; i < n; i++) s[i] = fs.get(i).singularValue(a);
                Color c = ChartStyle.color(compare ? r : a);
                sim.add(new Line(run.label() + " σ" + (a + 1), Decimator.xy(t, s, n, false, false), c, style.solid()));
            }
            TheoryResult ex = tr.exact();
            if (ex != null && ex.available() && ex.singularValues() != null) {
                double[][] es = ex.singularValues();
                double[] et = ex.t() != null ? ex.t() : t;
                int m = Math.min(es.length, et.length);
                for (int a = 0; a < k; a++) {
                    double[] s = new double[m];
                    for (int i = 0; i < m; i++) s[i] = a < es[i].length ? es[i][a] : Double.NaN;
                    Color c = ChartStyle.color(compare ? r : a);
                    exact.add(new Line(run.label() + " exact σ" + (a + 1), Decimator.xy(et, s, m, false, false),
                            c.darker(), style.dashed()));
                }
                anyExact = true;
            }
        }
        boolean ends = endPoints(rs, compare);
        addLayer(exact);
        addRunLayer(sim, "σ");
        // target levels s_α from the first run's task (a compare set over the target draws each run's)
        List<String> seen = new ArrayList<>();
        for (int r = 0; r < rs.runs().size(); r++) {
            Trajectory.Setup su = rs.runs().get(r).trajectory().setup();
            if (su == null) continue;
            double[] s = su.task().targetSingularValues();
            double sMax = 0;
            for (double v : s) sMax = Math.max(sMax, v);
            for (int a = 0; a < s.length; a++) {
                if (s[a] <= ZERO_LEVEL * sMax) continue;   // a zero target (1e−17 after a random rotation)
                String key = String.format(java.util.Locale.ROOT, "%.6g", s[a]);
                if (seen.contains(key)) continue;
                seen.add(key);
                level(s[a], "s" + sub(a + 1) + " = " + Fmt.num(s[a]), compare ? ChartStyle.MUTED : ChartStyle.color(a));
            }
        }
        if (compare) {
            for (int r = 0; r < rs.runs().size(); r++)
                legendLine(rs.runs().get(r).label(), ChartStyle.color(r), style.solid());
        } else {
            for (int a = 0; a < maxModes; a++) legendLine("σ" + sub(a + 1), ChartStyle.color(a), style.solid());
        }
        if (anyExact) legendLine("exact", ChartStyle.TEXT, style.dashed());
        if (ends) {
            org.jfree.chart.LegendItem li = new org.jfree.chart.LegendItem("Thm 11 end point", null, null, null,
                    diamond(style.legendSize() * 0.45), ChartStyle.BACKGROUND, new java.awt.BasicStroke(2f), ChartStyle.TEXT);
            li.setLabelFont(style.legendFont());
            li.setLabelPaint(ChartStyle.TEXT);
            legend.add(li);
        }
        if (!seen.isEmpty()) legendLine("target sₖ", ChartStyle.MUTED, style.dotted());
        subtitle.setText(join(theoryNote(rs), divergenceNote(rs)));
        if (!hasData()) plot.setNoDataMessage("computing…");
    }

    static String sub(int i) { return Fmt.subscript(i); }

    /**
     * The "hyperbolic-entropy" overlay's λ(∞) (Kunin et al. Thm 11, the potential's minimizer over interpolants):
     * hollow diamonds at the last frame of each run where it applies; true when any is drawn.
     */
    private boolean endPoints(RunSet rs, boolean compare) {
        boolean any = false;
        for (int r = 0; r < rs.runs().size(); r++) {
            Trajectory tr = rs.runs().get(r).trajectory();
            if (tr.frames().isEmpty()) continue;
            var o = org.dlnexplorer.model.theory.Overlays.evaluate(org.dlnexplorer.model.theory.Overlays.HYPERBOLIC_ENTROPY,
                    org.dlnexplorer.model.theory.OverlayInput.of(tr));
            if (!o.available()) continue;
            double[] lambda = o.array("lambda");
            double t = tr.last().t() * END_MARK;
            float size = style.legendSize() * 0.9f;
            for (int a = 0; a < lambda.length; a++) {
                java.awt.Color c = ChartStyle.color(compare ? r : a).darker();
                plot.addAnnotation(new org.jfree.chart.annotations.XYDrawableAnnotation(t, lambda[a], size, size,
                        (g, area) -> {
                            java.awt.Shape d = diamond(area.getWidth() / 2);
                            g.translate(area.getCenterX(), area.getCenterY());
                            g.setPaint(ChartStyle.BACKGROUND);
                            g.fill(d);
                            g.setPaint(c);
                            g.setStroke(new java.awt.BasicStroke(2f));
                            g.draw(d);
                            g.translate(-area.getCenterX(), -area.getCenterY());
                        }), false);
                any = true;
            }
        }
        return any;
    }

    static java.awt.Shape diamond(double r) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    /** the end-point diamonds sit at this fraction of each run's duration (clear of the right edge) */
    static final double END_MARK = 0.78;

    /** target singular values below this fraction of the largest are zero (rounding of a rotated target) */
    static final double ZERO_LEVEL = 1e-12;
}
