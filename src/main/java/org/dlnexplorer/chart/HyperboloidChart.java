package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.ui.Drawable;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The hyperboloid view drawn in 2D: an orthographic projection of (a, w₁, w₂) seen from azimuth φ and
 * elevation θ, with the conserved-δ surface as a wireframe, the minima hyperbola a·w = β* (dotted),
 * the simulated paths (solid) and the exact paths (dashed). Used for export (vector art) and as the
 * app's fallback when the platform has no 3D.
 */
public final class HyperboloidChart extends ViewChart implements Drawable {
    public static final double DEFAULT_AZIMUTH = Math.toRadians(35);
    public static final double DEFAULT_ELEVATION = Math.toRadians(20);
    private static final int SURFACE_U = 13, SURFACE_V = 33;
    private static final Color WIRE = new Color(0x9A9A9A);

    private double azimuth = DEFAULT_AZIMUTH;
    private double elevation = DEFAULT_ELEVATION;
    private Runnable onChange = () -> { };

    HyperboloidChart(ChartStyle style) {
        super(ViewId.HYPERBOLOID, style);
    }

    @Override
    public Drawable drawable() { return this; }

    /** called after every change (the app repaints its canvas) */
    public void setOnChange(Runnable r) { onChange = r == null ? () -> { } : r; }

