package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.ui.RectangleAnchor;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the XY plot views: white background, style fonts, a legend built by the view (one entry per
 * mode or per compare-set member, plus line-style keys), a subtitle for theory status, a time cursor.
 * Each rebuild fills fresh datasets into layers (one renderer per layer) with notification off.
 */
abstract class XyViewChart extends ViewChart {
    protected final JFreeChart chart;
    protected final XYPlot plot;
    protected final TextTitle subtitle;
    private final ValueMarker cursor;
    private final boolean cursorOnDomain;
    private int layerCount;
    protected final List<LegendItem> legend = new ArrayList<>();
    /** the most legend entries drawn (a compare set of more runs lists its first ones and how many more) */
    static final int MAX_LEGEND_ITEMS = 8;
    /** over the cap, at least this many runs are named before the references, else the plain first-ones rule */
    static final int MIN_RUNS_SHOWN = 2;

    protected XyViewChart(ViewId id, ChartStyle style, String title, ValueAxis x, ValueAxis y, boolean timeCursor) {
        super(id, style);
        this.plot = new LevelLabelPlot(x, y);
        this.chart = new ViewJFreeChart(title, style.titleFont(), plot);
        this.cursorOnDomain = timeCursor;
        subtitle = frame(chart, style);
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(ChartStyle.MUTED);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessageFont(style.axisLabelFont());
        plot.setNoDataMessagePaint(ChartStyle.TEXT);
        styleAxis(x);
        styleAxis(y);
        // the first x tick label ("0") sits below the corner, clear of the last y tick label ("0")
        x.setTickLabelInsets(new RectangleInsets(2 + style.tickSize() * 0.3, 4, 2, 4));
        // time axes end at the data: no overshoot to 6.2 for t ∈ [0, 6]
        if (timeCursor) { x.setLowerMargin(0); x.setUpperMargin(0); }
        cursor = new ValueMarker(0, ChartStyle.CURSOR, style.thin());
        cursor.setAlpha(0.9f);
    }

    /**
     * A view's chart in the house style: white background, anti-aliased, the title in text colour, an empty
     * muted subtitle under it (returned, for the view to fill), the legend below without a frame, and room at
     * the right for the last tick label (no clipped "6").
     */
    static TextTitle frame(JFreeChart chart, ChartStyle style) {
        chart.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(ChartStyle.TEXT);
        TextTitle subtitle = new TextTitle("", style.subtitleFont());
        subtitle.setPaint(ChartStyle.MUTED);
        chart.addSubtitle(0, subtitle);
        LegendTitle lt = chart.getLegend();
        lt.setItemFont(style.legendFont());
        lt.setFrame(BlockBorder.NONE);
        lt.setBackgroundPaint(ChartStyle.BACKGROUND);
        lt.setPosition(RectangleEdge.BOTTOM);
        chart.setPadding(new RectangleInsets(6, 6, 6, Math.round(style.tickSize() * 1.5)));
        return subtitle;
    }

    /** the two time axes of a view that offers log time ({@link #offerLogTime}); null otherwise */
    private org.jfree.chart.axis.NumberAxis linearTime;
    private org.jfree.chart.axis.LogAxis logTime;
    /** the time axis is logarithmic (t = 0 has no place on it) */
    protected boolean log;

    /** This view offers a log-time axis, which {@link #setLogTime} switches to: called from a constructor. */
    protected final void offerLogTime() {
        linearTime = (org.jfree.chart.axis.NumberAxis) plot.getDomainAxis();
        logTime = SlideAxes.log("t (time units, log scale)", false);
        styleAxis(logTime);
        logTime.setLowerMargin(0);
        logTime.setUpperMargin(0);
    }

    @Override
    public void setLogTime(boolean on) {
        if (logTime == null || on == log) return;
        log = on;
        chart.setNotify(false);
        try { plot.setDomainAxis(on ? logTime : linearTime); } finally { chart.setNotify(true); }
        if (runs != null) update(runs, cursorT);
    }

