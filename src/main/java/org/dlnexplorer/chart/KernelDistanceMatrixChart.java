package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.KernelDistanceMatrix;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Kunin et al. seed 002 §2: the kernel distance between any two times, S(t₁, t₂) = 1 − ⟨K_{t₁}, K_{t₂}⟩_F /
 * (‖K_{t₁}‖_F‖K_{t₂}‖_F), as a heat map over at most 64 × 64 recorded times ({@link KernelDistanceMatrix}); one
 * panel per compare-set member (at most {@link #MAX_PANELS}), one colour scale for all, the cursor's column marked.
 * Row t₁ = 0 is the S(0, t) of the kernel-distance view.
 */
final class KernelDistanceMatrixChart extends ViewChart {
    /** compare-set members shown side by side */
    static final int MAX_PANELS = 4;
    static final String TITLE = "Kernel-distance matrix S(t₁, t₂)";

    private final List<Heat> panels = new ArrayList<>();
    private String message, detail;

    KernelDistanceMatrixChart(ChartStyle style) {
        super(ViewId.KERNEL_DISTANCE_MATRIX, style);
    }

    @Override
    public Drawable drawable() { return this::draw; }

    @Override
    protected void rebuild() {
        panels.clear();
        message = null;
        detail = null;
        if (runs == null || runs.runs().isEmpty()) { message = "computing…"; return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, runs);
        if (why != null) { message = why.message(); detail = why.detail(); return; }
        List<RunSet.Labeled> members = new ArrayList<>();
        List<KernelDistanceMatrix.Result> results = new ArrayList<>();
        double max = 0;
        for (RunSet.Labeled l : runs.runs()) {
            if (members.size() == MAX_PANELS) break;
            if (KernelDistanceMatrix.whyNot(l.trajectory()) != null) continue;
            KernelDistanceMatrix.Result r = KernelDistanceMatrix.of(l.trajectory(), KernelDistanceMatrix.MAX_FRAMES);
            for (double[] row : r.s()) for (double v : row) max = Math.max(max, v);
            members.add(l);
            results.add(r);
        }
        boolean compare = isCompare(runs);
        double upper = max > 0 ? max : 1;
        for (int i = 0; i < members.size(); i++) {
            Heat h = new Heat(style, compare ? members.get(i).label() : null, results.get(i), upper,
                    i == members.size() - 1, i == 0);
            h.update(runs, cursorT);
            panels.add(h);
        }
    }

    @Override
    protected void moveCursor() {
        for (Heat h : panels) h.setCursor(cursorT);
    }

    private void draw(Graphics2D g, Rectangle2D area) {
        if (message != null || panels.isEmpty()) {
            MessageChart.drawMessage(g, area, style, TITLE, message == null ? "no run to draw" : message, detail);
            return;
        }
        Font title = style.titleFont();
        g.setFont(title);
        g.setPaint(ChartStyle.TEXT);
        double titleH = g.getFontMetrics().getHeight() + 6;
        MessageChart.centered(g, TITLE, area, area.getY() + 4 + g.getFontMetrics().getAscent());
        double y = area.getY() + titleH, h = area.getHeight() - titleH;
        // equal plots: the first panel gets the width of its time axis, the last that of the colour bar
        int n = panels.size();
        double axis = n > 1 ? firstAxis(style) - otherAxis(style) : 0, bar = n > 1 ? colourBar(style) : 0;
        double w = (area.getWidth() - axis - bar) / n;
        double x = area.getX();
        for (int i = 0; i < n; i++) {
            double wi = w + (i == 0 ? axis : 0) + (i == n - 1 ? bar : 0);
            panels.get(i).drawable().draw(g, new Rectangle2D.Double(x, y, wi, h));
            x += wi;
        }
    }

    /** the room of the first panel's t₂ axis (label and ticks), of the others' (none), of the colour bar */
    static double firstAxis(ChartStyle style) { return style.tickSize() * 2.6 + style.axisLabelSize() * 1.6; }
    static double otherAxis(ChartStyle style) { return 1; }
    static double colourBar(ChartStyle style) { return style.tickSize() * 3.8 + 12; }

    /** one member's S(t₁, t₂) */
    static final class Heat extends XyViewChart {
        private final String label;
        private final KernelDistanceMatrix.Result result;
        private final double upper;
        private final boolean colourBar;

        Heat(ChartStyle style, String label, KernelDistanceMatrix.Result result, double upper, boolean colourBar, boolean yLabel) {
            super(ViewId.KERNEL_DISTANCE_MATRIX, style, label == null ? "" : label, SlideAxes.number("t₁"),
                    SlideAxes.number(yLabel ? "t₂" : ""), true);
            this.label = label;
            this.result = result;
            this.upper = upper;
            this.colourBar = colourBar;
            if (label == null) chart.setTitle((String) null);
            else chart.getTitle().setFont(style.legendFont());
            plot.getRangeAxis().setLowerMargin(0);
            plot.getRangeAxis().setUpperMargin(0);
            plot.getRangeAxis().setTickLabelsVisible(yLabel);   // one time range for every panel: its ticks once
            org.jfree.chart.axis.AxisSpace left = new org.jfree.chart.axis.AxisSpace();
            left.setLeft(yLabel ? firstAxis(style) : otherAxis(style));
            plot.setFixedRangeAxisSpace(left);
            chart.setPadding(new RectangleInsets(4, 3, 4, 3));
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            if (colourBar) {
                NumberAxis axis = SlideAxes.number("");
                styleAxis(axis);
                axis.setRange(0, upper);
                PaintScaleLegend bar = new PaintScaleLegend(new Viridis(0, upper), axis);
                bar.setPosition(RectangleEdge.RIGHT);
                bar.setStripWidth(style.tickSize() * 0.8);
                bar.setAxisOffset(2);
                bar.setMargin(new RectangleInsets(4, 6, 4, 2));
                bar.setFrame(BlockBorder.NONE);
                bar.setBackgroundPaint(ChartStyle.BACKGROUND);
                chart.addSubtitle(bar);
            }
        }

        @Override
        protected void fill(RunSet rs) {
            if (result == null) return;
            double[] t = result.t();
            double[][] s = result.s();
            int m = t.length;
            double[][] xyz = new double[3][m * m];
            int k = 0;
            double max = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) {
                    xyz[0][k] = t[i];
                    xyz[1][k] = t[j];
                    xyz[2][k] = s[i][j];
                    max = Math.max(max, s[i][j]);
                    k++;
                }
            DefaultXYZDataset ds = new DefaultXYZDataset();
            ds.addSeries("S", xyz);
            XYBlockRenderer r = new XYBlockRenderer();
            // blocks as wide as the largest gap between the sampled times (the frames' indices are rounded): no seams
            double dt = m > 1 ? 0 : 1;
            for (int i = 1; i < m; i++) dt = Math.max(dt, t[i] - t[i - 1]);
            r.setBlockWidth(dt);
            r.setBlockHeight(dt);
            r.setBlockAnchor(RectangleAnchor.CENTER);
            Viridis scale = new Viridis(0, upper);
            r.setPaintScale(scale);
            addLayer(ds, r);
            plot.getDomainAxis().setRange(t[0] - dt / 2, t[m - 1] + dt / 2);
            plot.getRangeAxis().setRange(t[0] - dt / 2, t[m - 1] + dt / 2);
            subtitle.setText("max " + String.format(java.util.Locale.ROOT, "%.2g", max).replace("e-0", "e−").replace("e-", "e−")
                    + (label == null ? " · " + m + " × " + m + " times" : ""));
        }
    }

    static boolean applies(Trajectory tr) { return KernelDistanceMatrix.whyNot(tr) == null; }
}
