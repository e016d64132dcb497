package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 appendix A's temporal panels next to the simulation: μ = a‖w‖, φ = cos∠(w, β*) and ν = wᵀβ* / a of
 * one hidden neuron over time, stacked on one time axis. Solid: the simulated values (from the recorded weights);
 * dashed: the exact closed form (overlay "neuron-temporal"), or the overlay's reason in the subtitle; dotted: the
 * limits μ → ±‖β*‖, φ → ±1 and ν's stable fixed point. ν has a pole where a crosses 0 (δ &lt; 0): it is drawn
 * within a window around its start and limit, with a gap at the pole.
 */
final class NeuronTemporalChart extends ViewChart {
    private static final String[] LABELS = {"μ", "φ", "ν"};
    /** the three variables as seed 002 defines them (the subtitle) */
    static final String DEFINITIONS = "μ = a‖w‖ · φ = ŵᵀβ̂* · ν = wᵀβ*/a";   // φ: the cosine of the angle between w and β*
    /** ν is drawn within ±NU_WINDOW × the largest of |ν(0)|, |ν(t_end)|, |ν₊|, ‖β*‖ */
    private static final double NU_WINDOW = 2.5;
    private static final double PHI_PAD = 0.08;

    private final JFreeChart chart;
    private final CombinedDomainXYPlot combined;
    private final XYPlot[] panels = new XYPlot[3];
    private final TextTitle subtitle;
    private final List<ValueMarker> cursors = new ArrayList<>();
    private int[] layers = new int[3];

    NeuronTemporalChart(ChartStyle style) {
        super(ViewId.NEURON_TEMPORAL, style);
        NumberAxis time = SlideAxes.number("t (time units)");
        styleAxis(time);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        combined = new CombinedDomainXYPlot(time);
        combined.setGap(style.tickSize() * 0.5);
        for (int k = 0; k < 3; k++) {
            NumberAxis y = SlideAxes.number(LABELS[k]);
            styleAxis(y);
            y.setAutoRangeIncludesZero(false);
            y.setLabelAngle(Math.PI / 2);   // one upright letter beside the panel
            XYPlot p = new XYPlot(null, null, y, null);
            p.setBackgroundPaint(ChartStyle.BACKGROUND);
            p.setDomainGridlinePaint(ChartStyle.GRID);
            p.setRangeGridlinePaint(ChartStyle.GRID);
            p.setOutlinePaint(ChartStyle.MUTED);
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            panels[k] = p;
            combined.add(p, 1);
        }
        chart = new JFreeChart("App. A: μ(t), φ(t), ν(t)", style.titleFont(), combined, true);
        subtitle = XyViewChart.frame(chart, style);
    }

    private void styleAxis(org.jfree.chart.axis.ValueAxis a) {
        a.setLabelFont(style.axisLabelFont());
        a.setTickLabelFont(style.tickFont());
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
    }

    @Override public Drawable drawable() { return chart; }
    @Override public JFreeChart chart() { return chart; }

    /** a, w of a one-neuron frame: [d, 1, 1] has W_1 = wᵀ, W_2 = a; [1, 1, c] has W_1 = a, W_2 = w */
    static boolean applies(Trajectory t) {
        return shape(t.widths()) && !t.frames().isEmpty() && t.frames().get(0).hasWeights() && !t.isPiecewise();
    }

    /** one hidden neuron: widths [d, 1, 1] or [1, 1, c] */
    static boolean shape(int[] w) {
        return w.length == 3 && w[1] == 1 && (w[2] == 1 || w[0] == 1);
    }

    /** simulated {μ, φ, ν} per frame */
    static double[][] simulated(Trajectory t) {
        boolean column = t.widths()[2] == 1;
        double[] bs = t.setup() == null ? null : t.setup().task().target().data;
        double[][][] fw = RunWeights.frames(t);
        double[][] out = new double[3][fw.length];
        for (int i = 0; i < fw.length; i++) {
            double[][] w = fw[i];
            double a = column ? w[1][0] : w[0][0];
            double[] v = column ? w[0] : w[1];
            double ww = 0, wb = 0, bb = 0;
            for (int j = 0; j < v.length; j++) {
                ww += v[j] * v[j];
                if (bs != null) { wb += v[j] * bs[j]; bb += bs[j] * bs[j]; }
            }
            out[0][i] = a * Math.sqrt(ww);
            out[1][i] = ww > 0 && bb > 0 ? wb / Math.sqrt(ww * bb) : Double.NaN;
            out[2][i] = a != 0 && bs != null ? wb / a : Double.NaN;
        }
        return out;
    }

