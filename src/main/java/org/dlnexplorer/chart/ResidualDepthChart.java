package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.ResidualChange;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Marion &amp; Chizat's residual theorem (seed 003, "Convergence of GF"): from W_k(0) = I + s/√(Ld) N_k with the readout
 * p fixed, gradient flow reaches W_k(∞) = W_k(0) + θ_k/L with ‖θ_k‖_F ≤ C₅ (C₅ depending on s only), so
 * L·max_k ‖W_k(∞) − W_k(0)‖_F stays bounded as the depth grows. One point per converged run of a compare set over
 * depth: L, the trained layers (the seed's L; the network has L + 1 with the frozen pᵀ), against L·max_k‖ΔW_k‖_F at
 * t_end, log-log; runs that did not converge ({@link Convergence}) are marked × on the floor. The theorem gives no
 * value for C₅: its claim, a bound independent of L, is drawn as the level of the largest point, beside the line
 * ∝ L that an O(1) change of every layer would follow.
 */
final class ResidualDepthChart extends XyViewChart {
    /** the floor strip where non-converged runs are marked, as a factor below the lowest value drawn */
    private static final double FLOOR = 1.6;

    ResidualDepthChart(ChartStyle style) {
        super(ViewId.RESIDUAL_DEPTH, style, "Residual init: L·max‖ΔWₖ‖", powersOfTwo("L (trained layers)"),
                powersOfTwo("L · maxₖ ‖ΔWₖ‖_F"), false);
    }

    /** one run: its trained depth L, L·max_k‖ΔW_k‖_F at t_end, and whether it converged */
    record Point(int depth, double scaledChange, boolean converged) {}

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null) { showMessage(why.message(), why.detail()); return; }
        List<Point> points = points(rs);
        double lo = Double.POSITIVE_INFINITY, hi = 0, yLo = Double.POSITIVE_INFINITY, yHi = 0;
        int first = -1, missed = 0;
        List<double[]> ok = new ArrayList<>();
        List<Double> not = new ArrayList<>();
        for (Point p : points) {
            lo = Math.min(lo, p.depth());
            hi = Math.max(hi, p.depth());
            if (p.converged()) {
                ok.add(new double[]{p.depth(), p.scaledChange()});
                yLo = Math.min(yLo, p.scaledChange());
                yHi = Math.max(yHi, p.scaledChange());
                if (first < 0) first = ok.size() - 1;
            } else { not.add((double) p.depth()); missed++; }
        }
        double[] xs = {lo / 1.25, hi * 1.25};
        if (!ok.isEmpty()) {
            double[][] xy = new double[2][ok.size()];
            for (int i = 0; i < ok.size(); i++) { xy[0][i] = ok.get(i)[0]; xy[1][i] = ok.get(i)[1]; }
            addPointLayer(List.of(new Line("converged runs", xy, ChartStyle.color(0), style.solid())), style.dotMark());
            legendLine("converged runs", ChartStyle.color(0), style.solid());
            // the claim: bounded independently of L (C₅ not given: drawn at the largest point)
            addLayer(List.of(new Line("bounded", new double[][]{xs, {yHi, yHi}}, ChartStyle.TEXT, style.dashed())));
            legendLine("theorem: bounded; level = max", ChartStyle.TEXT, style.dashed());
            // what an O(1) change of every layer would give: ∝ L through the shallowest converged run
            double[] base = ok.get(first);
            double[] ys = {base[1] * xs[0] / base[0], base[1] * xs[1] / base[0]};
            addLayer(List.of(new Line("∝ L", new double[][]{xs, ys}, ChartStyle.MUTED, style.dotted())));
            legendLine("∝ L: ΔWₖ = O(1)", ChartStyle.MUTED, style.dotted());
            yLo = Math.min(yLo, ys[0]);
            yHi = Math.max(yHi, ys[1]);
        }
        if (!(yHi > 0)) { yLo = 0.5; yHi = 2; }
        double floor = yLo / FLOOR;
        if (missed > 0) {
            double[][] x = new double[2][missed];
            for (int i = 0; i < missed; i++) { x[0][i] = not.get(i); x[1][i] = floor; }
            addPointLayer(List.of(new Line("not converged", x, ChartStyle.color(0), null)), style.crossMark());
        }
        LogAxis y = (LogAxis) plot.getRangeAxis();
        y.setAutoRange(false);
        y.setRange(floor / 1.3, yHi * 1.3);
        LogAxis x = (LogAxis) plot.getDomainAxis();
        x.setAutoRange(false);
        x.setRange(xs[0], xs[1]);
        subtitle.setText(missed == 0 ? "fixed p; C₅ not given"
                : "× at the floor: " + missed + " not converged");
    }

    /** every residual run with a frozen readout: (L trained layers, L·max_k‖ΔW_k‖_F at t_end, converged), by L */
    static List<Point> points(RunSet rs) {
        List<Point> out = new ArrayList<>();
        for (RunSet.Labeled l : rs.runs()) {
            Trajectory tr = l.trajectory();
            if (!applies(tr)) continue;
            int depth = ResidualChange.trainedLayers(tr);
            double change = ResidualChange.scaled(tr, tr.last());
            boolean ok = Convergence.converged(tr) && Double.isFinite(change);
            out.add(new Point(depth, change, ok));
        }
        out.sort((a, b) -> Integer.compare(a.depth(), b.depth()));
        return out;
    }

    /** a run of the seed's fixed-p setting: frozen readout pᵀ (training.freezeOutput), frames recorded */
    static boolean applies(Trajectory tr) {
        return ResidualChange.applies(tr) && !tr.frames().isEmpty();
    }

    /** a base-2 log axis labelled with plain numbers (4, 8, 16 …) */
    private static LogAxis powersOfTwo(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(2);
        a.setSmallestValue(1e-300);
        a.setTickUnit(new NumberTickUnit(1));
        a.setNumberFormatOverride(new DecimalFormat("0.##"));
        a.setMinorTickMarksVisible(false);
        return a;
    }
}
