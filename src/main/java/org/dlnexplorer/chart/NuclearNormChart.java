package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Recovery;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The nuclear norm ‖W_eff(t)‖_* of each run (each depth of a compare set), with the Schatten-2/L quasi-norm
 * (Σ σ_i^{2/L})^{L/2} that depth L favours dashed (seed 000 §8). For matrix completion and sensing, the smallest
 * nuclear norm that fits the observations (the "min-nuclear-norm" overlay, dotted) and each run's recovery error.
 */
final class NuclearNormChart extends XyViewChart {

    NuclearNormChart(ChartStyle style) {
        super(ViewId.NUCLEAR_NORM, style, "Nuclear norm", SlideAxes.number("t (time units)"),
                SlideAxes.number("‖W‖*"), true);
        offerLogTime();
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        List<Line> nuclear = new ArrayList<>(), schatten = new ArrayList<>(), readable = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        double tEnd = 0;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0) continue;
            int depth = tr.depth();
            double[] t = tr.times(), nn = new double[n], sq = new double[n];
            for (int i = 0; i < n; i++) {
                nn[i] = Recovery.nuclearNorm(fs.get(i));
                sq[i] = schatten(fs.get(i).singularValues(), 2.0 / depth);
            }
            tEnd = Math.max(tEnd, tr.last().t());
            Color c = ChartStyle.color(r);
            String label = rs.runs().size() > 1 ? run.label() : "L = " + depth;
            nuclear.add(new Line(label, Decimator.xy(t, nn, n, log, false), c, style.solid()));
            readable.add(new Line(rs.runs().size() > 1 ? run.label() : "", nuclear.get(nuclear.size() - 1).xy(), c, style.solid()));
            schatten.add(new Line(label + " S", Decimator.xy(t, sq, n, log, false), c, style.dashed()));
            legendLine(label + ": ‖W‖* → " + Fmt.num(nn[n - 1]), c, style.solid());
            if (tr.setup() != null && tr.setup().task().truthKnown())
                errors.add(Fmt.num(Recovery.error(tr.last(), tr.setup().task())));
        }
        addLayer(schatten);
        addLayer(nuclear);
        readOut(readable, "‖W‖*");
        OverlayResult min = Overlays.evaluate(Overlays.MIN_NUCLEAR_NORM, OverlayInput.of(rs.runs().get(0).trajectory()));
        if (min.available()) {
            double v = min.number("value");
            double t0 = log ? rs.runs().get(0).trajectory().frames().get(1).t() : 0;
            addLayer(List.of(new Line("min", new double[][]{{t0, tEnd}, {v, v}}, new Color(0, 0, 0, 0), style.thin())));
            level(v, "convex minimum " + Fmt.num(v), ChartStyle.TEXT, true);
        }
        legendLine("Schatten-2/L quasi-norm", ChartStyle.MUTED, style.dashed());
        // one short line at the grid's smallest cell: the errors in the runs' (legend) order
        String note = errors.isEmpty() ? "" : "recovery error at t end: " + String.join(", ", errors);
        subtitle.setText(join(note, divergenceNote(rs)));
    }

    /** (Σ σ_i^p)^{1/p} */
    static double schatten(double[] sigma, double p) {
        double s = 0;
        for (double v : sigma) s += Math.pow(v, p);
        return Math.pow(s, 1 / p);
    }
}
