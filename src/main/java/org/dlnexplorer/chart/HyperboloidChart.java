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
    private static final int SURFACE_U = 25, SURFACE_V = 49;
    private static final Color WIRE = new Color(0xBDBDBD);
    private static final Color AXIS = new Color(0x6A6A6A);
    /** the paths' projection fills this share of the plot area */
    private static final double FILL = 0.86;
    /** the clipping box extends the paths' bounds by this share of their largest span on each side */
    private static final double BOX_PAD = 0.3;
    /** the smallest box span (paths that barely move) */
    private static final double MIN_BOX = 0.2;
    /** a longer theory note does not fit the subtitle line next to the surface's name */
    private static final int NOTE_LENGTH = 60;

    private double azimuth = DEFAULT_AZIMUTH;
    private double elevation = DEFAULT_ELEVATION;

    HyperboloidChart(ChartStyle style) {
        super(ViewId.HYPERBOLOID, style);
    }

    @Override
    public Drawable drawable() { return this; }

    /** the app's stand-in for its 3D view (no 3D on this display): the title says it is a 2-D projection */
    public void setFallback(boolean on) { fallback = on; }

    private boolean fallback;

    public void setView(double azimuthRadians, double elevationRadians) {
        azimuth = azimuthRadians;
        elevation = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, elevationRadians));
    }

    public double azimuth() { return azimuth; }
    public double elevation() { return elevation; }

    @Override
    protected void rebuild() {}   // drawn from the run set at paint time

    @Override
    protected void moveCursor() {}

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
        ViewApplicability.Reason why = ViewApplicability.whyNot(ViewId.HYPERBOLOID, rs);
        if (why != null || neurons.isEmpty()) {
            MessageChart.drawMessage(g, area, style, title, why == null ? "no run to draw" : why.message(),
                    why == null ? null : why.detail());
            return;
        }
        Trajectory first = neurons.get(0).trajectory();
        boolean d2 = first.widths()[0] == 2;
        if (!d2) title = "Hyperboloid: paths in (a, w·β̂*, ‖w⊥‖)";
        if (fallback) title = title.replace("Hyperboloid:", "Hyperboloid (2-D, no 3D here):");
        SingleNeuron.Paths scenePaths = SingleNeuron.Paths.of(neurons);
        double[] betaStar = scenePaths.betaStar();
        List<double[][]> sims = scenePaths.simulated(), exacts = scenePaths.exact();
        double extent = scenePaths.extent();
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
        if (theory.length() > NOTE_LENGTH) theory = "theory unavailable";
        // low-rank Σxx: the minima a·w ∈ β* + null(Σxx) are a surface, not the hyperbola a·w = β*
        boolean hyperbola = !d2 || first.setup() == null || FunctionSpaceChart.nullVector(first.setup().task().sigmaXX()) == null;
        // a compare set has one surface per δ: the first member's is drawn (faintly), and the note says whose
        String sub = (neurons.size() > 1 ? "surface of " + neurons.get(0).label() + " (first member): " : "surface: ")
                + SingleNeuron.surfaceKind(delta) + (neurons.size() > 1 ? "" : ", δ = " + Fmt.num(delta)) + " · " + theory;
        MessageChart.centered(g, sub, area, top + sf.getSize() * 1.1);
        top += sf.getSize() * 1.6;

        // legend entries (drawn at the bottom)
        List<Object[]> legend = new ArrayList<>();
        boolean compare = neurons.size() > 1;
        for (int r = 0; r < neurons.size(); r++)
            legend.add(new Object[]{compare ? neurons.get(r).label() : "simulated path", ChartStyle.color(compare ? r : 0), style.solid()});
        if (anyExact) legend.add(new Object[]{"exact", ChartStyle.TEXT, style.dashed()});
        if (hyperbola) legend.add(new Object[]{"minima a·w = β*", ChartStyle.TEXT, style.dotted()});
        legend.add(new Object[]{"conserved δ surface", WIRE, new BasicStroke(1.2f)});
        // the legend in as many centred rows as it needs (one row was cut at both ends in a narrow view)
        g.setFont(lf);
        List<List<Object[]>> legendRows = legendRows(legend, g.getFontMetrics(), area.getWidth() - 16);
        double rowH = lf.getSize() * 1.8, legendH = rowH * legendRows.size();
        Rectangle2D plot = new Rectangle2D.Double(area.getX() + 8, top, area.getWidth() - 16,
                Math.max(10, area.getMaxY() - top - legendH - 4));

        // the box around the paths: surface, hyperbola and axes are cut to it (no stray fragments)
        // framed with the origin (the saddle, the cone's apex) so that the axes and the surface's shape show
        List<double[][]> framed = new ArrayList<>(sims);
        framed.addAll(exacts);
        framed.add(new double[][]{{0, 0, 0}});
        double[][] box = box(framed);
        double boxExtent = 0;
        for (double[] b : box) boxExtent = Math.max(boxExtent, Math.max(Math.abs(b[0]), Math.abs(b[1])));
        extent = Math.max(extent, boxExtent);
        // projection: the paths' projected bounding box fills the plot area (camera fitted to the paths)
        double[] fit = projectedBounds(framed, box);
        double s = Math.min(plot.getWidth() / (fit[1] - fit[0]), plot.getHeight() / (fit[3] - fit[2])) * FILL;
        double cx = plot.getCenterX() - s * (fit[0] + fit[1]) / 2, cy = plot.getCenterY() + s * (fit[2] + fit[3]) / 2;
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
            for (double[][] ring : sheet) g.draw(simplifier.forDrawing(g, polyline(ring, toScreen, box)));
            for (int j = 0; j < SURFACE_V - 1; j += 2) {
                double[][] meridian = new double[sheet.length][];
                for (int i = 0; i < sheet.length; i++) meridian[i] = sheet[i][j];
                g.draw(simplifier.forDrawing(g, polyline(meridian, toScreen, box)));
            }
        }
        // axes through the origin, where they cross the box, labelled at their positive ends
        g.setStroke(new BasicStroke(Math.max(1f, style.lineWidth() * 0.4f)));
        Font axisFont = style.axisLabelFont().deriveFont(Font.BOLD);
        g.setFont(axisFont);
        String[] names = d2 ? new String[]{"a", "w₁", "w₂"} : new String[]{"a", "w·β̂*", "‖w⊥‖"};
        for (int k = 0; k < 3; k++) {
            boolean through = true;
            for (int j = 0; j < 3; j++) if (j != k) through &= box[j][0] <= 0 && 0 <= box[j][1];
            if (!through || box[k][1] <= 0) continue;
            double[] lo = new double[3], hi = new double[3];
            lo[k] = Math.max(box[k][0], -extent);
            hi[k] = box[k][1];
            double[] p0 = toScreen.apply(lo), p1 = toScreen.apply(hi);
            g.setPaint(AXIS);
            g.draw(new Line2D.Double(p0[0], p0[1], p1[0], p1[1]));
            g.setPaint(ChartStyle.TEXT);
            if (plot.contains(p1[0], p1[1])) labelAt(g, names[k], p1, p0, plot);
        }
        // minima hyperbola
        g.setPaint(ChartStyle.TEXT);
        g.setStroke(style.dotted());
        if (hyperbola) for (double[][] c : SingleNeuron.minima(betaStar, extent)) g.draw(simplifier.forDrawing(g, polyline(c, toScreen, box)));
        // paths: exact under simulated
        for (int r = 0; r < neurons.size(); r++) {
            Color c = ChartStyle.color(compare ? r : 0);
            if (exacts.get(r) != null) {
                g.setPaint(c.darker());
                g.setStroke(style.dashed());
                g.draw(simplifier.forDrawing(g, polyline(exacts.get(r), toScreen, null)));
            }
            g.setPaint(c);
            g.setStroke(style.solid());
            double[][] p = sims.get(r);
            g.draw(simplifier.forDrawing(g, polyline(p, toScreen, null)));
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
        triad(g, plot, names);
        // legend
        g.setFont(lf);
        double ly = area.getMaxY() - legendH + rowH / 2;
        for (List<Object[]> row : legendRows) {
            double lx = area.getCenterX() - entriesWidth(row, g.getFontMetrics()) / 2;
            for (Object[] e : row) {
                g.setPaint((Paint) e[1]);
                g.setStroke((Stroke) e[2]);
                g.draw(new Line2D.Double(lx, ly, lx + 32, ly));
                g.setPaint(ChartStyle.TEXT);
                g.drawString((String) e[0], (float) (lx + 40), (float) (ly + lf.getSize() * 0.35));
                lx += 40 + g.getFontMetrics().stringWidth((String) e[0]) + 24;
            }
            ly += rowH;
        }
    }

    /** width of legend entries side by side: a 32 px line, its text, a gap */
    private static double entriesWidth(List<Object[]> row, java.awt.FontMetrics fm) {
        double w = 0;
        for (Object[] e : row) w += 40 + fm.stringWidth((String) e[0]) + 24;
        return w - 24;
    }

    /** the legend entries in rows no wider than width (an entry wider than a row has its own row) */
    static List<List<Object[]>> legendRows(List<Object[]> entries, java.awt.FontMetrics fm, double width) {
        List<List<Object[]>> rows = new ArrayList<>();
        List<Object[]> row = new ArrayList<>();
        for (Object[] e : entries) {
            row.add(e);
            if (row.size() > 1 && entriesWidth(row, fm) > width) {
                row.remove(row.size() - 1);
                rows.add(row);
                row = new ArrayList<>();
                row.add(e);
            }
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private static boolean inside(double[] p, double[][] box) {
        for (int k = 0; k < 3; k++) if (p[k] < box[k][0] || p[k] > box[k][1]) return false;
        return true;
    }

    static int nearest(double[] t, double x) {
        int best = 0;
        for (int i = 1; i < t.length; i++) if (Math.abs(t[i] - x) < Math.abs(t[best] - x)) best = i;
        return best;
    }

    /** the paths' bounding box per coordinate, padded by BOX_PAD of the largest span (at least MIN_BOX) */
    static double[][] box(List<double[][]> paths) {
        double[][] b = {{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}};
        for (double[][] p : paths) if (p != null) for (double[] q : p)
            if (q != null && Double.isFinite(q[0]) && Double.isFinite(q[1]) && Double.isFinite(q[2]))
                for (int k = 0; k < 3; k++) { b[k][0] = Math.min(b[k][0], q[k]); b[k][1] = Math.max(b[k][1], q[k]); }
        double span = MIN_BOX;
        for (double[] r : b) if (r[1] >= r[0]) span = Math.max(span, r[1] - r[0]);
        for (double[] r : b) {
            if (!(r[1] >= r[0])) { r[0] = -span / 2; r[1] = span / 2; }
            r[0] -= BOX_PAD * span;
            r[1] += BOX_PAD * span;
        }
        return b;
    }

    /** {xmin, xmax, ymin, ymax} of the projected paths (the box's when there are none) */
    private double[] projectedBounds(List<double[][]> paths, double[][] box) {
        double[] f = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] p : paths) if (p != null) for (double[] q : p) {
            if (q == null || !Double.isFinite(q[0]) || !Double.isFinite(q[1]) || !Double.isFinite(q[2])) continue;
            double[] s = project(q);
            f[0] = Math.min(f[0], s[0]); f[1] = Math.max(f[1], s[0]);
            f[2] = Math.min(f[2], s[1]); f[3] = Math.max(f[3], s[1]);
        }
        if (!(f[1] >= f[0])) {
            for (int c = 0; c < 8; c++) {
                double[] s = project(new double[]{box[0][c & 1], box[1][(c >> 1) & 1], box[2][(c >> 2) & 1]});
                f[0] = Math.min(f[0], s[0]); f[1] = Math.max(f[1], s[0]);
                f[2] = Math.min(f[2], s[1]); f[3] = Math.max(f[3], s[1]);
            }
        }
        // never thinner than a fifth of the other side (a straight path seen edge-on)
        double w = Math.max(f[1] - f[0], 1e-9), h = Math.max(f[3] - f[2], 1e-9), m = Math.max(w, h) / 5;
        if (w < m) { f[0] -= (m - w) / 2; f[1] += (m - w) / 2; }
        if (h < m) { f[2] -= (m - h) / 2; f[3] += (m - h) / 2; }
        return f;
    }

    /** an axis name just beyond the positive end p1 (away from p0), kept inside the plot */
    private static void labelAt(Graphics2D g, String name, double[] p1, double[] p0, Rectangle2D plot) {
        double dx = p1[0] - p0[0], dy = p1[1] - p0[1], n = Math.hypot(dx, dy);
        if (n == 0) n = 1;
        var fm = g.getFontMetrics();
        double x = p1[0] + 0.9 * fm.getHeight() * dx / n - fm.stringWidth(name) / 2.0;
        double y = p1[1] + 0.9 * fm.getHeight() * dy / n + fm.getAscent() / 2.0;
        x = Math.max(plot.getX() + 4, Math.min(plot.getMaxX() - fm.stringWidth(name) - 4, x));
        y = Math.max(plot.getY() + fm.getAscent() + 2, Math.min(plot.getMaxY() - 4, y));
        g.drawString(name, (float) x, (float) y);
    }

    /** an orientation triad (a, w₁, w₂ directions) in the plot's lower-left corner */
    private void triad(Graphics2D g, Rectangle2D plot, String[] names) {
        double len = Math.min(plot.getWidth(), plot.getHeight()) * 0.07;
        double ox = plot.getX() + len * 1.6, oy = plot.getMaxY() - len * 1.6;
        g.setStroke(new BasicStroke(Math.max(1.5f, style.lineWidth() * 0.6f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setFont(style.annotationFont().deriveFont(Font.BOLD));
        for (int k = 0; k < 3; k++) {
            double[] e = new double[3];
            e[k] = 1;
            double[] q = project(e);
            double x1 = ox + len * q[0], y1 = oy - len * q[1];
            g.setPaint(ChartStyle.TEXT);
            g.draw(new Line2D.Double(ox, oy, x1, y1));
            labelAt(g, names[k], new double[]{x1, y1}, new double[]{ox, oy}, plot);
        }
    }

    /** the screen-space polylines are drawn simplified when the Graphics2D asks for it */
    private final PathSimplifier simplifier = new PathSimplifier();

    private static Path2D polyline(double[][] pts, java.util.function.Function<double[], double[]> f, double[][] box) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (double[] p : pts) {
            boolean ok = p != null && Double.isFinite(p[0]) && Double.isFinite(p[1]) && Double.isFinite(p[2])
                    && (box == null || inside(p, box));
            if (!ok) { pen = false; continue; }
            double[] q = f.apply(p);
            if (pen) path.lineTo(q[0], q[1]); else path.moveTo(q[0], q[1]);
            pen = true;
        }
        return path;
    }
}
