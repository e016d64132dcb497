package org.dlnexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One projected picture of the single neuron's parameter space (a, w₁, w₂) (for d ≠ 2: (a, w·β̂*, ‖w⊥‖)), seen
 * from azimuth φ and elevation θ: the conserved-δ surfaces (every sheet, within the cube |·| ≤ extent), each
 * start's basin (seed 002 App. A) as the tint of a single grey surface, the basin-separating curves, the minima
 * hyperbola a·w = β*, the axes, and the paths (simulated solid, exact dashed). The whole geometry is framed:
 * the projected surfaces and paths fill the plot. Shared by the hyperboloid and hyperboloid-geometries views.
 */
final class HyperboloidScene {
    static final Color WIRE = new Color(0xBDBDBD);
    /** the tints of the two basins on a single grey surface: towards a &gt; 0, towards a &lt; 0 */
    static final Color BASIN_PLUS = new Color(0x8DB6DD), BASIN_MINUS = new Color(0xE5AE90);
    static final Color SEPARATRIX = new Color(0x9B2226);
    private static final Color AXIS = new Color(0x6A6A6A);
    private static final int SURFACE_U = 21, SURFACE_V = 41, SPARSE_U = 9, SPARSE_V = 25, CURVE_POINTS = 121;
    /** a member's outline: profile resolution (odd: a ring at a = 0) and ring resolution */
    private static final int OUTLINE_U = 41, OUTLINE_V = 73, OUTLINE_ALPHA = 170;
    /** the same in a draft while dragging ({@link Draft}): about half the wires (odd: the ring at a = 0 stays) */
    private static final int DRAFT_OUTLINE_U = 21, DRAFT_OUTLINE_V = 37;
    /** share of the plot the projected geometry fills */
    private static final double FILL = 0.94;
    /** the paths are drawn this many line widths wide (they are the story; the surfaces are the stage) */
    private static final float PATH_WIDTH = 1.7f;

    /**
     * A surface to draw: its δ, and its member's colour, or null for the grey surface tinted by basin. δ is kept
     * to {@link #DELTA_DIGITS} significant digits: measured from the weights it carries round-off that changes
     * with τ (−0.9999999999999999 at one τ, −1.0 at the next), which no pixel shows but which made every τ step
     * of a drag draw the stage again instead of pasting it.
     */
    record Surface(double delta, Color color) {
        Surface {
            delta = significant(delta);
        }
    }

    /** the significant digits a surface's δ keeps */
    static final int DELTA_DIGITS = 12;

