package org.dlnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * Fonts, line widths and colours of the charts. {@link #screen()} for the app's grid of views,
 * {@link #slide()} for exported slides (1600×1000: title ≥ 24 pt). White background, Okabe–Ito palette.
 */
public record ChartStyle(String name, float titleSize, float subtitleSize, float axisLabelSize, float tickSize,
                         float legendSize, float lineWidth, float annotationSize) {

    /** Okabe–Ito colour-blind-safe palette (yellow dropped: unreadable on white). */
    public static final Color[] OKABE_ITO = {
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
    };
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color TEXT = new Color(0x202020);
    public static final Color MUTED = new Color(0x707070);
    public static final Color CURSOR = new Color(0x555555);
    public static final String FONT_FAMILY = "SansSerif";

    public static ChartStyle screen() {
        return new ChartStyle("screen", 18f, 13f, 16f, 14f, 14f, 2.5f, 13f);
    }

    public static ChartStyle slide() {
        return new ChartStyle("slide", 30f, 20f, 24f, 20f, 20f, 4f, 18f);
    }

    /** colour of series i (mode α = i, or run i of a compare set): the same in every view */
    public static Color color(int i) {
        return OKABE_ITO[Math.floorMod(i, OKABE_ITO.length)];
    }

    public Font titleFont() { return new Font(FONT_FAMILY, Font.BOLD, Math.round(titleSize)); }
    public Font subtitleFont() { return new Font(FONT_FAMILY, Font.PLAIN, Math.round(subtitleSize)); }
    public Font axisLabelFont() { return new Font(FONT_FAMILY, Font.PLAIN, Math.round(axisLabelSize)); }
    public Font tickFont() { return new Font(FONT_FAMILY, Font.PLAIN, Math.round(tickSize)); }
    public Font legendFont() { return new Font(FONT_FAMILY, Font.PLAIN, Math.round(legendSize)); }
    public Font annotationFont() { return new Font(FONT_FAMILY, Font.PLAIN, Math.round(annotationSize)); }

    public Stroke solid() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** exact theory */
    public Stroke dashed() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[]{4 * lineWidth, 2.5f * lineWidth}, 0f);
    }

    /** reference levels (targets, plateaus, thresholds) */
    public Stroke dotted() {
        float w = Math.max(1.5f, lineWidth * 0.7f);
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{0.1f, 2.5f * w}, 0f);
    }

    /** a summary view's point: a dot a fifth of a tick label high */
    public java.awt.Shape dotMark() {
        double r = tickSize() * 0.22;
        return new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    /** a summary view's point that is not plotted as a value (a run that did not converge): a cross */
    public java.awt.Shape crossMark() {
        double r = tickSize() * 0.3;
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return p;
    }

    public Stroke thin() {
        return new BasicStroke(Math.max(1f, lineWidth * 0.4f));
    }

    /** the share of a panel's height a vertical axis label may take (the rest: titles, x axis, legend) */
    public static final double VERTICAL_LABEL_SHARE = 0.55;

    /** true when label, in font, fits along the vertical axis of a panel this many pixels high */
    public static boolean fitsVertically(java.awt.Graphics2D g, Font font, String label, double panelHeight) {
        return g.getFontMetrics(font).stringWidth(label) <= VERTICAL_LABEL_SHARE * panelHeight;
    }
}
