package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * ℒ(t), optionally on a log-time axis, with the saddle plateau levels of the model's "saddle-plateaus" overlay
 * (½ Σ_{α>r} s_α² + ℒ_min, r = 0 … k−1, whitened tasks) dotted and annotated with the rank r of the saddle.
 */
final class LossChart extends XyViewChart {
    /** plateau labels closer than this fraction of the top level are left out */
    static final double LABEL_GAP = 0.08;
    private final ValueAxis linearLoss;
    private final LogAxis logLossAxis;
    private boolean logLoss;

    LossChart(ChartStyle style) {
        super(ViewId.LOSS, style, "Loss", SlideAxes.number("t (time units)"), SlideAxes.number("loss ℒ(t)"), true);
        offerLogTime();
        plot.getRangeAxis().setUpperMargin(0.1);
        linearLoss = plot.getRangeAxis();
        logLossAxis = logAxis("loss ℒ(t) (log scale)");
        styleAxis(logLossAxis);
    }

    /** ℒ on a log axis: the plateaus stay readable under a large first loss (values ≤ 0 have no place on it) */
    @Override
    public void setLogLoss(boolean on) {
        if (on == logLoss) return;
        logLoss = on;
        chart.setNotify(false);
        try { plot.setRangeAxis(on ? logLossAxis : linearLoss); } finally { chart.setNotify(true); }
        if (runs != null) update(runs, cursorT);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> sim = new ArrayList<>(), exact = new ArrayList<>();
        boolean anyExact = false;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0) continue;
            double[] t = tr.times(), l = new double[n];
            for (int i = 0; i < n; i++) l[i] = fs.get(i).loss();
            Color c = compare ? ChartStyle.color(r) : ChartStyle.color(0);
            sim.add(new Line(run.label(), Decimator.xy(t, l, n, log, logLoss), c, style.solid()));
            TheoryResult ex = tr.exact();
            double[] exLoss = ex != null && ex.available() ? ex.loss() : null;   // each accessor hands out a copy: once
            if (exLoss != null) {
                double[] exT = ex.t();
                double[] et = exT != null ? exT : t;
                int m = Math.min(et.length, exLoss.length);
                exact.add(new Line(run.label() + " exact", Decimator.xy(et, exLoss, m, log, logLoss), c.darker(), style.dashed()));
                anyExact = true;
            }
        }
        addLayer(exact);
        addRunLayer(sim, "ℒ");
        // the model's "saddle-plateaus" overlay: ℒ_r = ½ Σ_{α>r} s_α² + ℒ_min, r = 0 … k−1, descending
        OverlayResult saddles = Overlays.evaluate(Overlays.SADDLE_PLATEAUS, OverlayInput.of(rs.runs().get(0).trajectory()));
        boolean plateaus = saddles.available();
        if (plateaus) {
            double[] levels = saddles.array("levels");
            double top = levels[0];
            double lastRight = Double.NaN, lastLeft = Double.NaN;
            for (int rank = 0; rank < levels.length; rank++) {
                double level = levels[rank];
                // label a plateau at the right end when clear of the label above it there, else at the left end
                // when clear there (levels crowd near 0); else unlabelled
                boolean right = Double.isNaN(lastRight) || lastRight - level >= LABEL_GAP * top;
                boolean left = !right && (Double.isNaN(lastLeft) || lastLeft - level >= LABEL_GAP * top);
                level(level, right || left ? "rank " + rank + ": ℒ = " + Fmt.num(level) : null, ChartStyle.MUTED, left);
                if (right) lastRight = level;
                if (left) lastLeft = level;
            }
            // the top plateau as an invisible series: the range then holds its level and label (no clipping)
            if (hasData()) {
                double x0 = plot.getDomainAxis().getLowerBound(), x1 = plot.getDomainAxis().getUpperBound();
                addLayer(List.of(new Line("plateau", new double[][]{{x0, x1}, {top, top}}, new Color(0, 0, 0, 0), style.thin())));
            }
        }
        if (compare) {
            for (int r = 0; r < rs.runs().size(); r++) legendLine(rs.runs().get(r).label(), ChartStyle.color(r), style.solid());
        } else {
            legendLine("ℒ(t) simulated", ChartStyle.color(0), style.solid());
        }
        if (anyExact) legendLine("exact", ChartStyle.TEXT, style.dashed());
        if (plateaus) legendLine("saddle plateaus", ChartStyle.MUTED, style.dotted());
        subtitle.setText(join(anyExact ? "dashed: exact loss" : "", divergenceNote(rs)));
    }
}