    /** v to DELTA_DIGITS significant digits (0, NaN and ±∞ as they are) */
    static double significant(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(DELTA_DIGITS)).doubleValue();
    }

    /** a path to draw: simulated (a, x, y) per frame, exact or null, its colour and frame times */
    record PathLine(double[][] simulated, double[][] exact, Color color, double[] times) {}

    private final ChartStyle style;
    private final double azimuth, elevation;
    private final PathSimplifier simplifier;
    /** the stage's pixels of the last picture, or null (drawn every time) */
    private final LayerCache layers;

    HyperboloidScene(ChartStyle style, double azimuth, double elevation, PathSimplifier simplifier, LayerCache layers) {
        this.style = style;
        this.azimuth = azimuth;
        this.elevation = elevation;
        this.simplifier = simplifier;
        this.layers = layers;
    }

    /** screen (x, y up) of a world point (a, w₁, w₂) */
    double[] project(double[] p) {
        double a = p[0], x = p[1], y = p[2];
        double sx = x * Math.cos(azimuth) - y * Math.sin(azimuth);
        double depth = x * Math.sin(azimuth) + y * Math.cos(azimuth);
        double sy = a * Math.cos(elevation) + depth * Math.sin(elevation);
        return new double[]{sx, sy};
    }

    /** the cube's half-width: holds the paths and β*'s minima and shows every surface's vertex or waist */
    static double extent(List<Surface> surfaces, List<PathLine> paths, double[] betaStar, double[] rates) {
        List<double[][]> all = new ArrayList<>();
        for (PathLine p : paths) { all.add(p.simulated()); if (p.exact() != null) all.add(p.exact()); }
        List<Double> deltas = new ArrayList<>();
        for (Surface s : surfaces) deltas.add(s.delta());
        return SingleNeuron.frameExtent(all, betaStar, deltas, rates);
    }

    /** draws everything into plot; returns the names of the axes for a triad */
    void draw(Graphics2D g, Rectangle2D plot, List<Surface> surfaces, List<PathLine> paths, double[] betaStar,
              double[] rates, double extent, boolean d2, boolean hyperbola, double cursorT) {
        // fit: the projected surfaces and paths fill the plot
        double[] fit = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Surface s : surfaces)
            for (double[][][] sheet : SingleNeuron.sharedSurface(s.delta(), rates, extent, SPARSE_U, SPARSE_V))
                for (double[][] ring : sheet) for (double[] p : ring) grow(fit, p);
        for (PathLine p : paths) {
            for (double[] q : p.simulated()) grow(fit, q);
            if (p.exact() != null) for (double[] q : p.exact()) grow(fit, q);
        }
        grow(fit, new double[]{0, 0, 0});
        double w = Math.max(fit[1] - fit[0], 1e-9), h = Math.max(fit[3] - fit[2], 1e-9);
        double s = Math.min(plot.getWidth() / w, plot.getHeight() / h) * FILL;
        double cx = plot.getCenterX() - s * (fit[0] + fit[1]) / 2, cy = plot.getCenterY() + s * (fit[2] + fit[3]) / 2;
        java.util.function.Function<double[], double[]> toScreen = p -> {
            double[] q = project(p);
            return new double[]{cx + s * q[0], cy - s * q[1]};
        };
        Shape oldClip = g.getClip();
        g.clip(plot);
        ClearLabel labels = new ClearLabel();
        // the stage (surfaces, separating curves, axes, minima): pasted when its inputs are the last picture's
        List<Double> rateList = List.of(rates[0], rates[1]), beta = new ArrayList<>();
        if (betaStar != null) for (double b : betaStar) beta.add(b);
        Object stageKey = List.of(style, azimuth, elevation, List.copyOf(surfaces), rateList, extent, betaStar == null ? "none" : beta,
                hyperbola, s, cx, cy);
        Stage stage = layers == null ? drawStage(g, surfaces, rates, extent, betaStar, hyperbola, toScreen)
                : layers.draw(g, stageKey, lg -> drawStage(lg, surfaces, rates, extent, betaStar, hyperbola, toScreen));
        for (int i = 0; i < stage.curves().size(); i++) labels.curve(stage.curves().get(i), stage.widths().get(i));
        double[][][] axes = stage.axes();
        g.setClip(oldClip);
        double dot = style.lineWidth() * 2.2;
        for (PathLine p : paths) {
            g.setPaint(p.color());
            g.setStroke(new BasicStroke(style.lineWidth() * PATH_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D sim = polyline(p.simulated(), toScreen);
            g.draw(simplifier.forDrawing(g, sim));
            labels.curve(sim, style.lineWidth() * PATH_WIDTH);
            if (p.exact() != null) {   // over the thicker simulated path, so both show
                g.setPaint(p.color().darker().darker());
                g.setStroke(style.dashed());
                g.draw(simplifier.forDrawing(g, polyline(p.exact(), toScreen)));
            }
            double[] start = toScreen.apply(p.simulated()[0]);
            labels.box(new Rectangle2D.Double(start[0] - dot, start[1] - dot, 2 * dot, 2 * dot));
            g.setStroke(new BasicStroke(style.lineWidth() * 0.7f));
            g.setPaint(ChartStyle.BACKGROUND);
            g.fill(new Ellipse2D.Double(start[0] - dot, start[1] - dot, 2 * dot, 2 * dot));
            g.setPaint(p.color());
            g.draw(new Ellipse2D.Double(start[0] - dot, start[1] - dot, 2 * dot, 2 * dot));
            if (Double.isFinite(cursorT)) {
                double[] q = toScreen.apply(p.simulated()[HyperboloidChart.nearest(p.times(), cursorT)]);
                g.fill(new Ellipse2D.Double(q[0] - dot, q[1] - dot, 2 * dot, 2 * dot));
                labels.box(new Rectangle2D.Double(q[0] - dot, q[1] - dot, 2 * dot, 2 * dot));
            }
        }
        g.setPaint(ChartStyle.TEXT);
        g.setFont(style.axisLabelFont().deriveFont(Font.BOLD));
        String[] names = names(d2);
        for (int k = 0; k < 3; k++) labels.draw(g, names[k], axes[k][0], axes[k][1], plot);
    }

    /** the stage's screen curves the axis names keep clear of (with their line widths), and the axes' ends */
    record Stage(List<Shape> curves, List<Double> widths, double[][][] axes) {
        void curve(Shape s, double width) { curves.add(s); widths.add(width); }
    }

    /** the surfaces, their separating curves (App. A), the axes and the minima, clipped to the plot */
    private Stage drawStage(Graphics2D g, List<Surface> surfaces, double[] rates, double extent, double[] betaStar,
                            boolean hyperbola, java.util.function.Function<double[], double[]> toScreen) {
        boolean single = surfaces.size() == 1 && surfaces.get(0).color() == null;
        Stage labels = new Stage(new ArrayList<>(), new ArrayList<>(), new double[3][][]);
        for (Surface sf : surfaces) drawSurface(g, sf, rates, extent, betaStar, toScreen, single, labels);
        // the separating curves (App. A) on each surface with δ ≤ 0
        g.setStroke(new BasicStroke(style.lineWidth() * 0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[]{5 * style.lineWidth(), 1.6f * style.lineWidth(), 1.2f * style.lineWidth(), 1.6f * style.lineWidth()}, 0f));
        float sepWidth = style.lineWidth() * 0.9f;
        for (Surface sf : surfaces) {
            g.setPaint(sf.color() == null ? SEPARATRIX : sf.color().darker());
            for (double[][] c : SingleNeuron.sharedSeparatrix(betaStar, sf.delta(), rates, extent, CURVE_POINTS)) {
                Path2D line = polyline(c, toScreen);
                g.draw(simplifier.forDrawing(g, line));
                labels.curve(line, sepWidth);
            }
        }
        // axes through the origin, labelled at their positive ends once the paths are drawn (clear of them)
        float axisWidth = Math.max(1f, style.lineWidth() * 0.4f);
        g.setStroke(new BasicStroke(axisWidth));
        double[][][] axes = labels.axes();
        for (int k = 0; k < 3; k++) {
            double[] lo = new double[3], hi = new double[3];
            lo[k] = -extent;
            hi[k] = extent;
            double[] p0 = toScreen.apply(lo), p1 = toScreen.apply(hi);
            axes[k] = new double[][]{p1, p0};
            g.setPaint(AXIS);
            Line2D axis = new Line2D.Double(p0[0], p0[1], p1[0], p1[1]);
            g.draw(axis);
            labels.curve(axis, axisWidth);
        }
        g.setPaint(ChartStyle.TEXT);
        g.setStroke(style.dotted());
        if (hyperbola) for (double[][] c : SingleNeuron.minima(betaStar, extent)) {
            Path2D line = polyline(c, toScreen);
            g.draw(simplifier.forDrawing(g, line));
            labels.curve(line, style.lineWidth());
        }
        return labels;
    }

    static String[] names(boolean d2) {
        return d2 ? new String[]{"a", "w₁", "w₂"} : new String[]{"a", "w·β̂*", "‖w⊥‖"};
    }

    /** the surface's rings and every other meridian; a single grey surface is tinted by basin */
    private void drawSurface(Graphics2D g, Surface sf, double[] rates, double extent, double[] betaStar,
                             java.util.function.Function<double[], double[]> toScreen, boolean tint, Stage labels) {
        if (sf.color() != null) { outline(g, sf, rates, extent, toScreen, labels); return; }
        boolean draft = Draft.wanted(g);   // while dragging: the sparse wire frame
        int nu = draft ? SPARSE_U : SURFACE_U, nv = draft ? SPARSE_V : SURFACE_V;
        Path2D plus = new Path2D.Double(), minus = new Path2D.Double();
        for (double[][][] sheet : SingleNeuron.sharedSurface(sf.delta(), rates, extent, nu, nv)) {
            for (double[][] ring : sheet) edges(ring, plus, minus, toScreen, betaStar, sf.delta(), rates, tint);
            for (int j = 0; j < nv - 1; j += 2) {
                double[][] meridian = new double[sheet.length][];
                for (int i = 0; i < sheet.length; i++) meridian[i] = sheet[i][j];
                edges(meridian, plus, minus, toScreen, betaStar, sf.delta(), rates, tint);
            }
        }
        g.setStroke(new BasicStroke(Math.max(0.8f, style.lineWidth() * 0.35f)));
        g.setPaint(tint ? BASIN_PLUS : WIRE);
        g.draw(simplifier.forDrawing(g, plus));
        g.setPaint(tint ? BASIN_MINUS : WIRE);
        g.draw(simplifier.forDrawing(g, minus));
    }

    /**
     * A member's own surface in its colour, as an outline that several can share a picture with: the two profiles
     * seen edge-on (meridians at θ = −φ and π − φ, φ the azimuth), the rims and, for one sheet, the waist a = 0.
     */
    private void outline(Graphics2D g, Surface sf, double[] rates, double extent,
                         java.util.function.Function<double[], double[]> toScreen, Stage labels) {
        Color c = sf.color();
        g.setPaint(new Color(c.getRed(), c.getGreen(), c.getBlue(), OUTLINE_ALPHA));
        float width = Math.max(1f, style.lineWidth() * 0.5f);
        g.setStroke(new BasicStroke(width));
        Path2D out = new Path2D.Double();
        boolean draft = Draft.wanted(g);
        for (double[][][] sheet : SingleNeuron.sharedSurface(sf.delta(), rates, extent, draft ? DRAFT_OUTLINE_U : OUTLINE_U,
                draft ? DRAFT_OUTLINE_V : OUTLINE_V)) {
            for (double th : new double[]{-azimuth, Math.PI - azimuth}) {
                double[][] profile = new double[sheet.length][];
                for (int i = 0; i < sheet.length; i++) {
                    double r = Math.hypot(sheet[i][0][1], sheet[i][0][2]);
                    profile[i] = new double[]{sheet[i][0][0], r * Math.cos(th), r * Math.sin(th)};
                }
                out.append(polyline(profile, toScreen), false);
            }
            out.append(polyline(sheet[0], toScreen), false);
            out.append(polyline(sheet[sheet.length - 1], toScreen), false);
            if (sf.delta() < -SingleNeuron.SHEET_EPS) out.append(polyline(sheet[sheet.length / 2], toScreen), false);
        }
        g.draw(simplifier.forDrawing(g, out));
        labels.curve(out, width);
    }

    /** the polyline's edges into the path of the basin of their midpoints (all into plus when not tinted) */
    private static void edges(double[][] pts, Path2D plus, Path2D minus, java.util.function.Function<double[], double[]> f,
                              double[] betaStar, double delta, double[] rates, boolean tint) {
        for (int i = 0; i + 1 < pts.length; i++) {
            double[] p = pts[i], q = pts[i + 1];
            double[] mid = {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
            Path2D into = !tint || betaStar == null || SingleNeuron.basinSide(mid, betaStar, delta, rates) > 0 ? plus : minus;
            double[] a = f.apply(p), b = f.apply(q);
            into.moveTo(a[0], a[1]);
            into.lineTo(b[0], b[1]);
        }
    }

    private void grow(double[] f, double[] p) {
        if (p == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !Double.isFinite(p[2])) return;
        double[] s = project(p);
        f[0] = Math.min(f[0], s[0]); f[1] = Math.max(f[1], s[0]);
        f[2] = Math.min(f[2], s[1]); f[3] = Math.max(f[3], s[1]);
    }

    static Path2D polyline(double[][] pts, java.util.function.Function<double[], double[]> f) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.max(pts.length, 2));   // no growing copies
        boolean pen = false;
        for (double[] p : pts) {
            boolean ok = p != null && Double.isFinite(p[0]) && Double.isFinite(p[1]) && Double.isFinite(p[2]);
            if (!ok) { pen = false; continue; }
            double[] q = f.apply(p);
            if (pen) path.lineTo(q[0], q[1]); else path.moveTo(q[0], q[1]);
            pen = true;
        }
        return path;
    }
}