    @Override
    protected void rebuild() {
        chart.setNotify(false);
        try {
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < layers[k]; l++) { panels[k].setDataset(l, null); panels[k].setRenderer(l, null); }
                panels[k].clearRangeMarkers();
                panels[k].clearDomainMarkers();
            }
            layers = new int[3];
            cursors.clear();
            List<LegendItem> legend = new ArrayList<>();
            fill(legend);
            LegendItemCollection items = new LegendItemCollection();
            for (LegendItem li : legend) items.add(li);
            combined.setFixedLegendItems(items);
            chart.getLegend().setVisible(!legend.isEmpty());
            subtitle.setVisible(!subtitle.getText().isEmpty());
            moveCursor();
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(List<LegendItem> legend) {
        RunSet rs = runs;
        subtitle.setText("");
        combined.getDomainAxis().setAutoRange(true);   // until the runs' times are known
        if (rs == null || rs.runs().isEmpty()) { subtitle.setText("computing…"); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(ViewId.NEURON_TEMPORAL, rs);
        if (why != null) { subtitle.setText(why.message()); return; }
        boolean compare = isCompare(rs);
        List<List<Series>> sim = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Series>> exact = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double nuScale = 0, muLimit = 0;
        List<Double> nuStable = new ArrayList<>();
        String reason = null;
        boolean anyExact = false;
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            if (!applies(tr)) continue;
            Color c = ChartStyle.color(compare ? r : 0);
            double[] t = tr.times();
            double[][] s = simulated(tr);
            OverlayResult ex = Overlays.evaluate(Overlays.NEURON_TEMPORAL, OverlayInput.of(tr));
            double[][] e = null;
            if (ex.available()) {
                e = new double[][]{ex.array("mu"), ex.array("phi"), ex.array("nu")};
                anyExact = true;
                nuStable.add(ex.number("nuStable"));
                nuScale = Math.max(nuScale, Math.abs(ex.number("nuStable")));
            } else if (reason == null) {
                reason = ex.reason();
            }
            double[] bs = tr.setup() == null ? null : tr.setup().task().target().data;
            double bn = 0;
            if (bs != null) for (double v : bs) bn += v * v;
            muLimit = Math.max(muLimit, Math.sqrt(bn));
            nuScale = Math.max(nuScale, Math.max(Math.sqrt(bn), Math.max(finiteAbs(s[2], 0), finiteAbs(s[2], s[2].length - 1))));
            for (int k = 0; k < 3; k++) {
                sim.get(k).add(new Series(run.label(), t, s[k], c, style.solid()));
                if (e != null) exact.get(k).add(new Series(run.label() + " exact", t, e[k], c.darker(), style.dashed()));
            }
            legend.add(item(compare ? run.label() : "simulated", c, style.solid()));
        }
        // the shared time axis spans the runs' times (what its auto-range with no margins finds, without
        // visiting all six layers' points on every picture)
        double tMin = Double.POSITIVE_INFINITY, tMax = Double.NEGATIVE_INFINITY;
        for (Series l : sim.get(0)) if (l.t().length > 0) { tMin = Math.min(tMin, l.t()[0]); tMax = Math.max(tMax, l.t()[l.t().length - 1]); }
        if (tMax > tMin) combined.getDomainAxis().setRange(tMin, tMax);   // else: auto, as set at the start
        double window = NU_WINDOW * Math.max(nuScale, 1e-9);
        for (int k = 0; k < 3; k++) {
            addLayer(k, exact.get(k), k == 2 ? window : Double.NaN);
            addLayer(k, sim.get(k), k == 2 ? window : Double.NaN);
        }
        // the limits: μ → ±‖β*‖, φ → ±1, ν → ν₊
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            level(0, sgn * muLimit);
            level(1, sgn);
        }
        for (double v : nuStable) level(2, v);
        NumberAxis phiAxis = (NumberAxis) panels[1].getRangeAxis();
        phiAxis.setAutoRange(false);
        phiAxis.setRange(-1 - PHI_PAD, 1 + PHI_PAD);
        if (anyExact) legend.add(item("exact", ChartStyle.TEXT, style.dashed()));
        legend.add(item("limits", ChartStyle.MUTED, style.dotted()));   // ±‖β*‖, ±1, ν₊ (one short key: more room for the panels)
        subtitle.setText(anyExact ? DEFINITIONS
                : "exact unavailable: " + XyViewChart.firstSentence(reason == null ? "not computed" : reason));
    }

    private static double finiteAbs(double[] v, int i) {
        return i >= 0 && i < v.length && Double.isFinite(v[i]) ? Math.abs(v[i]) : 0;
    }

    private record Series(String key, double[] t, double[] y, Paint paint, Stroke stroke) {}

    /** one renderer per layer; values beyond ±window (ν near its pole) become gaps */
    private void addLayer(int k, List<Series> lines, double window) {
        if (lines.isEmpty()) return;
        DefaultXYDataset ds = new BoundedXYDataset();
        XYLineAndShapeRenderer r = new PathLineRenderer();
        int s = 0;
        for (Series l : lines) {
            String key = l.key();
            while (ds.indexOf(key) >= 0) key = key + " ";
            double[] y = l.y().clone();
            if (Double.isFinite(window)) for (int i = 0; i < y.length; i++) if (!(Math.abs(y[i]) <= window)) y[i] = Double.NaN;
            ds.addSeries(key, Decimator.xy(l.t(), y, y.length, false, false));
            r.setSeriesPaint(s, l.paint());
            r.setSeriesStroke(s, l.stroke());
            s++;
        }
        panels[k].setDataset(layers[k], ds);
        panels[k].setRenderer(layers[k], r);
        layers[k]++;
    }

    private void level(int k, double y) {
        if (!Double.isFinite(y)) return;
        panels[k].addRangeMarker(new ValueMarker(y, ChartStyle.MUTED, style.dotted()), Layer.BACKGROUND);
    }

    private LegendItem item(String label, Paint paint, Stroke stroke) {
        LegendItem li = new LegendItem(label, null, null, null, new Line2D.Double(-14, 0, 14, 0), stroke, paint);
        li.setLabelFont(style.legendFont());
        li.setLabelPaint(ChartStyle.TEXT);
        return li;
    }

    @Override
    protected void moveCursor() {
        for (int k = 0; k < 3; k++) for (ValueMarker m : cursors) panels[k].removeDomainMarker(m, Layer.FOREGROUND);
        cursors.clear();
        if (!Double.isFinite(cursorT) || layers[0] == 0) return;
        for (int k = 0; k < 3; k++) {
            ValueMarker m = new ValueMarker(cursorT, ChartStyle.CURSOR, style.thin());
            panels[k].addDomainMarker(m, Layer.FOREGROUND);
            cursors.add(m);
        }
    }
}