    protected void styleAxis(ValueAxis a) {
        a.setLabelFont(style.axisLabelFont());
        a.setTickLabelFont(style.tickFont());
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
        if (a instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
    }

    protected static LogAxis logAxis(String label) {
        // whole decades only: 10⁻¹, 10⁰, 10¹ … (no 10^-0.5), at most SlideAxes.MAX_TICKS labels
        return SlideAxes.log(label, true);
    }

    @Override
    public Drawable drawable() { return chart; }

    @Override
    public JFreeChart chart() { return chart; }

    @Override
    protected final void rebuild() {
        chart.setNotify(false);
        try {
            for (int i = 0; i < layerCount; i++) { plot.setDataset(i, null); plot.setRenderer(i, null); }
            layerCount = 0;
            plot.clearRangeMarkers();
            plot.clearDomainMarkers();
            plot.clearAnnotations();
            legend.clear();
            readOut.clear();
            subtitle.setText("");
            plot.setNoDataMessage(null);
            message = null;
            messageDetail = null;
            fill(runs);
            plot.setFixedLegendItems(cappedLegend());
            chart.getLegend().setVisible(!legend.isEmpty());
            subtitle.setVisible(!subtitle.getText().isEmpty());
            boolean data = layerCount > 0;
            plot.getDomainAxis().setVisible(data);
            plot.getRangeAxis().setVisible(data);
            plot.setDomainGridlinesVisible(data);
            plot.setRangeGridlinesVisible(data);
            placeCursor();
            if (legendInside()) placeLegendInside();
        } finally {
            chart.setNotify(true);
        }
    }

    /** the slide style puts the legend inside the plot, in the emptiest corner; the screen style below */
    protected boolean legendInside() { return "slide".equals(style.name()); }

    /**
     * the spot the inside legend takes: the first corner (or edge middle) covering no drawn data and no label;
     * below the plot when every spot would cover something
     */
    private void placeLegendInside() {
        chart.getLegend().setVisible(false);
        insideLegend = null;
        insideBox = null;
        if (legend.isEmpty() || layerCount == 0) return;
        RectangleAnchor spot = emptiestSpot();
        if (spot == null) {   // every spot would cover drawn data or a label: the legend goes below the plot
            chart.getLegend().setVisible(true);
            return;
        }
        LegendTitle inside = new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement());
        inside.setItemFont(style.legendFont());
        inside.setItemPaint(ChartStyle.TEXT);
        inside.setBackgroundPaint(LEGEND_BACKGROUND);
        inside.setFrame(new BlockBorder(ChartStyle.GRID));
        inside.setPadding(new RectangleInsets(6, 10, 6, 10));
        inside.setItemLabelPadding(new RectangleInsets(2, 6, 2, 2));
        double[] at = SPOT_AT.get(spot);
        // relative coordinates are interpolated linearly in value space: on a log axis, convert
        XYTitleAnnotation a = new XYTitleAnnotation(linearFraction(plot.getDomainAxis(), at[0]),
                linearFraction(plot.getRangeAxis(), at[1]), inside, spot);
        a.setMaxWidth(0.5);
        a.setMaxHeight(0.8);
        plot.addAnnotation(a, false);
        insideLegend = spot;
    }

    /** the spot of the inside legend (slide style), null when the legend is outside or not drawn */
    RectangleAnchor insideLegendCorner() { return insideLegend; }

