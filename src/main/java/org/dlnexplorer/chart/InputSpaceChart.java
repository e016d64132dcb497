package org.dlnexplorer.chart;

import org.jfree.chart.ui.Drawable;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The input space of two-layer networks with two inputs (Kunin et al. Fig. 1a): one square per compare-set
 * member, side by side, each at the time cursor (the last frame without one), drawn by {@link InputSpacePainter}.
 */
final class InputSpaceChart extends ViewChart implements Drawable {
    private List<StudentRun> students = List.of();
    private ViewApplicability.Reason why;

    InputSpaceChart(ChartStyle style) {
        super(ViewId.INPUT_SPACE, style);
    }

    @Override
    public Drawable drawable() { return this; }

    @Override
    protected void rebuild() {
        why = ViewApplicability.whyNot(id, runs);
        students = why == null ? StudentRuns.of(runs) : List.of();
    }

    /** draws these runs (tests and callers holding view data directly) */
    void show(List<StudentRun> s, double cursor) {
        why = null;
        students = List.copyOf(s);
        cursorT = cursor;
    }

    List<StudentRun> students() { return students; }

    @Override
    protected void moveCursor() {}

    /** columns of the panel grid that give the largest squares in a w × h area */
    static int columns(int panels, double w, double h) {
        int best = 1;
        double bestSide = 0;
        for (int c = 1; c <= panels; c++) {
            int rows = (panels + c - 1) / c;
            double side = Math.min(w / c, h / rows);
            if (side > bestSide + 1e-9) { bestSide = side; best = c; }
        }
        return best;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        if (why != null || students.isEmpty()) {
            MessageChart.drawMessage(g, area, style, id.title(), why == null ? "computing…" : why.message(),
                    why == null ? null : why.detail());
            return;
        }
        Draft.antialias(g);   // antialiased, except in a draft while dragging
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        double pad = 6, titleH = style.titleSize() * 1.5, subH = style.subtitleSize() * 1.5;
        double legendH = style.legendSize() * 1.8, labelH = style.axisLabelSize() * 1.5;
        g.setPaint(ChartStyle.TEXT);
        g.setFont(style.titleFont());
        MessageChart.centered(g, id.title(), area, area.getY() + style.titleSize() * 1.2);
        g.setFont(style.subtitleFont());
        g.setPaint(ChartStyle.MUTED);
        MessageChart.centered(g, subtitle(), area, area.getY() + titleH + style.subtitleSize() * 1.1);
        double top = area.getY() + titleH + subH + pad;
        double availH = area.getMaxY() - legendH - pad - top, availW = area.getWidth() - 2 * pad;
        int n = students.size(), cols = columns(n, availW, availH), rows = (n + cols - 1) / cols;
        double side = Math.max(10, Math.min(availW / cols - 2 * pad, availH / rows - labelH - pad));
        // the grid of squares, centred: cells as wide as their square plus a gap
        double cellW = side + 2 * pad, cellH = side + labelH + pad;
        double left = area.getCenterX() - cols * cellW / 2, top0 = top + Math.max(0, (availH - rows * cellH) / 2);
        for (int i = 0; i < n; i++) {
            StudentRun s = students.get(i);
            double x0 = left + (i % cols) * cellW, y0 = top0 + (i / cols) * cellH;
            Rectangle2D sq = new Rectangle2D.Double(x0 + (cellW - side) / 2, y0 + labelH, side, side);
            int f = s.frameAt(cursorT);
            g.setFont(style.axisLabelFont());
            g.setPaint(ChartStyle.TEXT);
            MessageChart.centered(g, panelLabel(s, f, n), new Rectangle2D.Double(x0, y0, cellW, labelH),
                    y0 + labelH - style.axisLabelSize() * 0.45);
            InputSpacePainter.paint(g, sq, s, f, style);
        }
        drawLegend(g, area, area.getMaxY() - legendH * 0.35);
    }

    /** the smallest legend font a narrow cell gets */
    private static final float MIN_LEGEND_FONT = 8f;

    private String subtitle() {
        return "shading: parity of the number of active neurons (Prop. 17)";
    }

    private static String panelLabel(StudentRun s, int f, int panels) {
        String t = "t = " + Fmt.num(s.t()[f]);
        return panels > 1 ? s.label() + "  (" + t + ")" : t;
    }

    /** one legend row: student neuron a > 0, a < 0, teacher neuron, data */
    private void drawLegend(Graphics2D g, Rectangle2D area, double baseline) {
        String[] labels = {"neuron, a > 0", "neuron, a < 0", "teacher neuron", "training input", "odd / even region"};
        g.setFont(style.legendFont());
        java.awt.FontMetrics fm = g.getFontMetrics();
        double key = style.legendSize() * 2, gap = style.legendSize() * 1.2, total = 0;
        for (String l : labels) total += key + 4 + fm.stringWidth(l) + gap;
        double room = area.getWidth() - 12;
        if (total > room) {   // a narrow cell: the whole row in a smaller font
            float size = (float) Math.max(MIN_LEGEND_FONT, style.legendSize() * room / total);
            g.setFont(style.legendFont().deriveFont(size));
            fm = g.getFontMetrics();
            key = size * 2;
            gap = size * 1.2;
            total = 0;
            for (String l : labels) total += key + 4 + fm.stringWidth(l) + gap;
        }
        double x = area.getCenterX() - total / 2, mid = baseline - fm.getAscent() * 0.35;
        float lw = Math.max(1.2f, style.lineWidth() * 0.6f);
        for (int i = 0; i < labels.length; i++) {
            switch (i) {
                case 0, 1 -> {
                    g.setPaint(i == 0 ? InputSpacePainter.POSITIVE : InputSpacePainter.NEGATIVE);
                    g.setStroke(new BasicStroke(Math.max(1.5f, style.lineWidth() * 0.7f)));
                    g.draw(new Line2D.Double(x, mid, x + key, mid));
                }
                case 2 -> {
                    g.setPaint(InputSpacePainter.TEACHER);
                    g.setStroke(new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {5 * lw, 3 * lw}, 0f));
                    g.draw(new Line2D.Double(x, mid, x + key, mid));
                }
                case 3 -> {
                    double r = Math.max(2.5, style.lineWidth() * 1.1);
                    g.setPaint(InputSpacePainter.TEACHER);
                    g.fill(new Ellipse2D.Double(x + key / 2 - r, mid - r, 2 * r, 2 * r));
                }
                default -> {
                    double hh = fm.getAscent() * 0.8;
                    g.setPaint(InputSpacePainter.ODD);
                    g.fill(new Rectangle2D.Double(x, mid - hh / 2, key / 2, hh));
                    g.setPaint(ChartStyle.MUTED);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Rectangle2D.Double(x, mid - hh / 2, key, hh));
                }
            }
            x += key + 4;
            g.setPaint(ChartStyle.TEXT);
            g.drawString(labels[i], (float) x, (float) baseline);
            x += fm.stringWidth(labels[i]) + gap;
        }
    }

}
