package org.dlnexplorer.app.phase;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.dlnexplorer.chart.PhaseDiagramStyle;
import org.dlnexplorer.model.sweep.Axis;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import java.awt.Graphics2D;

import java.awt.geom.Rectangle2D;

/** What the phase diagram draws over its map without redrawing it: the current configuration's ring and the outlined cell. */
final class MapOverlay {
    private MapOverlay() {}

    /** the current configuration's ring: the same ring as PhaseDiagramChart draws for export */
    static void ring(GraphicsContext gc, XYPlot plot, Rectangle2D area, PhaseDiagramStyle style) {
        if (!style.hasMarker()) return;
        var xa = plot.getDomainAxis();
        var ya = plot.getRangeAxis();
        if (!xa.getRange().contains(style.markerX()) || !ya.getRange().contains(style.markerY())) return;
        double px = xa.valueToJava2D(style.markerX(), area, plot.getDomainAxisEdge());
        double py = ya.valueToJava2D(style.markerY(), area, plot.getRangeAxisEdge());
        gc.setLineWidth(5);
        gc.setStroke(Color.BLACK);
        gc.strokeOval(px - 8, py - 8, 16, 16);
        gc.setLineWidth(2.5);
        gc.setStroke(Color.WHITE);
        gc.strokeOval(px - 8, py - 8, 16, 16);
        gc.setFill(Color.BLACK);
        gc.fillOval(px - 2.5, py - 2.5, 5, 5);
    }

    /** cell (ix, iy) outlined black inside white, so that it shows on every colour */
    static void cell(GraphicsContext gc, XYPlot plot, Rectangle2D area, Axis xAxis, Axis yAxis, int ix, int iy) {
        double[] ex = xAxis.edges(), ey = yAxis.edges();
        double x0 = plot.getDomainAxis().valueToJava2D(ex[ix], area, plot.getDomainAxisEdge());
        double x1 = plot.getDomainAxis().valueToJava2D(ex[ix + 1], area, plot.getDomainAxisEdge());
        double y0 = plot.getRangeAxis().valueToJava2D(ey[iy], area, plot.getRangeAxisEdge());
        double y1 = plot.getRangeAxis().valueToJava2D(ey[iy + 1], area, plot.getRangeAxisEdge());
        double x = Math.min(x0, x1), y = Math.min(y0, y1), w = Math.abs(x1 - x0), h = Math.abs(y1 - y0);
        gc.setLineWidth(3);
        gc.setStroke(Color.WHITE);
        gc.strokeRect(x - 1, y - 1, w + 2, h + 2);
        gc.setLineWidth(1.5);
        gc.setStroke(Color.BLACK);
        gc.strokeRect(x - 1, y - 1, w + 2, h + 2);
    }

    /**
     * In a low panel the vertical axis label "relative scale δ  (init.delta)" would run past the plot, over the
     * title: then it drops the field path in brackets, and where even "relative scale δ" is longer than the
     * plot is high, it is the short label ("δ", "τ (log)": {@link org.dlnexplorer.model.sweep.AxisLabels#shortLabel}).
     * The plot's height is found by laying the chart out in area (the legend and the exports keep the full label).
     */
    static void shortenRangeLabel(JFreeChart chart, String symbol, double width, double height) {
        org.jfree.chart.axis.ValueAxis axis = chart.getXYPlot().getRangeAxis();
        String label = axis.getLabel();
        int cut = label == null ? -1 : label.indexOf("  (");
        if (cut <= 0) return;
        java.util.List<String> tries = new java.util.ArrayList<>(java.util.List.of(label, label.substring(0, cut)));
        if (symbol != null && !symbol.isBlank() && !symbol.equals(tries.get(1))) tries.add(symbol);
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            for (String t : tries) {
                axis.setLabel(t);
                ChartRenderingInfo info = new ChartRenderingInfo(null);
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
                double plotHeight = info.getPlotInfo().getDataArea().getHeight();
                if (g.getFontMetrics(axis.getLabelFont()).stringWidth(t) <= plotHeight) return;
            }
        } finally {
            g.dispose();
        }
    }

}
