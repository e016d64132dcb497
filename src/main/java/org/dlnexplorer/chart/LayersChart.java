package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.LayerStructure;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.LayerLemma;
import org.dlnexplorer.model.theory.MarionChizat;
import org.jfree.chart.axis.NumberAxis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Marion &amp; Chizat's layer structure (seed 003, Lemma and Corollary of "Initialization scale controls the structure
 * of the weights"): every singular value σ_i(W_ℓ)(t) of every layer (left axis; the top one bold, one colour per
 * layer), the alignment ⟨v_{ℓ+1}, u_ℓ⟩² of consecutive layers (dashed, right axis, in W_ℓ's colour), and where
 * the lemma applies its bounds, dotted: the band |σ_k² − σ_j²| ≤ ε that holds every layer's top singular value,
 * and 1 − ε/σ_{ℓ+1}² under each alignment; when 32L√ε ≤ 1, the corollary's limits (‖π*‖/2)^{1/L} and
 * (2‖π*‖)^{1/L}. A compare set shows its first run.
 */
final class LayersChart extends XyViewChart {
    private final NumberAxis alignmentAxis = SlideAxes.number("alignment ⟨v, u⟩²");
    /** room above the highest value drawn */
    private static final double RANGE_HEADROOM = 1.05;

    LayersChart(ChartStyle style) {
        super(ViewId.LAYERS, style, "Layers: σᵢ(Wₗ) and alignment", SlideAxes.number("t (time units)"),
                SlideAxes.number("σᵢ(Wₗ)"), true);
        offerLogTime();
        styleAxis(alignmentAxis);
        alignmentAxis.setRange(0, 1.05);
        alignmentAxis.setAutoRange(false);
        plot.setRangeAxis(1, alignmentAxis);
    }

    @Override
    protected void fill(RunSet rs) {
        plot.getRangeAxis().setAutoRange(true);
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null) { showMessage(why.message(), why.detail()); return; }
        RunSet.Labeled run = null;
        for (RunSet.Labeled l : rs.runs()) if (ViewApplicability.layersRecorded(l.trajectory())) { run = l; break; }
        Trajectory tr = run.trajectory();
        List<Frame> fs = tr.frames();
        int n = fs.size(), depth = tr.depth();
        int[] widths = tr.widths();
        double[] t = tr.times();
        int from = log ? 1 : 0;   // t = 0 has no place on a log axis
        List<Line> sigma = new ArrayList<>(), align = new ArrayList<>(), bounds = new ArrayList<>();
        double[][] tops = new double[n][depth];
        for (int l = 0; l < depth; l++) {
            Color c = ChartStyle.color(l);
            int modes = Math.min(widths[l], widths[l + 1]);
            for (int i = 0; i < modes; i++) {
                double[] y = new double[n];
                for (int k = 0; k < n; k++) y[k] = fs.get(k).layerSingularValues()[l][i];
                if (i == 0) for (int k = 0; k < n; k++) tops[k][l] = y[k];
                sigma.add(new Line("σ" + Fmt.subscript(i + 1) + " W" + Fmt.subscript(l + 1), xy(t, y, from), c,
                        i == 0 ? style.solid() : style.thin()));
            }
            legendLine("W" + Fmt.subscript(l + 1), c, style.solid());
        }
        double[][] a = new double[n][];
        LayerStructure.Alignment alignment = new LayerStructure.Alignment(widths);
        for (int k = 0; k < n; k++) a[k] = alignment.of(fs.get(k).weights());
        for (int l = 0; l + 1 < depth; l++) {
            double[] y = new double[n];
            for (int k = 0; k < n; k++) y[k] = a[k][l];
            align.add(new Line("align " + (l + 1), xy(t, y, from), ChartStyle.color(l), style.dashed()));
        }
        legendLine("⟨vₗ₊₁, uₗ⟩² (right axis)", ChartStyle.MUTED, style.dashed());
        Network net = tr.setup() == null ? null : tr.setup().network();
        String lemma = net == null ? "the lemma needs the run's network" : LayerLemma.whyNot(net, !Method.isGradientDescent(tr.method()));
        String note;
        if (lemma == null) {
            double eps = LayerLemma.epsilon(net, fs.get(0).theta());
            double[] lo = new double[n], hi = new double[n];
            for (int k = 0; k < n; k++) { double[] b = LayerLemma.topBand(tops[k], eps); lo[k] = b[0]; hi[k] = b[1]; }
            bounds.add(new Line("band lo", xy(t, lo, from), ChartStyle.MUTED, style.dotted()));
            bounds.add(new Line("band hi", xy(t, hi, from), ChartStyle.MUTED, style.dotted()));
            for (int l = 0; l + 1 < depth; l++) {
                double[] y = new double[n];
                for (int k = 0; k < n; k++) y[k] = Math.max(0, LayerLemma.alignmentBound(tops[k][l + 1], eps));
                align.add(new Line("bound " + (l + 1), xy(t, y, from), ChartStyle.color(l), style.dotted()));
            }
            legendLine("lemma bounds (ε)", ChartStyle.MUTED, style.dotted());
            double h = LayerLemma.hypothesis(depth, eps);
            if (h <= 1) {
                double[] c = MarionChizat.smallScaleSingularValueBounds(targetNorm(tr), depth);
                level(c[0], "corollary limits", ChartStyle.TEXT, true);
                level(c[1], null, ChartStyle.TEXT);
                // both limits inside the range
                double top = c[1];
                for (double[] row : tops) for (double v : row) top = Math.max(top, v);
                plot.getRangeAxis().setRange(0, top * RANGE_HEADROOM);
            }
            note = "ε = " + Fmt.num(eps) + ", 32L√ε = " + Fmt.num(h) + (h <= 1 ? " ≤ 1" : " > 1: no corollary");
        } else note = "no bounds: " + lemma;
        addLayer(bounds);
        addLayer(sigma);
        int first = layers();
        addLayer(align);
        for (int k = first; k < layers(); k++) plot.mapDatasetToRangeAxis(k, 1);
        String which = rs.runs().size() > 1 ? run.label() + ": " : "";
        subtitle.setText(which + note);
    }

    private static double[][] xy(double[] t, double[] y, int from) {
        int m = t.length - from;
        double[][] out = new double[2][m];
        System.arraycopy(t, from, out[0], 0, m);
        System.arraycopy(y, from, out[1], 0, m);
        return out;
    }

    /** ‖π*‖: the norm of the task's regressor (scalar output: its one row) */
    private static double targetNorm(Trajectory tr) {
        double s = 0;
        for (double v : tr.setup().task().target().data) s += v * v;
        return Math.sqrt(s);
    }
}
