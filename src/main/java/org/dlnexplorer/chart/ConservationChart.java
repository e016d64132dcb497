package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.List;

/** Numerical health: max_ℓ ‖D_ℓ(t) − D_ℓ(0)‖_F vs t on a log axis, with the 1e−8 target. */
final class ConservationChart extends XyViewChart {
    /** SPEC §4: the adaptive engine keeps the drift of every D_ℓ below this on the presets */
    static final double DRIFT_TARGET = 1e-8;

    ConservationChart(ChartStyle style) {
        super(ViewId.CONSERVATION, style, "Conservation monitor", new NumberAxis("t (time units)"),
                logAxis("‖D(t) − D(0)‖_F"), true);
        styleAxis(plot.getRangeAxis());
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> lines = new ArrayList<>();
        boolean anyPositive = false, anyLayers = false, anyGd = false;
        double max = 0;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            if (tr.depth() < 2) continue;
            anyLayers = true;
            anyGd |= "gradient-descent".equals(tr.method());
            List<Frame> fs = tr.frames();
            int n = fs.size();
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = fs.get(i).balanceDrift();
                if (d[i] > 0) { anyPositive = true; max = Math.max(max, d[i]); }
            }
            lines.add(new Line(run.label(), Decimator.xy(tr.times(), d, n, false, true),
                    ChartStyle.color(compare ? r : 0), style.solid()));
            legendLine(compare ? run.label() : "balance drift", ChartStyle.color(compare ? r : 0), style.solid());
        }
        if (!anyLayers) {
            plot.setNoDataMessage("depth 1: no conserved quantities D_ℓ");
            legend.clear();
            return;
        }
        if (!anyPositive) {
            plot.setNoDataMessage("drift is exactly 0 at every recorded frame");
            legend.clear();
            subtitle.setText("D_ℓ = η_ℓ W_ℓ₊₁ᵀW_ℓ₊₁ − η_ℓ₊₁ W_ℓW_ℓᵀ is conserved");
            return;
        }
        double tEnd = 0;
        for (RunSet.Labeled l : rs.runs()) if (!l.trajectory().frames().isEmpty()) tEnd = Math.max(tEnd, l.trajectory().last().t());
        // the target as a series, so the axis range always shows it
        lines.add(new Line("target", new double[][]{{0, tEnd}, {DRIFT_TARGET, DRIFT_TARGET}}, ChartStyle.MUTED, style.dotted()));
        addLayer(lines);
        legendLine("10⁻⁸ (flow target)", ChartStyle.MUTED, style.dotted());
        subtitle.setText(join(anyGd ? "gradient descent does not conserve D_ℓ exactly (O(η²) per step)"
                : "max over ℓ of ‖D_ℓ(t) − D_ℓ(0)‖_F, D_ℓ = η_ℓW_ℓ₊₁ᵀW_ℓ₊₁ − η_ℓ₊₁W_ℓW_ℓᵀ", divergenceNote(rs)));
    }
}
