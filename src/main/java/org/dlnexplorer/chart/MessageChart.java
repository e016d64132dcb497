package org.dlnexplorer.chart;

import org.jfree.chart.ui.Drawable;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;

/** A view that shows a titled message instead of a plot (e.g. the phase diagram before a sweep). */
final class MessageChart extends ViewChart implements Drawable {
    private final String title;
    private final String message;
    private final String detail;

    /** the phase diagram's stand-in: its picture needs a sweep (the app's sweep view, or `export`) */
    static MessageChart phaseDiagram(ChartStyle style) {
        return new MessageChart(ViewId.PHASE_DIAGRAM, style, "Phase diagram: see the sweep", "sweep over (τ, δ) to fill this view");
    }

    /** the phase portrait's stand-in: its picture needs a sweep (the app's sweep view, or `export`) */
    static MessageChart phasePortrait(ChartStyle style) {
        return new MessageChart(ViewId.PHASE_PORTRAIT, style, "Phase portrait: see the sweep", "sweep over (τ, δ) to fill this view");
    }

    MessageChart(ViewId id, ChartStyle style, String message, String detail) {
        super(id, style);
        this.title = id.title();
        this.message = message;
        this.detail = detail;
    }

    @Override
    public Drawable drawable() { return this; }

    @Override
    protected void rebuild() {}

    @Override
    protected void moveCursor() {}

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        drawMessage(g, area, style, title, message, detail);
    }

    static void drawMessage(Graphics2D g, Rectangle2D area, ChartStyle style, String title, String message, String detail) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        g.setPaint(ChartStyle.TEXT);
        g.setFont(style.titleFont());
        centered(g, title, area, area.getY() + style.titleSize() * 1.6);
        g.setPaint(ChartStyle.MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(area.getX() + 8, area.getY() + style.titleSize() * 2.4,
                area.getWidth() - 16, area.getHeight() - style.titleSize() * 2.4 - 8));
        g.setPaint(ChartStyle.TEXT);
        g.setFont(style.axisLabelFont().deriveFont(java.awt.Font.BOLD));
        double mid = area.getCenterY() + style.titleSize();
        double below = wrapped(g, message, area, mid);
        if (detail != null) {
            g.setFont(style.subtitleFont());
            g.setPaint(ChartStyle.MUTED);
            wrapped(g, detail, area, below + style.axisLabelSize() * 1.6);
        }
    }

    /**
     * draws s centred from the baseline down, broken between words into lines that fit the area (less a
     * margin) in the current font; a single word wider than that is drawn smaller. Returns the last baseline.
     */
    static double wrapped(Graphics2D g, String s, Rectangle2D area, double baseline) {
        FontRenderContext frc = g.getFontRenderContext();
        double room = area.getWidth() - 2 * MARGIN;
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && g.getFont().getStringBounds(next, frc).getWidth() > room) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        double step = g.getFont().getSize2D() * 1.3;
        double y = baseline;
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) y += step;
            centered(g, lines.get(i), area, y);
        }
        return y;
    }

    /** draws s centred; a line wider than the area (less a margin) is drawn in a smaller font that fits */
    static void centered(Graphics2D g, String s, Rectangle2D area, double baseline) {
        FontRenderContext frc = g.getFontRenderContext();
        java.awt.Font font = g.getFont();
        double w = font.getStringBounds(s, frc).getWidth();
        double room = area.getWidth() - 2 * MARGIN;
        if (w > room && room > 0) {
            float size = (float) Math.max(MIN_FONT, font.getSize2D() * room / w);
            g.setFont(font.deriveFont(size));
            w = g.getFont().getStringBounds(s, frc).getWidth();
        }
        g.drawString(s, (float) (area.getCenterX() - w / 2), (float) baseline);
        g.setFont(font);
    }

    private static final double MARGIN = 12;
    private static final float MIN_FONT = 9f;
}