    public void setView(double azimuthRadians, double elevationRadians) {
        azimuth = azimuthRadians;
        elevation = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, elevationRadians));
        onChange.run();
    }

    public double azimuth() { return azimuth; }
    public double elevation() { return elevation; }

    @Override
    protected void rebuild() { onChange.run(); }

    @Override
    protected void moveCursor() { onChange.run(); }

    /** screen (x, y up) of a world point (a, w₁, w₂) */
    private double[] project(double[] p) {
        double a = p[0], x = p[1], y = p[2];
        double sx = x * Math.cos(azimuth) - y * Math.sin(azimuth);
        double depth = x * Math.sin(azimuth) + y * Math.cos(azimuth);
        double sy = a * Math.cos(elevation) + depth * Math.sin(elevation);
        return new double[]{sx, sy};
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        RunSet rs = runs;
        String title = "Hyperboloid: paths in (a, w₁, w₂)";
        List<RunSet.Labeled> neurons = new ArrayList<>();
        if (rs != null) for (RunSet.Labeled l : rs.runs()) if (SingleNeuron.applies(l.trajectory())) neurons.add(l);
        if (rs == null || rs.runs().isEmpty()) {
            MessageChart.drawMessage(g, area, style, title, "computing…", null);
            return;
        }
        if (neurons.isEmpty()) {
            MessageChart.drawMessage(g, area, style, title, "needs one hidden neuron: widths [d, 1, 1]",
                    "this network has widths " + java.util.Arrays.toString(rs.runs().get(0).trajectory().widths()));
            return;
        }
        Trajectory first = neurons.get(0).trajectory();
        boolean d2 = first.widths()[0] == 2;
        if (!d2) title = "Hyperboloid: paths in (a, w·β̂*, ‖w⊥‖)";
        double[] betaStar = SingleNeuron.betaStar(first);
        List<double[][]> sims = new ArrayList<>(), exacts = new ArrayList<>();
        for (RunSet.Labeled l : neurons) {
            sims.add(SingleNeuron.path(l.trajectory()));
            exacts.add(SingleNeuron.exactPath(l.trajectory()));
        }
        List<double[][]> all = new ArrayList<>(sims);
        all.addAll(exacts);
        double extent = SingleNeuron.extent(all, betaStar);
        double delta = SingleNeuron.delta(first);

        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        // title and subtitle
        Font tf = style.titleFont(), sf = style.subtitleFont(), lf = style.legendFont();
        double top = area.getY() + 4;
        g.setFont(tf);
        g.setPaint(ChartStyle.TEXT);
        MessageChart.centered(g, title, area, top + tf.getSize() * 1.1);
        top += tf.getSize() * 1.5;
        g.setFont(sf);
        g.setPaint(ChartStyle.MUTED);
        boolean anyExact = exacts.stream().anyMatch(p -> p != null);
        String theory = anyExact ? "dashed: exact path" : XyViewChart.theoryNote(rs);
        String sub = "surface: " + SingleNeuron.surfaceKind(delta) + ", δ = " + Fmt.num(delta)
                + (neurons.size() > 1 ? " (" + neurons.get(0).label() + ")" : "") + " · " + theory;
        MessageChart.centered(g, sub, area, top + sf.getSize() * 1.1);
        top += sf.getSize() * 1.6;

        // legend entries (drawn at the bottom)
        List<Object[]> legend = new ArrayList<>();
        boolean compare = neurons.size() > 1;
        for (int r = 0; r < neurons.size(); r++)
            legend.add(new Object[]{compare ? neurons.get(r).label() : "simulated path", ChartStyle.color(compare ? r : 0), style.solid()});
        if (anyExact) legend.add(new Object[]{"exact", ChartStyle.TEXT, style.dashed()});
        legend.add(new Object[]{"minima a·w = β*", ChartStyle.TEXT, style.dotted()});
        legend.add(new Object[]{"conserved δ surface", WIRE, new BasicStroke(1.2f)});
        double legendH = lf.getSize() * 1.8;
        Rectangle2D plot = new Rectangle2D.Double(area.getX() + 8, top, area.getWidth() - 16,
                Math.max(10, area.getMaxY() - top - legendH - 4));

        // projection scale: the cube [−E, E]³ fits the plot area
        double s = Math.min(plot.getWidth(), plot.getHeight()) / (2 * extent * 1.25);
        double cx = plot.getCenterX(), cy = plot.getCenterY();
        java.util.function.Function<double[], double[]> toScreen = p -> {
            double[] q = project(p);
            return new double[]{cx + s * q[0], cy - s * q[1]};
        };
        Shape oldClip = g.getClip();
        g.clip(plot);

        // wireframe surface
        g.setPaint(WIRE);
        g.setStroke(new BasicStroke(Math.max(0.8f, style.lineWidth() * 0.35f)));
        for (double[][][] sheet : SingleNeuron.surface(delta, SingleNeuron.rates(first), extent, SURFACE_U, SURFACE_V)) {
            for (double[][] ring : sheet) g.draw(polyline(ring, toScreen, extent));
            for (int j = 0; j < SURFACE_V - 1; j += 2) {
                double[][] meridian = new double[sheet.length][];
                for (int i = 0; i < sheet.length; i++) meridian[i] = sheet[i][j];
                g.draw(polyline(meridian, toScreen, extent));
            }
        }
        // axes through the origin
        g.setStroke(new BasicStroke(Math.max(1f, style.lineWidth() * 0.5f)));
        g.setFont(style.axisLabelFont());
        String[] names = d2 ? new String[]{"a", "w₁", "w₂"} : new String[]{"a", "w·β̂*", "‖w⊥‖"};
        for (int k = 0; k < 3; k++) {
            double[] lo = new double[3], hi = new double[3];
            lo[k] = -extent;
            hi[k] = extent;
            double[] p0 = toScreen.apply(lo), p1 = toScreen.apply(hi);
            g.setPaint(ChartStyle.TEXT);
            g.draw(new Line2D.Double(p0[0], p0[1], p1[0], p1[1]));
            double[] lab = hi.clone();
            lab[k] = extent * 1.12;
            double[] pl = toScreen.apply(lab);
            g.drawString(names[k], (float) (pl[0] - 6), (float) (pl[1] + 6));
        }
        // minima hyperbola
        g.setPaint(ChartStyle.TEXT);
        g.setStroke(style.dotted());
        for (double[][] c : SingleNeuron.minima(betaStar, extent)) g.draw(polyline(c, toScreen, extent));
        // paths: exact under simulated
        for (int r = 0; r < neurons.size(); r++) {
            Color c = ChartStyle.color(compare ? r : 0);
            if (exacts.get(r) != null) {
                g.setPaint(c.darker());
                g.setStroke(style.dashed());
                g.draw(polyline(exacts.get(r), toScreen, Double.POSITIVE_INFINITY));
            }
            g.setPaint(c);
            g.setStroke(style.solid());
            double[][] p = sims.get(r);
            g.draw(polyline(p, toScreen, Double.POSITIVE_INFINITY));
            double dot = style.lineWidth() * 2.2;
            double[] start = toScreen.apply(p[0]);
            g.setStroke(new BasicStroke(style.lineWidth() * 0.7f));
            g.draw(new Ellipse2D.Double(start[0] - dot, start[1] - dot, 2 * dot, 2 * dot));
            if (Double.isFinite(cursorT)) {
                int i = nearest(neurons.get(r).trajectory().times(), cursorT);
                double[] q = toScreen.apply(p[i]);
                g.fill(new Ellipse2D.Double(q[0] - dot, q[1] - dot, 2 * dot, 2 * dot));
            }
        }
        g.setClip(oldClip);
        // legend
        g.setFont(lf);
        double totalW = 0;
        for (Object[] e : legend) totalW += 40 + g.getFontMetrics().stringWidth((String) e[0]) + 24;
        double lx = area.getCenterX() - totalW / 2, ly = area.getMaxY() - legendH / 2;
        for (Object[] e : legend) {
            g.setPaint((Paint) e[1]);
            g.setStroke((Stroke) e[2]);
            g.draw(new Line2D.Double(lx, ly, lx + 32, ly));
            g.setPaint(ChartStyle.TEXT);
            g.drawString((String) e[0], (float) (lx + 40), (float) (ly + lf.getSize() * 0.35));
            lx += 40 + g.getFontMetrics().stringWidth((String) e[0]) + 24;
        }
    }

    static int nearest(double[] t, double x) {
        int best = 0;
        for (int i = 1; i < t.length; i++) if (Math.abs(t[i] - x) < Math.abs(t[best] - x)) best = i;
        return best;
    }

    private static Path2D polyline(double[][] pts, java.util.function.Function<double[], double[]> f, double limit) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (double[] p : pts) {
            boolean ok = p != null && Double.isFinite(p[0]) && Double.isFinite(p[1]) && Double.isFinite(p[2])
                    && Math.abs(p[0]) <= limit * 1.05 && Math.abs(p[1]) <= limit * 1.05 && Math.abs(p[2]) <= limit * 1.05;
            if (!ok) { pen = false; continue; }
            double[] q = f.apply(p);
            if (pen) path.lineTo(q[0], q[1]); else path.moveTo(q[0], q[1]);
            pen = true;
        }
        return path;
    }
}
