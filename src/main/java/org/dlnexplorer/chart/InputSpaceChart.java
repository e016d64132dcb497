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
        g.setFont(style.legendFont());
        List<List<Integer>> legendRows = legendRows(g.getFontMetrics(), area.getWidth() - 12);
        double rowH = style.legendSize() * 1.8, legendH = rowH * legendRows.size(), labelH = style.axisLabelSize() * 1.5;
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
            g.setPaint(ChartStyle.TEXT);
            String label = fitted(g, panelLabel(s, f, n), s.label(), cellW - 2);
            MessageChart.centered(g, label, new Rectangle2D.Double(x0, y0, cellW, labelH),
                    y0 + labelH - style.axisLabelSize() * 0.45);
            InputSpacePainter.paint(g, sq, s, f, style);
        }
        for (int r = 0; r < legendRows.size(); r++)
            drawLegend(g, area, legendRows.get(r), area.getMaxY() - legendH + rowH * (r + 0.65));
    }

    /**
     * The panel's label in the axis-label font when it fits its cell, else the run's name alone (the time is the
     * scrubber's), else that name in a font small enough to fit (never below MIN_LABEL_FONT); the font is left set.
     */
    private String fitted(Graphics2D g, String full, String shorter, double width) {
        g.setFont(style.axisLabelFont());
        if (g.getFontMetrics().stringWidth(full) <= width) return full;
        if (g.getFontMetrics().stringWidth(shorter) <= width) return shorter;
        float size = (float) Math.max(MIN_LABEL_FONT, style.axisLabelSize() * width / g.getFontMetrics().stringWidth(shorter));
        g.setFont(style.axisLabelFont().deriveFont(size));
        return shorter;
    }

    /** the smallest font a panel label gets in a narrow cell */
    static final float MIN_LABEL_FONT = 10f;

    /** the legend's entries */
    private static final String[] LEGEND = {"neuron, a > 0", "neuron, a < 0", "teacher neuron", "training input", "odd / even region"};

    private String subtitle() {
        return "shading: parity of the number of active neurons (Prop. 17)";
    }

    private static String panelLabel(StudentRun s, int f, int panels) {
        String t = "t = " + Fmt.num(s.t()[f]);
        return panels > 1 ? s.label() + "  (" + t + ")" : t;
    }

    /** an entry's width: its key, a gap, its text */
    private double entryWidth(java.awt.FontMetrics fm, int i) {
        return style.legendSize() * 2 + 4 + fm.stringWidth(LEGEND[i]);
    }

    /** the entries in rows no wider than width, at the legend's own size (a narrow cell gets more rows) */
    private List<List<Integer>> legendRows(java.awt.FontMetrics fm, double width) {
        double gap = style.legendSize() * 1.2;
        List<List<Integer>> rows = new java.util.ArrayList<>();
        List<Integer> row = new java.util.ArrayList<>();
        double used = 0;
        for (int i = 0; i < LEGEND.length; i++) {
            double w = entryWidth(fm, i);
            if (!row.isEmpty() && used + gap + w > width) { rows.add(row); row = new java.util.ArrayList<>(); used = 0; }
            used += (row.isEmpty() ? 0 : gap) + w;
            row.add(i);
        }
        rows.add(row);
        return rows;
    }

    /** one legend row, centred: student neuron a > 0, a < 0, teacher neuron, data, region */
    private void drawLegend(Graphics2D g, Rectangle2D area, List<Integer> row, double baseline) {
        g.setFont(style.legendFont());
        java.awt.FontMetrics fm = g.getFontMetrics();
        double key = style.legendSize() * 2, gap = style.legendSize() * 1.2, total = -gap;
        for (int i : row) total += entryWidth(fm, i) + gap;
        double x = area.getCenterX() - total / 2, mid = baseline - fm.getAscent() * 0.35;
        float lw = Math.max(1.2f, style.lineWidth() * 0.6f);
        for (int i : row) {
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
            g.drawString(LEGEND[i], (float) x, (float) baseline);
            x += fm.stringWidth(LEGEND[i]) + gap;
        }
    }

}
