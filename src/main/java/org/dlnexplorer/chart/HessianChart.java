package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.HessianSpectrum;
import org.dlnexplorer.model.observe.Rest;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom of the Hessian's spectrum over time: the lowest eigenvalues of ∇²ℒ (training.hessian), λ_min
 * bold. Where the run rests on a saddle plateau of the "saddle-plateaus" overlay (loss within 1 % of
 * ℒ_r, {@link Rest}), the rest's stillest frame (nearest the saddle) is marked with the index there, how many
 * eigenvalues lie within a factor ten of λ_min (the saddle's own), and the escape eigenvalue λ_min.
 */
final class HessianChart extends XyViewChart {
    private static final Color OTHER = new Color(120, 120, 120, 150);
    /** the range shows this fraction of |λ_min| above 0, and this fraction below the lowest λ_min */
    /** a plateau's label runs to the left of its mark beyond this fraction of the time axis */
    private static final double LABEL_FLIP = 0.55;
    private static final double ABOVE_ZERO = 0.2, RANGE_MARGIN = 0.06;

    HessianChart(ChartStyle style) {
        super(ViewId.HESSIAN, style, "Hessian spectrum (bottom)", SlideAxes.number("t (time units)"),
                SlideAxes.number("lowest eigenvalues of ∇²ℒ"), true);
        offerLogTime();
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null) { showMessage(why.message(), why.detail()); return; }
        boolean compare = isCompare(rs);
        plot.getRangeAxis().setAutoRange(true);
        double lowest = 0;
        List<Line> others = new ArrayList<>(), mins = new ArrayList<>();
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0 || !fs.get(0).hasHessian()) continue;
            double[] t = tr.times();
            int k = fs.get(0).hessianBottom().length;
            double[][] bottom = new double[n][];
            for (int i = 0; i < n; i++) bottom[i] = fs.get(i).hessianBottom();
            // the other low eigenvalues, thin and grey (for the first run only: a compare set shows λ_min)
            for (int j = 1; j < k && (r == 0 || !compare); j++) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = bottom[i][j];
                others.add(new Line("λ" + (j + 1) + " " + r, Decimator.xy(t, y, n, log, false), OTHER, style.thin()));
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) { y[i] = bottom[i][0]; lowest = Math.min(lowest, y[i]); }
            Color c = ChartStyle.color(compare ? r : 0);
            mins.add(new Line(run.label(), Decimator.xy(t, y, n, log, false), c, style.solid()));
            legendLine(compare ? run.label() + ": λₘᵢₙ" : "λₘᵢₙ (escape direction)", c, style.solid());
            if (r == 0) annotatePlateaus(tr);
        }
        addLayer(others);
        addRunLayer(mins, "λₘᵢₙ");
        legendLine("next " + (HessianSpectrum.BOTTOM - 1) + " eigenvalues", OTHER, style.thin());
        level(0, null, ChartStyle.MUTED);
        // the bottom of the spectrum: from below λ_min up to a little above 0 (larger eigenvalues leave at the top)
        if (lowest < 0) plot.getRangeAxis().setRange(lowest * (1 + RANGE_MARGIN), -lowest * ABOVE_ZERO);
        subtitle.setText(join("index: #λ < 0; (n): #λ ≤ λₘᵢₙ/10", divergenceNote(rs)));
    }

    /**
     * eigenvalues at most λ_min/10: the saddle's own (−s_α at a two-layer saddle, within a factor of ten of the
     * escape eigenvalue here) apart from the small ones of a frame near, not at, the saddle (docs/THEORY.md)
     */
    static String belowTenth(Frame f) {
        double[] b = f.hessianBottom();
        double cut = f.hessianMin() / 10;
        int k = 0;
        while (k < b.length && b[k] <= cut) k++;
        return k == b.length ? "≥ " + k : Integer.toString(k);
    }

    /** each plateau the run rests on: at its stillest frame, "index i (j), λₘᵢₙ x", j of the i below λₘᵢₙ/10 */
    private void annotatePlateaus(Trajectory tr) {
        OverlayResult saddles = Overlays.evaluate(Overlays.SADDLE_PLATEAUS, OverlayInput.of(tr));
        if (!saddles.available()) return;
        List<Frame> fs = tr.frames();
        double[] levels = saddles.array("levels");
        for (int r = 0; r < levels.length; r++) {
            Rest rest = Rest.on(fs, levels[r], Rest.TOLERANCE);
            if (rest == null) continue;
            Frame f = fs.get(rest.stillest(fs));
            double x = f.t(), y = f.hessianMin();
            if (log && !(x > 0)) x = fs.get(Math.min(rest.last(), 1)).t();
            plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(x, ChartStyle.MUTED, style.dotted()));
            XYTextAnnotation label = new PlacedTextAnnotation(" index " + f.hessianIndex() + " (" + belowTenth(f)
                    + "), λₘᵢₙ " + Fmt.num(y) + " ", x, y);
            label.setFont(style.annotationFont());
            // left of the middle the label runs right from the mark, else left (it stays inside the plot)
            double x0 = fs.get(1).t(), x1 = tr.last().t();
            double where = log ? Math.log(x / x0) / Math.log(x1 / x0) : x / x1;
            label.setTextAnchor(where > LABEL_FLIP ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            label.setPaint(ChartStyle.TEXT);
            label.setBackgroundPaint(new Color(255, 255, 255, 210));
            plot.addAnnotation(label);
        }
    }
}