    private RectangleAnchor insideLegend;
    /** the inside legend's estimated box in plot fractions {x0, x1, y0, y1} (y up), or null */
    private double[] insideBox;
    private static final Color LEGEND_BACKGROUND = new Color(255, 255, 255, 225);
    /** candidate spots in order of preference (corners first) and their anchor points in plot fractions */
    private static final java.util.LinkedHashMap<RectangleAnchor, double[]> SPOT_AT = new java.util.LinkedHashMap<>();
    static {
        SPOT_AT.put(RectangleAnchor.TOP_RIGHT, new double[]{0.985, 0.985});
        SPOT_AT.put(RectangleAnchor.TOP_LEFT, new double[]{0.015, 0.985});
        SPOT_AT.put(RectangleAnchor.BOTTOM_RIGHT, new double[]{0.985, 0.015});
        SPOT_AT.put(RectangleAnchor.BOTTOM_LEFT, new double[]{0.015, 0.015});
        SPOT_AT.put(RectangleAnchor.RIGHT, new double[]{0.985, 0.5});
        SPOT_AT.put(RectangleAnchor.LEFT, new double[]{0.015, 0.5});
        SPOT_AT.put(RectangleAnchor.TOP, new double[]{0.5, 0.985});
        SPOT_AT.put(RectangleAnchor.BOTTOM, new double[]{0.5, 0.015});
    }
    /** weight of a marker label (in plot-widths of drawn line): hiding a label is worse than hiding a line */
    private static final double LABEL_WEIGHT = 1.0;
    /** a later spot must beat an earlier one by this much drawn length (corners are preferred) */
    private static final double SPOT_MARGIN = 0.02;
    /** the slide plot's approximate size in pixels, to estimate the legend's share of it */
    private static final double PLOT_W = 1400, PLOT_H = 780;

