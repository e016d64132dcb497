package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.ui.Drawable;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The weights view: each layer's W_ℓ (n_ℓ × n_{ℓ−1}) and each balance matrix D_ℓ = η_ℓW_{ℓ+1}ᵀW_{ℓ+1} −
 * η_{ℓ+1}W_ℓW_ℓᵀ (n_ℓ × n_ℓ, from {@link Balance}) as heat maps at the cursor time (the last frame without
 * a cursor), on a diverging colour map centred at 0 ({@link Diverging}): the W_ℓ share one colour bar, the
 * D_ℓ another, each scaled to its largest entry over the whole run (so that growth shows as colour). A compare set shows its first run (the subtitle says so). Where a matrix entry would be
 * smaller than {@link #MIN_CELL} pixels the view says so instead of drawing unreadable cells.
 */
final class WeightsChart extends ViewChart implements Drawable {
    /** the smallest readable entry, px */
    static final double MIN_CELL = 5;
    /** space around the drawing and between its parts, px */
    private static final double PAD = 8;
    /** the colour bar's width, px */
    private static final double BAR = 12;
    /**
     * D_ℓ entries below this × max|W|² are round-off of an exactly balanced network (D_ℓ = 0): drawn white,
     * not as saturated noise
     */
    static final double BALANCED = 1e-12;

    /** what is drawn: the frame's t, W_ℓ and D_ℓ as row-major n × m arrays */
    record Matrices(double t, double[][][] w, double[][][] d) {}

    WeightsChart(ChartStyle style) {
        super(ViewId.WEIGHTS, style);
    }

    @Override
    public Drawable drawable() { return this; }

    /** the colour scales: max |W| and max |D| over every frame of the shown run (so that growth shows as colour) */
    private double wScale, dScale;

    @Override
    protected void rebuild() {
        wScale = 0;
        dScale = 0;
        Trajectory tr = shownRun(runs);
        if (tr == null) return;
        for (Frame f : tr.frames()) {
            Matrices m = matrices(tr, f);
            wScale = Math.max(wScale, maxAbs(m.w()));
            dScale = Math.max(dScale, maxAbs(m.d()));
        }
        // D_ℓ entries below BALANCED × max|W|² are round-off of an exactly balanced network: D_ℓ = 0
        if (dScale <= BALANCED * Math.max(wScale * wScale, Double.MIN_NORMAL)) dScale = 0;
    }

    /** the D_ℓ colour scale over the run: max |D|, or 0 (all white) when that is round-off of a balanced network */
    double dScale() { return dScale; }

    /** the W_ℓ colour scale over the run */
    double wScale() { return wScale; }

    @Override
    protected void moveCursor() {}

    /** the run drawn: the first with recorded weights */
    static Trajectory shownRun(RunSet rs) {
        if (rs == null) return null;
        for (RunSet.Labeled l : rs.runs()) {
            List<Frame> fs = l.trajectory().frames();
            if (!fs.isEmpty() && fs.get(0).hasWeights()) return l.trajectory();
        }
        return null;
    }

    /** the recorded frame nearest to t (the last one when t is NaN) */
    static Frame frameAt(Trajectory tr, double t) {
        List<Frame> fs = tr.frames();
        if (Double.isNaN(t)) return fs.get(fs.size() - 1);
        Frame best = fs.get(0);
        for (Frame f : fs) if (Math.abs(f.t() - t) < Math.abs(best.t() - t)) best = f;
        return best;
    }

    /** W_ℓ and D_ℓ of the shown run at the cursor, or null when there is none */
    Matrices matrices() {
        Trajectory tr = shownRun(runs);
        return tr == null ? null : matrices(tr, frameAt(tr, cursorT));
    }

    private static Matrices matrices(Trajectory tr, Frame f) {
        int[] n = tr.widths();
        int depth = n.length - 1;
        double[][] flat = f.weights();
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        double[][][] wa = new double[depth][][];
        for (int l = 0; l < depth; l++) {
            w[l] = new DMatrixRMaj(n[l + 1], n[l], true, flat[l]);
            wa[l] = rows(w[l]);
        }
        Network net = tr.setup() != null ? tr.setup().network() : new Network(n);
        DMatrixRMaj[] d = Balance.of(net, w);
        double[][][] da = new double[d.length][][];
        for (int l = 0; l < d.length; l++) da[l] = rows(d[l]);
        return new Matrices(f.t(), wa, da);
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
        return out;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        String title = "Weights Wₗ and balance Dₗ";
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, runs);
        Matrices m = why == null ? matrices() : null;
        if (m == null) {
            MessageChart.drawMessage(g, area, style, title, why != null ? why.message() : "computing…", why != null ? why.detail() : null);
            return;
        }
        double subBase = area.getY() + style.titleSize() * 1.3 + style.subtitleSize() * 1.4;
        Font labelFont = style.annotationFont(), tickFont = style.tickFont();
        FontMetrics lf = g.getFontMetrics(labelFont), tf = g.getFontMetrics(tickFont);
        int rows = m.d().length > 0 ? 2 : 1;
        double top = subBase + style.subtitleSize() * 0.6 + PAD;
        double labelH = lf.getAscent() + lf.getDescent() + 2;
        double barLabelW = Math.max(tf.stringWidth(tick(-wScale)), tf.stringWidth(tick(-dScale)));
        double barLabelMax = Math.max(barLabelW + tf.stringWidth("±"), tf.stringWidth("−0.000"));
        double left = area.getX() + PAD, right = area.getMaxX() - PAD - BAR - 4 - barLabelMax;
        double rowH = (area.getMaxY() - PAD - top) / rows - labelH - PAD;
        double gap = PAD + lf.stringWidth("W₁₀");
        double cell = Math.min(cellFor(m.w(), right - left, rowH, gap), rows > 1 ? cellFor(m.d(), right - left, rowH, gap) : Double.MAX_VALUE);
        if (!(cell >= MIN_CELL)) {
            int entries = 0;
            for (double[][] x : m.w()) entries += x.length * x[0].length;
            MessageChart.drawMessage(g, area, style, title, "too many weights to read at this size",
                    entries + " entries in W₁…W" + Fmt.subscript(m.w().length) + ": maximize the view or export it larger");
            return;
        }
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        g.setPaint(ChartStyle.TEXT);
        g.setFont(style.titleFont());
        MessageChart.centered(g, title, area, area.getY() + style.titleSize() * 1.3);
        g.setFont(style.subtitleFont());
        g.setPaint(ChartStyle.MUTED);
        MessageChart.centered(g, subtitle(m), area, subBase);

        double y = top;
        y = row(g, m.w(), "W", 1, wScale, left, right, y, cell, gap, labelFont, tickFont);
        if (rows > 1) row(g, m.d(), "D", 1, dScale, left, right, y + PAD, cell, gap, labelFont, tickFont);
    }

    private String subtitle(Matrices m) {
        String s = "t = " + Fmt.num(m.t()) + " · blue < 0 < red" + (m.d().length > 0 && dScale == 0 ? " · Dₗ = 0" : "");
        if (runs != null && runs.runs().size() > 1) s += " · run " + runs.runs().get(0).label();
        return s;
    }

    /** the entry size at which every matrix of a row fits its width (with gaps) and height */
    private static double cellFor(double[][][] ms, double width, double height, double gap) {
        int cols = 0, tallest = 0;
        for (double[][] x : ms) { cols += x[0].length; tallest = Math.max(tallest, x.length); }
        double room = width - gap * (ms.length - 1);
        return Math.floor(Math.min(room / cols, height / tallest));
    }

    /** one row of heat maps with their labels and the row's colour bar; returns the y below it */
    private double row(Graphics2D g, double[][][] ms, String name, int first, double max, double left, double right,
                       double y, double cell, double gap, Font labelFont, Font tickFont) {
        FontMetrics lf = g.getFontMetrics(labelFont);
        int cols = 0, tallest = 0;
        for (double[][] x : ms) { cols += x[0].length; tallest = Math.max(tallest, x.length); }
        double width = cols * cell + gap * (ms.length - 1);
        double x = left + Math.max(0, (right - left - width) / 2);
        double labelH = lf.getAscent() + lf.getDescent() + 2;
        double mapTop = y + labelH;
        for (int k = 0; k < ms.length; k++) {
            double[][] a = ms[k];
            double w = a[0].length * cell;
            String label = name + Fmt.subscript(first + k);
            g.setFont(labelFont);
            g.setPaint(ChartStyle.TEXT);
            g.drawString(label, (float) (x + w / 2 - lf.stringWidth(label) / 2.0), (float) (y + lf.getAscent()));
            for (int i = 0; i < a.length; i++)
                for (int j = 0; j < a[i].length; j++) {
                    g.setPaint(Diverging.of(a[i][j], max));
                    g.fill(new Rectangle2D.Double(x + j * cell, mapTop + i * cell, cell, cell));
                }
            g.setPaint(ChartStyle.MUTED);
            g.setStroke(style.thin());
            g.draw(new Rectangle2D.Double(x, mapTop, w, a.length * cell));
            x += w + gap;
        }
        bar(g, max, right + 4, mapTop, tallest * cell, tickFont);
        return mapTop + tallest * cell;
    }

    /** the colour bar from −max (bottom) through 0 to +max (top), its ends (and 0 where there is room) labelled */
    private void bar(Graphics2D g, double max, double x, double y, double h, Font tickFont) {
        FontMetrics tf = g.getFontMetrics(tickFont);
        if (!(max > 0)) {   // nothing to scale (D_ℓ = 0): a white bar at 0
            g.setPaint(Color.WHITE);
            g.fill(new Rectangle2D.Double(x, y, BAR, h));
            g.setPaint(ChartStyle.MUTED);
            g.setStroke(style.thin());
            g.draw(new Rectangle2D.Double(x, y, BAR, h));
            g.setFont(tickFont);
            g.setPaint(ChartStyle.TEXT);
            g.drawString("0", (float) (x + BAR + 3), (float) (y + h / 2 + tf.getAscent() / 2.0));
            return;
        }
        g.setPaint(new GradientPaint((float) x, (float) y, Diverging.of(1, 1), (float) x, (float) (y + h / 2), Color.WHITE));
        g.fill(new Rectangle2D.Double(x, y, BAR, h / 2));
        g.setPaint(new GradientPaint((float) x, (float) (y + h / 2), Color.WHITE, (float) x, (float) (y + h), Diverging.of(-1, 1)));
        g.fill(new Rectangle2D.Double(x, y + h / 2, BAR, h / 2));
        g.setPaint(ChartStyle.MUTED);
        g.setStroke(style.thin());
        g.draw(new Rectangle2D.Double(x, y, BAR, h));
        g.setFont(tickFont);
        g.setPaint(ChartStyle.TEXT);
        double lh = tf.getAscent() + tf.getDescent();
        float tx = (float) (x + BAR + 3);
        if (!(max > 0)) {
            g.drawString("0", tx, (float) (y + h / 2 + tf.getAscent() / 2.0));
            return;
        }
        if (h < 2 * lh + 2) {   // room for one label: the range
            g.drawString("±" + tick(max), tx, (float) (y + h / 2 + tf.getAscent() / 2.0));
            return;
        }
        g.drawString(tick(max), tx, (float) (y + tf.getAscent()));
        g.drawString(tick(-max), tx, (float) (y + h));
        if (h >= 3 * lh + 4) g.drawString("0", tx, (float) (y + h / 2 + tf.getAscent() / 2.0));
    }

    private static String tick(double v) {
        String s = Fmt.num(v);
        return v < 0 ? "−" + s.substring(1) : s;
    }

    private static double maxAbs(double[][][] ms) {
        double m = 0;
        for (double[][] a : ms) for (double[] r : a) for (double v : r) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        return m;
    }
}
