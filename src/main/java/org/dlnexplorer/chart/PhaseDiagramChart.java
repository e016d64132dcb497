package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.Contours;
import org.dlnexplorer.model.sweep.Metric;
import org.dlnexplorer.model.sweep.SweepResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;

/**
 * The regime phase diagram (SPEC §2 view 7, Kunin et al. Fig 1b) as a JFreeChart heat map: one block per
 * sweep cell coloured by the chosen metric with viridis and a labelled colour bar; log axes where the sweep
 * is log-spaced (blocks span the geometric midpoints between grid values); contour lines at the style's
 * levels; diverged cells hatched, failed cells dark grey, cells without a value light grey, each named in
 * the legend; a marker at the current configuration. AWT only.
 */
public final class PhaseDiagramChart {
    /** contour lines: dash patterns per level (cycled), drawn black over a white halo */
    private static final float[][] DASHES = {{8f, 5f}, null, {2f, 4f}};
    /** the λ-balanced closed form's contours: Okabe–Ito vermillion, dotted */
    static final Color THEORY_COLOUR = ChartStyle.OKABE_ITO[1];
    private static final float[] THEORY_DASH = {3f, 3f};

    private PhaseDiagramChart() {}

    /** The chart as a {@link Drawable} for PNG/SVG/PDF export, with slide fonts. */
    public static Drawable render(SweepResult r, PhaseDiagramStyle style) {
        return chart(r, style, ChartStyle.slide());
    }

    /** The chart as a {@link Drawable}: {@code render(r, style, ChartStyle.slide()).draw(g2, area)}. */
    public static Drawable render(SweepResult r, PhaseDiagramStyle style, ChartStyle fonts) {
        return chart(r, style, fonts);
    }

    public static JFreeChart chart(SweepResult live, PhaseDiagramStyle style) {
        return chart(live, style, ChartStyle.slide());
    }

