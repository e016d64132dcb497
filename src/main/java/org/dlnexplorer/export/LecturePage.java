package org.dlnexplorer.export;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.InlineMath;
import org.jfree.chart.ui.Drawable;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a lecture deck: a heading (step k of n and the preset's name), the caption with its inline
 * math in italics, word-wrapped, the governing equation of the step's runs typeset (JLaTeXMath, the one the
 * app's equation box shows), then the step's views side by side (one view: the whole width). Drawn into any
 * Graphics2D (PNG, SVG, PDF with real text).
 */
final class LecturePage implements Drawable {
    static final float HEADING_SIZE = 26f, CAPTION_SIZE = 30f, EQUATION_SIZE = 26f;
    /** the equation takes at most this share of the page's width */
    static final double EQUATION_WIDTH = 0.9;
    static final double MARGIN = 28, GAP = 16, LINE_SPACING = 1.25;

    private final String heading;
    private final String caption;
    private final List<Drawable> views;
    /** TeX of the governing equation, or null for none */
    private final String equation;

    LecturePage(String heading, String caption, String equation, List<Drawable> views) {
        this.heading = heading;
        this.caption = caption;
        this.equation = equation;
        this.views = List.copyOf(views);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        double x0 = area.getX() + MARGIN, width = area.getWidth() - 2 * MARGIN;
        double y = area.getY() + MARGIN;
        Font head = new Font(ChartStyle.FONT_FAMILY, Font.BOLD, Math.round(HEADING_SIZE));
        g.setFont(head);
        g.setPaint(ChartStyle.MUTED);
        FontMetrics hm = g.getFontMetrics();
        y += hm.getAscent();
        g.drawString(heading, (float) x0, (float) y);
        y += hm.getDescent() + GAP / 2;
        Font plain = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, Math.round(CAPTION_SIZE));
        Font math = new Font(ChartStyle.FONT_FAMILY, Font.ITALIC, Math.round(CAPTION_SIZE));
        g.setPaint(ChartStyle.TEXT);
        for (List<Word> line : wrap(g, InlineMath.runs(caption), plain, math, width)) {
            FontMetrics m = g.getFontMetrics(plain);
            y += m.getAscent();
            double x = x0;
            for (Word w : line) {
                g.setFont(w.math ? math : plain);
                g.drawString(w.text, (float) x, (float) y);
                x += w.width;
            }
            y += (LINE_SPACING - 1) * m.getHeight() + m.getDescent();
        }
        if (equation != null) {
            y += GAP / 2;
            y += org.dlnexplorer.chart.EquationImage.draw(g, equation, EQUATION_SIZE, x0, y, width * EQUATION_WIDTH);
        }
        y += GAP;
        double h = area.getMaxY() - MARGIN / 2 - y;
        if (views.isEmpty() || h < 50) return;
        double w = (width - GAP * (views.size() - 1)) / views.size();
        for (int i = 0; i < views.size(); i++) {
            Rectangle2D cell = new Rectangle2D.Double(x0 + i * (w + GAP), y, w, h);
            Graphics2D c = (Graphics2D) g.create();
            try {
                c.clip(cell);
                views.get(i).draw(c, cell);
            } finally {
                c.dispose();
            }
        }
    }

    private record Word(String text, boolean math, double width) {}

    /** the caption's words (math pieces kept whole with their spaces) in lines no wider than width */
    private static List<List<Word>> wrap(Graphics2D g, List<InlineMath.Run> runs, Font plain, Font math, double width) {
        List<Word> words = new ArrayList<>();
        for (InlineMath.Run r : runs) {
            Font f = r.math() ? math : plain;
            if (r.math()) {
                words.add(new Word(r.text(), true, g.getFontMetrics(f).stringWidth(r.text())));
                continue;
            }
            // keep the spaces: a word carries the space after it
            String[] parts = r.text().split("(?<= )");
            for (String p : parts) if (!p.isEmpty()) words.add(new Word(p, false, g.getFontMetrics(f).stringWidth(p)));
        }
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        double used = 0;
        for (Word w : words) {
            if (!line.isEmpty() && used + w.width > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            line.add(w);
            used += w.width;
        }
        if (!line.isEmpty()) lines.add(line);
        return lines;
    }
}
