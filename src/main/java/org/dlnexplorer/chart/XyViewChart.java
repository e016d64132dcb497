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

    protected XyViewChart(ViewId id, ChartStyle style, String title, ValueAxis x, ValueAxis y, boolean timeCursor) {
        super(id, style);
        this.plot = new XYPlot(null, x, y, null);
        this.chart = new JFreeChart(title, style.titleFont(), plot, true);
        this.cursorOnDomain = timeCursor;
        chart.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(ChartStyle.TEXT);
        subtitle = new TextTitle("", style.subtitleFont());
        subtitle.setPaint(ChartStyle.MUTED);
        chart.addSubtitle(0, subtitle);
        LegendTitle lt = chart.getLegend();
        lt.setItemFont(style.legendFont());
        lt.setFrame(BlockBorder.NONE);
        lt.setBackgroundPaint(ChartStyle.BACKGROUND);
        lt.setPosition(RectangleEdge.BOTTOM);
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setOutlinePaint(ChartStyle.MUTED);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessageFont(style.axisLabelFont());
        plot.setNoDataMessagePaint(ChartStyle.TEXT);
        styleAxis(x);
        styleAxis(y);
        if (timeCursor) { x.setLowerMargin(0); x.setUpperMargin(0.02); }
        cursor = new ValueMarker(0, ChartStyle.CURSOR, style.thin());
        cursor.setAlpha(0.9f);
    }

    protected void styleAxis(ValueAxis a) {
        a.setLabelFont(style.axisLabelFont());
        a.setTickLabelFont(style.tickFont());
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
        if (a instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
    }

    protected static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        // whole decades only: 10⁻¹, 10⁰, 10¹ … (no 10^-0.5)
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        a.setMinorTickCount(9);
        return a;
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
            subtitle.setText("");
            plot.setNoDataMessage(null);
            fill(runs);
            LegendItemCollection items = new LegendItemCollection();
            for (LegendItem li : legend) items.add(li);
            plot.setFixedLegendItems(items);
            chart.getLegend().setVisible(!legend.isEmpty());
            subtitle.setVisible(!subtitle.getText().isEmpty());
            boolean data = layerCount > 0;
            plot.getDomainAxis().setVisible(data);
            plot.getRangeAxis().setVisible(data);
            plot.setDomainGridlinesVisible(data);
            plot.setRangeGridlinesVisible(data);
            placeCursor();
        } finally {
            chart.setNotify(true);
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

    /** Adds a layer of lines drawn with one renderer (in order: later layers draw underneath earlier). */
    protected void addLayer(List<Line> lines) {
        if (lines.isEmpty()) return;
        DefaultXYDataset ds = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
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

    protected boolean hasData() { return layerCount > 0; }

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
        ValueMarker m = new ValueMarker(y, paint, style.dotted());
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(style.annotationFont());
            m.setLabelPaint(paint instanceof Color c ? c.darker() : ChartStyle.TEXT);
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
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
        if (reason != null) return "theory unavailable: " + reason;
        return "theory: not computed yet";
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