    public static JFreeChart chart(SweepResult live, PhaseDiagramStyle style, ChartStyle cs) {
        Font titleFont = cs.titleFont(), subtitleFont = cs.subtitleFont(), labelFont = cs.axisLabelFont();
        Font tickFont = cs.tickFont(), legendFont = cs.legendFont();
        SweepResult r = live.snapshot(); // one consistent set of cells for colours, counts and contours
        double[] range = style.range(r);
        Axis ax = r.x(), ay = r.y();
        ValueAxis xAxis = axis(ax, labelFont, tickFont);
        ValueAxis yAxis = axis(ay, labelFont, tickFont);
        PhaseGridRenderer renderer = new PhaseGridRenderer(r, style, range);
        XYPlot plot = new XYPlot(renderer.dataset(), xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(new Color(PhaseDiagramStyle.PENDING_RGB));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        double[] ex = ax.edges(), ey = ay.edges();
        xAxis.setRange(new Range(Math.min(ex[0], ex[ax.n()]), Math.max(ex[0], ex[ax.n()])), true, false);
        yAxis.setRange(new Range(Math.min(ey[0], ey[ay.n()]), Math.max(ey[0], ey[ay.n()])), true, false);

        LegendItemCollection legend = new LegendItemCollection();
        int di = 0;
        LabelSlots slots = new LabelSlots();
        for (double level : style.contourLevels()) {
            List<Contours.Segment> segs = fitted(r, style, Contours.of(r, style.metric(), level));
            if (segs.isEmpty()) continue;
            float[] dash = DASHES[di++ % DASHES.length];
            String label = metricSymbol(style) + " = " + format(level);
            plot.addAnnotation(new ContourAnnotation(ax, ay, segs, dash, label, cs.annotationFont(), Color.BLACK, slots));
            legend.add(item("contour " + metricSymbol(style) + " = " + format(level),
                    new Line2D.Double(-10, 0, 10, 0), null, Color.BLACK, stroke(dash, 2f)));
        }
        // theory and simulation side by side: the closed form's contours over the simulated map
        if (style.metric() == Metric.KERNEL_DISTANCE) {
            for (double level : style.contourLevels()) {
                List<Contours.Segment> segs = Contours.of(r, Metric.THEORY_KERNEL_DISTANCE, level);
                if (segs.isEmpty()) continue;
                plot.addAnnotation(new ContourAnnotation(ax, ay, segs, THEORY_DASH, null, cs.annotationFont(), THEORY_COLOUR, slots));
                legend.add(item("theory S = " + format(level), new Line2D.Double(-10, 0, 10, 0), null, THEORY_COLOUR,
                        stroke(THEORY_DASH, 2f)));
            }
        }
        plot.addAnnotation(slots); // the contour labels, over every contour line
        long diverged = r.cells().stream().filter(CellResult::diverged).count();
        long failed = r.cells().stream().filter(CellResult::failed).count();
        long unfitted = r.cells().stream().filter(style::unfitted).count();
        long noValue = r.cells().stream().filter(c -> c.ok() && !style.unfitted(c) && !Double.isFinite(c.metric(style.metric()))).count();
        int pending = r.size() - r.completed();
        if (diverged > 0)
            legend.add(item("diverged (" + diverged + ")", hatchShape(), new Color(PhaseDiagramStyle.DIVERGED_RGB),
                    new Color(PhaseDiagramStyle.HATCH_RGB), new BasicStroke(1f)));
        if (failed > 0)
            legend.add(item("failed (" + failed + ")", square(), new Color(PhaseDiagramStyle.FAILED_RGB), Color.BLACK,
                    new BasicStroke(1f)));
        if (unfitted > 0)
            legend.add(item("not fitted yet (" + unfitted + ")", backHatchShape(), new Color(PhaseDiagramStyle.UNFITTED_RGB),
                    new Color(PhaseDiagramStyle.UNFITTED_HATCH_RGB), new BasicStroke(1f)));
        if (noValue > 0)
            legend.add(item(noValueLabel(style) + " (" + noValue + ")", square(), new Color(PhaseDiagramStyle.NO_VALUE_RGB),
                    Color.GRAY, new BasicStroke(1f)));
        if (pending > 0)
            legend.add(item("not computed yet (" + pending + ")", square(), Color.WHITE, Color.GRAY, new BasicStroke(1f)));
        if (style.hasMarker()) {
            plot.addAnnotation(new MarkerAnnotation(style.markerX(), style.markerY()));
            legend.add(item("current configuration", MarkerAnnotation.shape(0, 0), Color.WHITE, Color.BLACK,
                    new BasicStroke(2f)));
        }
        plot.setFixedLegendItems(legend);

        for (int i = 0; i < legend.getItemCount(); i++) legend.get(i).setLabelFont(legendFont);
        JFreeChart chart = new JFreeChart(null, titleFont, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle("Regime phase diagram", titleFont)); // the colour bar names the metric
        String sub = subtitle(r, style);
        if (sub != null) chart.addSubtitle(new TextTitle(sub, subtitleFont));
        if (legend.getItemCount() > 0) {
            LegendTitle lt = new LegendTitle(plot);
            lt.setItemFont(legendFont);
            lt.setPosition(RectangleEdge.BOTTOM);
            lt.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(lt);
        }
        NumberAxis barAxis = SlideAxes.number(style.metric().label()
                + (style.metric().unit().isEmpty() ? "" : " (" + style.metric().unit() + ")"));
        barAxis.setRange(range[0], range[1]);
        barAxis.setLabelFont(labelFont);
        barAxis.setTickLabelFont(tickFont);
        PaintScaleLegend bar = new PaintScaleLegend(new Viridis(range[0], range[1]), barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(22);
        bar.setStripOutlineVisible(true);
        bar.setSubdivisionCount(256);
        bar.setMargin(new RectangleInsets(10, 12, 10, 6));
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        return chart;
    }

    /** the segments outside cells drawn as "not fitted yet" (all of them when the style marks none) */
    static List<Contours.Segment> fitted(SweepResult r, PhaseDiagramStyle style, List<Contours.Segment> segs) {
        if (!style.markUnfitted()) return segs;
        List<Contours.Segment> out = new java.util.ArrayList<>();
        for (Contours.Segment s : segs) {
            int ix = (int) Math.round(0.5 * (s.x1() + s.x2())), iy = (int) Math.round(0.5 * (s.y1() + s.y2()));
            CellResult c = ix >= 0 && iy >= 0 && ix < r.x().n() && iy < r.y().n() ? r.get(ix, iy) : null;
            if (!style.unfitted(c)) out.add(s);
        }
        return out;
    }

    private static String subtitle(SweepResult r, PhaseDiagramStyle style) {
        StringBuilder sb = new StringBuilder();
        if (style.subtitle() != null) sb.append(style.subtitle());
        else if (r.title() != null) sb.append(r.title());
        if (sb.length() > 0) sb.append("  ·  ");
        sb.append(r.x().n()).append(" × ").append(r.y().n()).append(" cells");
        if (r.completed() < r.size()) sb.append(" (").append(r.completed()).append(" done)");
        return sb.toString();
    }

    private static String noValueLabel(PhaseDiagramStyle s) {
        return switch (s.metric()) {
            case TIME_TO_FIT, THEORY_TIME_TO_FIT -> "not fitted by t_end";
            case FINAL_SHARPNESS -> "sharpness not recorded";
            case PARAMETER_DISTANCE, RELATIVE_PARAMETER_DISTANCE -> "weights not recorded";
            case TEST_LOSS -> "no test data";
            case HAMMING -> "no activation pattern";
            default -> "no value";
        };
    }

    static String metricSymbol(PhaseDiagramStyle s) {
        return switch (s.metric()) {
            case KERNEL_DISTANCE, THEORY_KERNEL_DISTANCE, THEORY_KERNEL_DISTANCE_LIMIT -> "S";
            case TIME_TO_FIT, THEORY_TIME_TO_FIT -> "t_fit";
            case PARAMETER_DISTANCE -> "‖Δθ‖";
            case RELATIVE_PARAMETER_DISTANCE -> "‖Δθ‖/‖θ₀‖";
            case FINAL_SHARPNESS -> "λₘₐₓ";
            case TEST_LOSS -> "ℒ_test";
            case HAMMING -> "Hamming";
        };
    }

    static String format(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return String.format(Locale.ROOT, "%.2g", v);
        return new DecimalFormat("0.####").format(v);
    }

    private static ValueAxis axis(Axis a, Font labelFont, Font tickFont) {
        String label = AxisLabels.label(a);
        ValueAxis axis;
        if (a.log() && Math.abs(Math.log10(a.to() / a.from())) < 2) {
            axis = new OneTwoFiveLogAxis(label);   // 0.1, 0.2, 0.5, 1, 2 (Fig. 1b's τ)
        } else if (a.log()) {
            LogAxis la = new LogAxis(label);
            la.setBase(10);
            la.setSmallestValue(Math.min(a.from(), a.to()) * 1e-3);
            la.setNumberFormatOverride(new DecimalFormat("0.###"));
            double decades = Math.abs(Math.log10(a.to() / a.from()));
            if (decades >= 2) {
                // ticks at whole decades, minor ticks at 2…9 × 10^k
                la.setTickUnit(new NumberTickUnit(1.0));
                la.setMinorTickMarksVisible(true);
                la.setMinorTickCount(9);
                la.setAutoTickUnitSelection(false);
            }
            axis = la;
        } else {
            NumberAxis na = SlideAxes.number(label);   // at most SlideAxes.MAX_TICKS ticks
            na.setAutoRangeIncludesZero(false);
            if ("network.depth".equals(a.field()) || "network.width".equals(a.field()))
                na.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = na;
        }
        axis.setLabelFont(labelFont);
        axis.setTickLabelFont(tickFont);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private static LegendItem item(String label, Shape shape, Color fill, Color outline, Stroke stroke) {
        LegendItem li;
        if (shape instanceof Line2D line) {
            li = new LegendItem(label, null, null, null, line, stroke, outline);
        } else {
            li = new LegendItem(label, null, null, null, true, shape, fill != null, fill == null ? Color.WHITE : fill,
                    true, outline, stroke, false, new Line2D.Double(), stroke, outline);
        }
        return li;
    }

    private static Shape square() { return new Rectangle2D.Double(-7, -7, 14, 14); }

    /** a square with diagonal hatching, for the legend (drawn as an outline so every format shows it) */
    private static Shape hatchShape() {
        Path2D p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-7, -7, 14, 14), false);
        for (double o = -7; o <= 7; o += 4.5) {
            p.moveTo(-7, o);
            p.lineTo(o, -7);
            p.moveTo(o, 7);
            p.lineTo(7, o);
        }
        return p;
    }

    /** a square with hatching the other way (not fitted yet) */
    private static Shape backHatchShape() {
        Path2D p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-7, -7, 14, 14), false);
        for (double o = -7; o <= 7; o += 4.5) {
            p.moveTo(-7, -o);
            p.lineTo(o, 7);
            p.moveTo(o, -7);
            p.lineTo(7, -o);
        }
        return p;
    }

    private static Stroke stroke(float[] dash, float width) {
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * The contour labels of the current drawing of one chart: where they were placed, so that a label never
     * covers another, and their painting, deferred until every contour line is drawn (this annotation is
     * added after the contours). Annotations draw in the order they were added; a drawing starts with a new
     * data area.
     */
    static final class LabelSlots extends AbstractXYAnnotation {
        private final transient List<Rectangle2D> placed = new java.util.ArrayList<>();
        private final transient List<Runnable> pending = new java.util.ArrayList<>();
        private transient Rectangle2D area;

        /** starts over when the chart is drawn again (a new data-area rectangle) */
        List<Rectangle2D> in(Rectangle2D dataArea) {
            if (area != dataArea) {
                area = dataArea;
                placed.clear();
                pending.clear();
            }
            return placed;
        }

        /** a label to paint once every contour line is drawn (so that no later line crosses it) */
        void later(Runnable paint) { pending.add(paint); }

        /** added after the contour annotations: paints their labels on top of all lines */
        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis xAxis, ValueAxis yAxis,
                         int rendererIndex, PlotRenderingInfo info) {
            if (dataArea != area) return; // no contour drew in this drawing
            for (Runnable r : pending) r.run();
            pending.clear();
        }
    }

    /**
     * Where a w × h label goes: the box (3 px padding) around the first candidate {score, x, y} (best first)
     * that, kept inside the data area, overlaps no box in placed; it is added to placed. Null when every
     * candidate collides: then the label is left out (the legend names every contour by its dash).
     */
    static Rectangle2D place(List<double[]> candidates, double w, double h, Rectangle2D area, List<Rectangle2D> placed) {
        for (double[] c : candidates) {
            double bx = Math.min(Math.max(c[1] - w / 2.0, area.getMinX() + 4), area.getMaxX() - w - 4);
            double by = Math.min(Math.max(c[2] - h / 2.0 - 2, area.getMinY() + 2), area.getMaxY() - h - 4);
            Rectangle2D box = new Rectangle2D.Double(bx - 3, by, w + 6, h + 4);
            boolean free = true;
            for (Rectangle2D p : placed) if (p.intersects(box)) { free = false; break; }
            if (!free) continue;
            placed.add(box);
            return box;
        }
        return null;
    }

    /** contour segments (fractional index coordinates) drawn as black lines over a white halo, with a label */
    static final class ContourAnnotation extends AbstractXYAnnotation {
        private final transient Axis ax;
        private final transient Axis ay;
        private final transient List<Contours.Segment> segments;
        private final float[] dash;
        private final String label;
        private final Font font;
        private final Color colour;
        private final transient LabelSlots slots;

        /** label null: no label on the line */
        ContourAnnotation(Axis ax, Axis ay, List<Contours.Segment> segments, float[] dash, String label, Font font,
                          Color colour, LabelSlots slots) {
            this.font = font;
            this.colour = colour;
            this.ax = ax;
            this.ay = ay;
            this.segments = segments;
            this.dash = dash;
            this.label = label;
            this.slots = slots;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                         int rendererIndex, PlotRenderingInfo info) {
            RectangleEdge xe = plot.getDomainAxisEdge(), ye = plot.getRangeAxisEdge();
            Path2D path = new Path2D.Double();
            // label candidates: segment midpoints, best first (long segments near the plot's upper-left interior)
            List<double[]> candidates = new java.util.ArrayList<>();
            for (Contours.Segment s : segments) {
                double x1 = xAxis.valueToJava2D(ax.valueAt(s.x1()), area, xe);
                double y1 = yAxis.valueToJava2D(ay.valueAt(s.y1()), area, ye);
                double x2 = xAxis.valueToJava2D(ax.valueAt(s.x2()), area, xe);
                double y2 = yAxis.valueToJava2D(ay.valueAt(s.y2()), area, ye);
                path.moveTo(x1, y1);
                path.lineTo(x2, y2);
                double len = Math.hypot(x2 - x1, y2 - y1);
                if (len > 0) candidates.add(new double[]{len - 0.02 * (x1 - area.getMinX()), (x1 + x2) / 2, (y1 + y2) / 2});
            }
            candidates.sort((a, b) -> Double.compare(b[0], a[0]));
            Shape oldClip = g2.getClip();
            g2.clip(area);
            if (label != null) { // simulated contours get a white halo; theory lines are drawn thin on top
                g2.setPaint(new Color(255, 255, 255, 200));
                g2.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g2.draw(path);
            }
            g2.setPaint(colour);
            g2.setStroke(stroke(dash, label != null ? 2f : 1.8f));
            g2.draw(path);
            if (label != null && !candidates.isEmpty()) {
                g2.setFont(font);
                java.awt.FontMetrics fm = g2.getFontMetrics();
                int w = fm.stringWidth(label), h = fm.getAscent();
                List<Rectangle2D> placed = slots == null ? new java.util.ArrayList<>() : slots.in(area);
                Rectangle2D box = place(candidates, w, h, area, placed);
                if (box != null) {
                    Runnable paint = () -> {
                        Shape clip = g2.getClip();
                        g2.clip(area);
                        g2.setFont(font);
                        g2.setPaint(new Color(255, 255, 255, 225));
                        g2.fill(box);
                        g2.setPaint(Color.BLACK);
                        g2.drawString(label, (float) (box.getX() + 3), (float) (box.getY() + h));
                        g2.setClip(clip);
                    };
                    if (slots != null) slots.later(paint);
                    else paint.run();
                }
            }
            g2.setClip(oldClip);
        }
    }

    /** the current configuration: a white ring with a black outline and a black centre dot */
    static final class MarkerAnnotation extends AbstractXYAnnotation {
        private final double x;
        private final double y;

        MarkerAnnotation(double x, double y) {
            this.x = x;
            this.y = y;
        }

        static Shape shape(double cx, double cy) { return new Ellipse2D.Double(cx - 8, cy - 8, 16, 16); }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                         int rendererIndex, PlotRenderingInfo info) {
            if (!xAxis.getRange().contains(x) || !yAxis.getRange().contains(y)) return;
            double px = xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
            double py = yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
            Shape ring = shape(px, py);
            g2.setStroke(new BasicStroke(5f));
            g2.setPaint(Color.BLACK);
            g2.draw(ring);
            g2.setStroke(new BasicStroke(2.5f));
            g2.setPaint(Color.WHITE);
            g2.draw(ring);
            g2.setPaint(Color.BLACK);
            g2.fill(new Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));
        }
    }
}
