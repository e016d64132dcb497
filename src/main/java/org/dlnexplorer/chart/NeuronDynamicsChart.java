package org.dlnexplorer.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-neuron dynamics of f(x) = aᵀσ(Wx) (Kunin et al. §5, App. C.2): over time, each neuron's radial coordinate
 * μ_k = a_k‖w_k‖ (top) and, for two inputs, the direction of β̂_k = w_k/‖w_k‖ as an angle (bottom, the
 * teacher's directions dashed). A small balanced start shows the alignment phase (directions turn to the
 * teacher's while μ stays small) and then the fitting phase (μ grows); downstream starts hardly turn.
 * One column per compare-set member; colour: the sign of a_k.
 */
final class NeuronDynamicsChart extends ViewChart implements Drawable {
    /** line opacity: fifty neurons on top of each other stay readable */
    static final double LINE_ALPHA = 0.55;

    /** the vertical axes' names in a compare set's columns */
    private static final String MU_SHORT = "μₖ", ANGLE_SHORT = "∠β̂ₖ";

    private List<StudentRun> students = List.of();
    private ViewApplicability.Reason why;
    private boolean logTime;
    private List<JFreeChart> charts = List.of();
    /** the time cursor's line in every subplot (moved without rebuilding the series) */
    private final List<ValueMarker> cursors = new ArrayList<>();

    NeuronDynamicsChart(ChartStyle style) {
        super(ViewId.NEURON_DYNAMICS, style);
    }

    @Override
    public Drawable drawable() { return this; }

    @Override
    public boolean hasTimeAxis() { return false; }

    @Override
    public void setLogTime(boolean on) {
        if (on == logTime) return;
        logTime = on;
        build();
    }

    @Override
    protected void rebuild() {
        why = ViewApplicability.whyNot(id, runs);
        students = why == null ? StudentRuns.of(runs) : List.of();
        build();
    }

    /** draws these runs (tests and callers holding view data directly) */
    void show(List<StudentRun> s, double cursor) {
        why = null;
        students = List.copyOf(s);
        cursorT = cursor;
        build();
    }

    List<JFreeChart> charts() { return charts; }

    @Override
    protected void moveCursor() {
        for (ValueMarker m : cursors) m.setValue(Double.isNaN(cursorT) ? -Double.MAX_VALUE : cursorT);
    }

    private void build() {
        cursors.clear();
        List<JFreeChart> out = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) out.add(chartOf(students.get(i), students.size() > 1, i == 0));
        charts = out;
    }

    /** the angle of β̂_k in degrees, with NaN where it wraps (so the line breaks instead of crossing the plot) */
    static double[][] angleSeries(StudentRun s, int k) {
        int n = s.frames();
        List<double[]> pts = new ArrayList<>();
        double prev = Double.NaN;
        for (int f = 0; f < n; f++) {
            double deg = Math.toDegrees(s.angle(f, k));
            if (!Double.isNaN(prev) && Math.abs(deg - prev) > 180) pts.add(new double[] {s.t()[f], Double.NaN});
            pts.add(new double[] {s.t()[f], deg});
            prev = deg;
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[0][i] = pts.get(i)[0]; xy[1][i] = pts.get(i)[1]; }
        return xy;
    }

    /** one member's column; only the first column of a compare set names the vertical axes */
    private JFreeChart chartOf(StudentRun s, boolean compare, boolean first) {
        ValueAxis time = logTime ? SlideAxes.log("time t", false) : SlideAxes.number("time t");
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(style.tickSize());
        int from = logTime && s.t()[0] <= 0 ? 1 : 0;
        DefaultXYDataset mu = new DefaultXYDataset();
        XYLineAndShapeRenderer muR = lines();
        for (int k = 0; k < s.h(); k++) {
            double[][] xy = new double[2][s.frames() - from];
            for (int f = from; f < s.frames(); f++) { xy[0][f - from] = s.t()[f]; xy[1][f - from] = s.mu(f, k); }
            mu.addSeries("μ" + k, xy);
            muR.setSeriesPaint(k, colourOf(s, k));
        }
        plot.add(subplot(mu, muR, !first ? null : compare ? MU_SHORT : "μₖ = aₖ‖wₖ‖"), 1);
        if (s.d() == 2) {
            DefaultXYDataset ang = new DefaultXYDataset();
            XYLineAndShapeRenderer angR = lines();
            for (int k = 0; k < s.h(); k++) {
                double[][] xy = angleSeries(s, k);
                if (from == 1) xy = dropFirst(xy);
                ang.addSeries("β" + k, xy);
                angR.setSeriesPaint(k, colourOf(s, k));
            }
            XYPlot a = subplot(ang, angR, !first ? null : compare ? ANGLE_SHORT : "angle of β̂ₖ");
            NumberAxis deg = (NumberAxis) a.getRangeAxis();
            deg.setRange(-180, 180);
            // ticks every 90°, or every 180° when the subplot is too low for five labels (JFreeChart picks)
            org.jfree.chart.axis.TickUnits degrees = new org.jfree.chart.axis.TickUnits();
            for (double u : new double[] {90, 180, 360}) degrees.add(new org.jfree.chart.axis.NumberTickUnit(u));
            deg.setStandardTickUnits(degrees);
            deg.setAutoTickUnitSelection(true);
            deg.setNumberFormatOverride(new java.text.DecimalFormat("0°"));   // the unit on the ticks: a short axis name
            float lw = Math.max(1.2f, style.lineWidth() * 0.6f);
            for (int j = 0; j < s.k(); j++) {
                ValueMarker m = new ValueMarker(Math.toDegrees(s.teacherAngle(j)), InputSpacePainter.TEACHER,
                        new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5 * lw, 3 * lw}, 0f));
                a.addRangeMarker(m);
            }
            plot.add(a, 1);
        }
        for (Object o : plot.getSubplots()) {
            ValueMarker m = new ValueMarker(Double.isNaN(cursorT) ? -Double.MAX_VALUE : cursorT, ChartStyle.CURSOR, style.thin());
            cursors.add(m);
            ((XYPlot) o).addDomainMarker(m);
        }
        styleAxis(time);
        JFreeChart c = new JFreeChart(compare ? s.label() : id.title(), compare ? style.axisLabelFont() : style.titleFont(), plot, false);
        c.setBackgroundPaint(ChartStyle.BACKGROUND);
        c.getTitle().setPaint(ChartStyle.TEXT);
        c.setPadding(new RectangleInsets(4, 4, 4, Math.round(style.tickSize())));
        if (!compare) {
            TextTitle sub = new TextTitle(subtitle(s), style.subtitleFont());
            sub.setPaint(ChartStyle.MUTED);
            c.addSubtitle(sub);
        }
        return c;
    }

    private String subtitle(StudentRun s) {
        return "h = " + s.h() + " neurons · blue: aₖ > 0, vermillion: aₖ < 0" + (s.k() > 0 && s.d() == 2 ? " · dashed: teacher directions" : "");
    }

    private static double[][] dropFirst(double[][] xy) {
        int n = xy[0].length - 1;
        double[][] out = new double[2][Math.max(0, n)];
        if (n > 0) { System.arraycopy(xy[0], 1, out[0], 0, n); System.arraycopy(xy[1], 1, out[1], 0, n); }
        return out;
    }

    private Color colourOf(StudentRun s, int k) {
        Color c = s.a()[s.frames() - 1][k] >= 0 ? InputSpacePainter.POSITIVE : InputSpacePainter.NEGATIVE;
        return InputSpacePainter.withAlpha(c, LINE_ALPHA);
    }

    private XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new PathLineRenderer();   // as every line chart: one path per series, simplified on screen
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(new BasicStroke(Math.max(1f, style.lineWidth() * 0.5f)));
        return r;
    }

    private XYPlot subplot(DefaultXYDataset data, XYLineAndShapeRenderer r, String label) {
        NumberAxis y = SlideAxes.number(label);
        y.setAutoRangeIncludesZero(false);
        styleAxis(y);
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(ChartStyle.BACKGROUND);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        p.setOutlinePaint(ChartStyle.MUTED);
        return p;
    }

    private void styleAxis(ValueAxis a) {
        a.setLabelFont(style.axisLabelFont());
        a.setTickLabelFont(style.tickFont());
        a.setLabelPaint(ChartStyle.TEXT);
        a.setTickLabelPaint(ChartStyle.TEXT);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        if (why != null || charts.isEmpty()) {
            MessageChart.drawMessage(g, area, style, id.title(), why == null ? "computing…" : why.message(),
                    why == null ? null : why.detail());
            return;
        }
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        int n = charts.size();
        double top = area.getY();
        if (n > 1) {
            g.setPaint(ChartStyle.TEXT);
            g.setFont(style.titleFont());
            MessageChart.centered(g, id.title(), area, top + style.titleSize() * 1.2);
            g.setFont(style.subtitleFont());
            g.setPaint(ChartStyle.MUTED);
            MessageChart.centered(g, subtitle(students.get(0)), area, top + style.titleSize() * 1.5 + style.subtitleSize() * 1.1);
            top += style.titleSize() * 1.5 + style.subtitleSize() * 1.5;
        }
        // one row of columns, or two rows when one would be too narrow; the first column of each row names the
        // vertical axes: it is wider by their labels, so every plot is as wide
        int cols = columnsFor(n, area.getWidth()), rows = (n + cols - 1) / cols;
        double extra = n > 1 ? axisLabelSpace(g) : 0, w = (area.getWidth() - extra) / cols, h = (area.getMaxY() - top) / rows;
        java.awt.Font titles = n > 1 ? memberTitleFont(g, w - TITLE_MARGIN - style.tickSize()) : null;
        for (int i = 0; i < n; i++) {
            int c = i % cols, r = i / cols;
            double x = area.getX() + (c == 0 ? 0 : extra + c * w), cw = c == 0 ? w + extra : w;
            JFreeChart chart = charts.get(i);
            if (n > 1) {
                chart.getTitle().setFont(titles);
                nameAxes(chart, c == 0);
            }
            chart.draw(g, new Rectangle2D.Double(x, top + r * h, cw, h));
        }
    }

    /** a compare set's members side by side while each column keeps MIN_COLUMN px, else in two rows (3 or more) */
    static int columnsFor(int members, double width) {
        return members <= 2 || width / members >= MIN_COLUMN ? members : (members + 1) / 2;
    }

    /** the narrowest member column (px) before the members go into two rows */
    static final double MIN_COLUMN = 160;

    /** the vertical axes' names in a compare set's column: on the first column of a row only */
    private static void nameAxes(JFreeChart chart, boolean on) {
        List<?> subs = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        for (int j = 0; j < subs.size(); j++) {
            ValueAxis y = ((XYPlot) subs.get(j)).getRangeAxis();
            String label = !on ? null : j == 0 ? MU_SHORT : ANGLE_SHORT;
            if (!java.util.Objects.equals(label, y.getLabel())) y.setLabel(label);
        }
    }

    /** the room a vertical axis label takes at the left of a plot: its line height and JFreeChart's insets (3 + 3 px) */
    private double axisLabelSpace(Graphics2D g) {
        return g.getFontMetrics(style.axisLabelFont()).getHeight() + 6;
    }

    /** a member's column title keeps this much of the column free besides the chart's right padding (a tick size):
     *  the left padding (4 px), the title's padding (1 px each side) and a margin against rounding */
    static final double TITLE_MARGIN = 8;

    /**
     * The members' titles in the axis-label font when the widest fits one line of a column, else in a font small
     * enough to fit, never below {@link InputSpaceChart#MIN_LABEL_FONT} (as the input-space panels' labels); one font
     * for all, so the columns look alike.
     */
    private java.awt.Font memberTitleFont(Graphics2D g, double width) {
        java.awt.Font f = style.axisLabelFont();
        int needed = 0;
        for (StudentRun s : students) needed = Math.max(needed, g.getFontMetrics(f).stringWidth(s.label()));
        if (needed <= width) return f;
        return f.deriveFont((float) Math.max(InputSpaceChart.MIN_LABEL_FONT, Math.floor(f.getSize2D() * width / needed)));
    }
}
