package org.dlnexplorer.chart;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.List;

/**
 * λ_max(∇²ℒ) vs t with the gradient-descent stability threshold 2/η (dotted). Sharpness is recorded for
 * gradient descent (and flow runs that ask for it); otherwise the view says so.
 */
final class SharpnessChart extends XyViewChart {
    private static final java.awt.Color INVISIBLE = new java.awt.Color(0, 0, 0, 0);

    SharpnessChart(ChartStyle style) {
        super(ViewId.SHARPNESS, style, "Sharpness", SlideAxes.number("t (time units)"),
                SlideAxes.number("sharpness λₘₐₓ(∇²ℒ)"), true);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> lines = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        List<java.awt.Color> thresholdColors = new ArrayList<>();
        double tEnd = 0, sMax = 0;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0 || !fs.get(0).hasSharpness()) continue;
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = fs.get(i).sharpness();
                if (Double.isFinite(s[i])) sMax = Math.max(sMax, s[i]);
            }
            tEnd = Math.max(tEnd, tr.last().t());
            lines.add(new Line(run.label(), Decimator.xy(tr.times(), s, n, false, false),
                    ChartStyle.color(compare ? r : 0), style.solid()));
            legendLine(compare ? run.label() : "sharpness", ChartStyle.color(compare ? r : 0), style.solid());
            double eta = learningRate(tr);
            if (Method.isGradientDescent(tr.method()) && eta > 0 && !thresholds.contains(eta)) {
                thresholds.add(eta);
                thresholdColors.add(compare ? ChartStyle.color(r) : ChartStyle.MUTED);
            }
        }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null || lines.isEmpty()) {
            showMessage(why == null ? "no run to draw" : why.message(), why == null ? null : why.detail());
            return;
        }
        readOut(new ArrayList<>(lines), "sharpness");
        // 2/η as series so that the range includes the threshold
        // the range shows the data and the lowest threshold (the binding one); higher ones only when near
        double lowest = Double.POSITIVE_INFINITY;
        for (double eta : thresholds) lowest = Math.min(lowest, 2 / eta);
        double top = Math.max(sMax, lowest) * THRESHOLD_HEADROOM;
        List<String> offScale = new ArrayList<>();
        boolean labelled = false;
        for (int i = 0; i < thresholds.size(); i++) {
            double eta = thresholds.get(i);
            if (2 / eta > top) { offScale.add(Fmt.num(2 / eta)); continue; }
            lines.add(new Line("2/η " + i, new double[][]{{0, tEnd}, {2 / eta, 2 / eta}}, INVISIBLE, style.thin()));
            // one label is enough when several thresholds crowd together; colours tell them apart
            level(2 / eta, !labelled ? "2/η" + (thresholds.size() == 1 ? " = " + Fmt.num(2 / eta) : "") : null, thresholdColors.get(i));
            labelled = true;
        }
        // Marion & Chizat: the sharpness of every minimizer is at least S_min (scalar output, whitened inputs)
        double sMin = minimalSharpness(rs);
        if (Double.isFinite(sMin)) {
            lines.add(new Line("S_min", new double[][]{{0, tEnd}, {sMin, sMin}}, INVISIBLE, style.thin()));
            level(sMin, "Sₘᵢₙ = " + Fmt.num(sMin), S_MIN_COLOR, true);
        }
        addLayer(lines);
        if (!thresholds.isEmpty()) legendLine("2/η (GD stability threshold)", ChartStyle.MUTED, style.dotted());
        if (Double.isFinite(sMin)) legendLine("Sₘᵢₙ (flattest minimizer, Marion & Chizat)", S_MIN_COLOR, style.dotted());
        subtitle.setText(join(join(thresholds.isEmpty() ? "gradient flow: no step-size threshold"
                : "above 2/η gradient descent is unstable", offScale.isEmpty() ? "" : offScale.size() > 2 ? ""   // many: the subtitle stays one line (the legend names them)
                : "2/η = " + String.join(", ", offScale)
                + " above the plot"), divergenceNote(rs)));
    }

    private static final java.awt.Color S_MIN_COLOR = ChartStyle.TEXT;
    /** 2/η lines higher than this × max(sharpness, lowest 2/η) would squash the data: they are named instead */
    private static final double THRESHOLD_HEADROOM = 1.5;

    /**
     * Marion & Chizat's minimal sharpness over all minimizers (the model's "minimal-sharpness" overlay) for the
     * first run, NaN where the overlay does not apply.
     */
    static double minimalSharpness(RunSet rs) {
        if (rs.runs().isEmpty()) return Double.NaN;
        OverlayResult r = Overlays.evaluate(Overlays.MINIMAL_SHARPNESS, OverlayInput.of(rs.runs().get(0).trajectory()));
        return r.available() ? r.number("value") : Double.NaN;
    }

    /** η of a gradient-descent run: from its setup, else from t = η·k of a recorded frame */
    static double learningRate(Trajectory tr) {
        if (tr.setup() != null && tr.setup().learningRate() > 0) return tr.setup().learningRate();
        for (Frame f : tr.frames()) if (f.step() > 0) return f.t() / f.step();
        return Double.NaN;
    }
}