    private RectangleAnchor emptiestSpot() {
        ValueAxis xa = plot.getDomainAxis(), ya = plot.getRangeAxis();
        // the legend's estimated extent in plot fractions: one line per item, the longest label
        int longest = 0;
        for (LegendItem li : legend) longest = Math.max(longest, li.getLabel().length());
        double w = Math.min(0.5, (longest * style.legendSize() * 0.55 + 70) / PLOT_W);
        double h = Math.min(0.8, (legend.size() * style.legendSize() * 1.45 + 20) / PLOT_H);
        List<RectangleAnchor> spots = new ArrayList<>(SPOT_AT.keySet());
        double[][] boxes = new double[spots.size()][];
        for (int i = 0; i < spots.size(); i++) {
            double[] at = SPOT_AT.get(spots.get(i));
            double x0 = at[0] > 0.9 ? 1 - w : at[0] < 0.1 ? 0 : 0.5 - w / 2;
            double y0 = at[1] > 0.9 ? 1 - h : at[1] < 0.1 ? 0 : 0.5 - h / 2;
            boxes[i] = new double[]{x0, x0 + w, y0, y0 + h};
        }
        double[] count = new double[spots.size()];
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            var ds = plot.getDataset(d);
            if (ds == null) continue;
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                int n = ds.getItemCount(s);
                // weighted by drawn length (in plot fractions), however densely the series is sampled
                double px = Double.NaN, py = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double fx = fraction(xa, ds.getXValue(s, i)), fy = fraction(ya, ds.getYValue(s, i));
                    if (Double.isFinite(px) && Double.isFinite(fx) && Double.isFinite(py) && Double.isFinite(fy)) {
                        double len = Math.hypot(fx - px, fy - py);
                        int k = (int) Math.min(200, Math.ceil(len / 0.02));
                        for (int j = 1; j <= k; j++)
                            countPoint(count, boxes, px + (fx - px) * j / k, py + (fy - py) * j / k, len / k);
                    } else if (Double.isFinite(fx) && Double.isFinite(fy)) {
                        countPoint(count, boxes, fx, fy, 0.01);
                    }
                    px = fx;
                    py = fy;
                }
            }
        }
        java.util.Collection<?> markers = plot.getRangeMarkers(Layer.BACKGROUND);
        if (markers != null) for (Object o : markers) {
            if (o instanceof ValueMarker m) {
                double fy = fraction(ya, m.getValue());
                // a level crosses the whole width; its label sits at one end, just above the line
                for (int k = 0; k < 20; k++) countPoint(count, boxes, (k + 0.5) / 20.0, fy, 0.05);
                if (m.getLabel() != null) {
                    boolean left = m.getLabelAnchor() == RectangleAnchor.TOP_LEFT;
                    countPoint(count, boxes, left ? 0.05 : 0.95, fy + 0.02, LABEL_WEIGHT);
                }
            }
        }
        int best = 0;
        for (int c = 1; c < spots.size(); c++) if (count[c] < count[best] - SPOT_MARGIN) best = c;
        if (count[best] > 0) {   // the preferred corner covers something: an empty spot if there is one
            for (int c = 0; c < spots.size(); c++) if (count[c] == 0) { insideBox = boxes[c]; return spots.get(c); }
            return null;
        }
        insideBox = boxes[best];
        return spots.get(best);
    }

    private static void countPoint(double[] count, double[][] boxes, double fx, double fy, double w) {
        if (!Double.isFinite(fx) || !Double.isFinite(fy)) return;
        for (int i = 0; i < boxes.length; i++)
            if (fx >= boxes[i][0] && fx <= boxes[i][1] && fy >= boxes[i][2] && fy <= boxes[i][3]) count[i] += w;
    }

    /** the linear fraction of the axis range at which a log axis shows the fraction f of its length */
    private static double linearFraction(ValueAxis a, double f) {
        if (!(a instanceof LogAxis)) return f;
        double lo = a.getLowerBound(), hi = a.getUpperBound();
        if (!(lo > 0) || !(hi > lo)) return f;
        double v = Math.pow(10, Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo)));
        return (v - lo) / (hi - lo);
    }

    /** position of v along the axis in [0, 1] (log axes in log space) */
    private static double fraction(ValueAxis a, double v) {
        double lo = a.getLowerBound(), hi = a.getUpperBound();
        if (a instanceof LogAxis) {
            if (!(v > 0) || !(lo > 0)) return Double.NaN;
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return (v - lo) / (hi - lo);
    }

    /** Instead of the plot: show this message alone (no empty axes). Call from fill. */
    protected void showMessage(String message, String detail) {
        this.message = message;
        this.messageDetail = detail;
    }

    /** the message shown instead of the plot, or null */
    String message() { return message; }

    private String message, messageDetail;

    /** Called before every draw with the target area (e.g. to fit ranges to the pixel aspect). */
    protected void beforeDraw(Graphics2D g, Rectangle2D area) {}

    /** The chart of a view: draws the message alone when there is one, else lays out and draws the plot. */
    private final class ViewJFreeChart extends JFreeChart {
        ViewJFreeChart(String title, java.awt.Font font, XYPlot plot) { super(title, font, plot, true); }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, java.awt.geom.Point2D anchor, org.jfree.chart.ChartRenderingInfo info) {
            if (message != null) {
                MessageChart.drawMessage(g2, area, style, getTitle().getText(), message, messageDetail);
                return;
            }
            beforeDraw(g2, area);
            super.draw(g2, area, anchor, info);
        }
    }

    @Override
    protected void moveCursor() {
        chart.setNotify(false);
        try { placeCursor(); } finally { chart.setNotify(true); }
    }

    private void placeCursor() {
        if (!cursorOnDomain) return;
        plot.removeDomainMarker(cursor, Layer.FOREGROUND);
        if (Double.isFinite(cursorT) && layerCount > 0) {
            cursor.setValue(cursorT);
            plot.addDomainMarker(cursor, Layer.FOREGROUND);
        }
    }

    /** Fill layers, markers, legend and subtitle for the run set (runs may be null or empty). */
    protected abstract void fill(RunSet runs);

    /** A style for one series of a layer. */
    protected record Line(String key, double[][] xy, Paint paint, Stroke stroke) {}

    /** the simulated lines read out under the pointer (app hover) */
    private final List<ReadOut.Series> readOut = new ArrayList<>();

    /**
     * Adds the layer of the runs' simulated lines: drawn as {@link #addLayer}, and read out under the
     * pointer. A line's key is its run's label (a single run: none) and then what it shows; a key that is
     * the label alone shows quantity.
     */
    protected void addRunLayer(List<Line> lines, String quantity) {
        addLayer(lines);
        readOut(lines, quantity);
    }

    /** Read these runs' lines out under the pointer (drawn in some layer, see {@link #addRunLayer}). */
    protected void readOut(List<Line> lines, String quantity) {
        boolean single = runs == null || runs.runs().size() < 2;
        for (Line l : lines) {
            String run = "";
            if (runs != null)
                for (RunSet.Labeled r : runs.runs())
                    if (l.key().startsWith(r.label()) && r.label().length() > run.length()) run = r.label();
            String rest = l.key().substring(run.length()).trim();
            int argb = l.paint() instanceof Color c ? c.getRGB() : ChartStyle.TEXT.getRGB();
            readOut.add(new ReadOut.Series(single ? "" : run, rest.isEmpty() ? quantity : rest, l.xy()[0], l.xy()[1], argb));
        }
    }

    @Override
    public ReadOut readOut(Rectangle2D dataArea) {
        if (readOut.isEmpty() || message != null) return null;
        List<Rectangle2D> text = new ArrayList<>(((LevelLabelPlot) plot).labelBoxes());
        if (insideLegend != null && insideBox != null && dataArea != null) {   // the slide style's legend inside the plot
            double w = dataArea.getWidth(), h = dataArea.getHeight();
            text.add(new Rectangle2D.Double(dataArea.getX() + insideBox[0] * w, dataArea.getMaxY() - insideBox[3] * h,
                    (insideBox[1] - insideBox[0]) * w, (insideBox[3] - insideBox[2]) * h));
        }
        return new ReadOut(readOut, text);
    }

    /**
     * The legend, at most MAX_LEGEND_ITEMS entries (more would crowd the plot out of a grid cell). Over the cap the
     * entries that explain a line style (exact, minima, contours, …) stay, since nothing else names them, and the
     * compare set's runs, whose colours every other panel names too, give way first: the first runs, then a count.
     */
    private LegendItemCollection cappedLegend() {
        LegendItemCollection items = new LegendItemCollection();
        if (legend.size() <= MAX_LEGEND_ITEMS) { legend.forEach(items::add); return items; }
        java.util.Set<String> runLabels = new java.util.HashSet<>();
        if (runs != null) for (var r : runs.runs()) runLabels.add(r.label());
        List<LegendItem> run = new ArrayList<>(), other = new ArrayList<>();
        for (LegendItem li : legend) (runLabels.contains(li.getLabel()) ? run : other).add(li);
        int keepRuns = MAX_LEGEND_ITEMS - 1 - other.size();
        if (run.isEmpty() || keepRuns < MIN_RUNS_SHOWN) {   // mostly references: the first ones, then a count
            for (int i = 0; i < MAX_LEGEND_ITEMS - 1; i++) items.add(legend.get(i));
            items.add(more(legend.size() - (MAX_LEGEND_ITEMS - 1), "more"));
            return items;
        }
        for (int i = 0; i < keepRuns; i++) items.add(run.get(i));
        items.add(more(run.size() - keepRuns, run.size() - keepRuns == 1 ? "more run" : "more runs"));
        other.forEach(items::add);
        return items;
    }

    /** a muted "+ k more" entry with no line */
    private LegendItem more(int k, String what) {
        LegendItem more = new LegendItem("+ " + k + " " + what, null, null, null,
                new Line2D.Double(0, 0, 0, 0), style.thin(), ChartStyle.BACKGROUND);
        more.setLabelFont(style.legendFont());
        more.setLabelPaint(ChartStyle.MUTED);
        return more;
    }

    /** Adds a layer of lines drawn with one renderer (in order: later layers draw underneath earlier). */
    protected void addLayer(List<Line> lines) {
        if (lines.isEmpty()) return;
        DefaultXYDataset ds = new BoundedXYDataset();
        XYLineAndShapeRenderer r = new PathLineRenderer();   // one path per series, simplified on screen
        int s = 0;
        for (Line l : lines) {
            String key = l.key();
            while (ds.indexOf(key) >= 0) key = key + " ";
            ds.addSeries(key, l.xy());
            r.setSeriesPaint(s, l.paint());
            r.setSeriesStroke(s, l.stroke());
            s++;
        }
        plot.setDataset(layerCount, ds);
        plot.setRenderer(layerCount, r);
        layerCount++;
    }

    /**
     * Adds a layer of marked points, each series joined by its line (a null stroke: the points alone, drawn as outlines), for views
     * whose data are one value per run (summary views).
     */
    protected void addPointLayer(List<Line> lines, Shape mark) {
        if (lines.isEmpty()) return;
        DefaultXYDataset ds = new BoundedXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int s = 0;
        for (Line l : lines) {
            String key = l.key();
            while (ds.indexOf(key) >= 0) key = key + " ";
            ds.addSeries(key, l.xy());
            r.setSeriesPaint(s, l.paint());
            r.setSeriesShape(s, mark);
            r.setSeriesLinesVisible(s, l.stroke() != null);
            if (l.stroke() != null) r.setSeriesStroke(s, l.stroke());
            else { r.setSeriesShapesFilled(s, false); r.setSeriesOutlineStroke(s, style.solid()); }
            s++;
        }
        plot.setDataset(layerCount, ds);
        plot.setRenderer(layerCount, r);
        layerCount++;
    }

    /** Adds a layer with its own dataset and renderer (a heat map's blocks), counted as data like the line layers. */
    protected void addLayer(org.jfree.data.xy.XYDataset ds, org.jfree.chart.renderer.xy.XYItemRenderer r) {
        plot.setDataset(layerCount, ds);
        plot.setRenderer(layerCount, r);
        layerCount++;
    }

    protected boolean hasData() { return layerCount > 0; }

    /** the number of layers added so far (the next layer's dataset index) */
    protected int layers() { return layerCount; }

    @Override
    public boolean hasTimeAxis() { return cursorOnDomain && layerCount > 0; }

    protected void legendLine(String label, Paint paint, Stroke stroke) {
        Shape line = new Line2D.Double(-14, 0, 14, 0);
        LegendItem li = new LegendItem(label, null, null, null, line, stroke, paint);
        li.setLabelFont(style.legendFont());
        li.setLabelPaint(ChartStyle.TEXT);
        legend.add(li);
    }

    /** A horizontal reference level (dotted) with a label at the right end. */
    protected void level(double y, String label, Paint paint) {
        level(y, label, paint, false);
    }

    /** The same with the label at the left end (when the right end is taken). */
    protected void level(double y, String label, Paint paint, boolean labelLeft) {
        ValueMarker m = new ValueMarker(y, paint, style.dotted());
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(style.annotationFont());
            m.setLabelPaint(paint instanceof Color c ? c.darker() : ChartStyle.TEXT);
            m.setLabelAnchor(labelLeft ? org.jfree.chart.ui.RectangleAnchor.TOP_LEFT : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(labelLeft ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        }
        plot.addRangeMarker(m, Layer.BACKGROUND);
    }

    /** The theory status line: which exact solution is dashed, or why none is drawn. */
    protected static String theoryNote(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) return "";
        String available = null, reason = null;
        for (RunSet.Labeled l : rs.runs()) {
            var e = l.trajectory().exact();
            if (e != null && e.available()) available = e.model();
            else if (e != null && reason == null) reason = e.reason();
        }
        if (available != null) return "dashed: exact solution (" + available + ")" + (reason != null ? "; not for every run" : "");
        if (reason != null) return "theory unavailable: " + firstSentence(reason);
        return "theory: not computed yet";
    }

    /** a reason's first sentence (a subtitle is one line on a slide) */
    static String firstSentence(String s) {
        int i = s.indexOf(". ");
        if (i > 0) s = s.substring(0, i);
        int j = s.indexOf("; ");
        return j > 0 ? s.substring(0, j) : s;
    }

    /** "diverged at step k" notes for the set */
    protected static String divergenceNote(RunSet rs) {
        StringBuilder sb = new StringBuilder();
        if (rs == null) return "";
        for (RunSet.Labeled l : rs.runs()) {
            if (l.trajectory().diverged()) {
                if (sb.length() > 0) sb.append("; ");
                if (rs.runs().size() > 1) sb.append(l.label()).append(": ");
                sb.append("diverged at step ").append(l.trajectory().divergedAtStep());
            }
        }
        return sb.toString();
    }

    protected static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        if (b == null || b.isEmpty()) return a;
        return a + " · " + b;
    }
}
