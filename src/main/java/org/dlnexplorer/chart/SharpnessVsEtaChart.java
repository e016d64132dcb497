package org.dlnexplorer.chart;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.LogAxis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Marion &amp; Chizat's summary (seed 003, "Back to our experiment"): the final sharpness S(t_end) of each
 * gradient-descent run against its learning rate η, log-log, one series per initialization size (runs with the
 * same ‖θ(0)‖), with the stability line S = 2/η and the flattest minimizer's S_min. Only converged runs
 * ({@link Convergence}) are plotted; the others are marked × on the plot's floor at their η.
 */
final class SharpnessVsEtaChart extends XyViewChart {
    /** runs whose ‖θ(0)‖ agree to this relative tolerance share a series */
    static final double SAME_INIT = 1e-9;
    /** the floor strip where non-converged runs are marked, as a factor below the lowest value drawn */
    private static final double FLOOR = 1.6;
    /** each series' crosses one row lower on the floor (factor), so that equal η do not hide each other */
    private static final double ROW = 1.2;

    SharpnessVsEtaChart(ChartStyle style) {
        super(ViewId.SHARPNESS_VS_ETA, style, "Final sharpness vs η", SlideAxes.log("learning rate η", false),
                SlideAxes.log("sharpness", false), false);
    }

    /** one initialization size: its ‖θ(0)‖ and the runs (η, S(t_end), converged) */
    record Group(double initNorm, List<double[]> converged, List<Double> notConverged) {}

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null) { showMessage(why.message(), why.detail()); return; }
        List<Group> groups = groups(rs);
        double etaLo = Double.POSITIVE_INFINITY, etaHi = 0, sLo = Double.POSITIVE_INFINITY, sHi = 0;
        for (Group g : groups) {
            for (double[] p : g.converged()) {
                etaLo = Math.min(etaLo, p[0]); etaHi = Math.max(etaHi, p[0]);
                sLo = Math.min(sLo, p[1]); sHi = Math.max(sHi, p[1]);
            }
            for (double eta : g.notConverged()) { etaLo = Math.min(etaLo, eta); etaHi = Math.max(etaHi, eta); }
        }
        double sMin = SharpnessChart.minimalSharpness(rs);
        if (Double.isFinite(sMin)) { sLo = Math.min(sLo, sMin); sHi = Math.max(sHi, sMin); }
        // 2/η over the η range: S = 2/η is a line of slope −1 on log-log axes
        sLo = Math.min(sLo, 2 / etaHi);
        sHi = Math.max(sHi, Math.min(2 / etaLo, 4 * Math.max(sHi, 2 / etaHi)));
        double floor = sLo / FLOOR;
        List<Line> points = new ArrayList<>(), crosses = new ArrayList<>();
        int missed = 0;
        for (int k = 0; k < groups.size(); k++) {
            Group g = groups.get(k);
            Color c = ChartStyle.color(k);
            String label = groupLabel(groups, k);
            double[][] xy = new double[2][g.converged().size()];
            for (int i = 0; i < xy[0].length; i++) { xy[0][i] = g.converged().get(i)[0]; xy[1][i] = g.converged().get(i)[1]; }
            points.add(new Line(label, xy, c, style.solid()));
            legendLine(label, c, style.solid());
            double[][] x = new double[2][g.notConverged().size()];
            for (int i = 0; i < x[0].length; i++) { x[0][i] = g.notConverged().get(i); x[1][i] = floor / Math.pow(ROW, k); }
            crosses.add(new Line(label + " ×", x, c, null));
            missed += x[0].length;
        }
        addPointLayer(points, style.dotMark());
        if (missed > 0) addPointLayer(crosses, style.crossMark());
        double[] etas = {etaLo / 1.2, etaHi * 1.2};
        addLayer(List.of(new Line("2/η", new double[][]{etas, {2 / etas[0], 2 / etas[1]}}, ChartStyle.MUTED, style.dotted())));
        legendLine("2/η", ChartStyle.MUTED, style.dotted());
        if (Double.isFinite(sMin)) {
            level(sMin, "Sₘᵢₙ = " + Fmt.num(sMin), ChartStyle.TEXT, true);
            legendLine("Sₘᵢₙ", ChartStyle.TEXT, style.dotted());
        }
        LogAxis y = (LogAxis) plot.getRangeAxis();
        y.setAutoRange(false);
        y.setRange(floor / Math.pow(ROW, groups.size()), sHi * 1.3);
        LogAxis x = (LogAxis) plot.getDomainAxis();
        x.setAutoRange(false);
        x.setRange(etas[0], etas[1]);
        subtitle.setText(missed == 0 ? "converged runs only" : "converged runs; × at the floor: " + missed + " did not");
    }

    /** the runs by initialization size (‖θ(0)‖ ascending); gradient-descent runs with recorded sharpness only */
    static List<Group> groups(RunSet rs) {
        List<Group> out = new ArrayList<>();
        for (RunSet.Labeled l : rs.runs()) {
            Trajectory tr = l.trajectory();
            if (!applies(tr)) continue;
            double norm = initNorm(tr), eta = SharpnessChart.learningRate(tr);
            Group g = null;
            for (Group h : out) if (Math.abs(h.initNorm() - norm) <= SAME_INIT * Math.max(h.initNorm(), norm)) g = h;
            if (g == null) { g = new Group(norm, new ArrayList<>(), new ArrayList<>()); out.add(g); }
            boolean ok = Convergence.converged(tr) && Double.isFinite(tr.last().sharpness()) && tr.last().sharpness() > 0;
            if (ok) g.converged().add(new double[]{eta, tr.last().sharpness()});
            else g.notConverged().add(eta);
        }
        out.sort((a, b) -> Double.compare(a.initNorm(), b.initNorm()));
        for (Group g : out) g.converged().sort((a, b) -> Double.compare(a[0], b[0]));
        return out;
    }

    /** a gradient-descent run with η &gt; 0 and recorded sharpness */
    static boolean applies(Trajectory tr) {
        return Method.isGradientDescent(tr.method()) && !tr.frames().isEmpty() && tr.frames().get(0).hasSharpness()
                && SharpnessChart.learningRate(tr) > 0;
    }

    /** ‖θ(0)‖ = (Σ_ℓ Σ_i σ_i(W_ℓ(0))²)^{1/2} */
    static double initNorm(Trajectory tr) {
        Frame f = tr.frames().get(0);
        double s = 0;
        for (double[] layer : f.layerSingularValues()) for (double v : layer) s += v * v;
        return Math.sqrt(s);
    }

    private static String groupLabel(List<Group> groups, int k) {
        if (groups.size() == 2) return k == 0 ? "small init" : "large init";
        return "‖θ(0)‖ = " + Fmt.num(groups.get(k).initNorm());
    }
}
