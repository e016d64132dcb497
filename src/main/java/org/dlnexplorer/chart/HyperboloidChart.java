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
import java.awt.Stroke;
import java.awt.geom.Line2D;
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

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        Draft.antialias(g);   // antialiased, except in a draft while dragging
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
        if (fallback) title = "Hyperboloid: 2-D fallback (no 3D here)";   // the picture names its axes
        SingleNeuron.Paths scenePaths = SingleNeuron.Paths.shared(neurons);
        double[] betaStar = scenePaths.betaStar();
        double[] rates = SingleNeuron.rates(first);
        boolean compare = neurons.size() > 1;
        List<HyperboloidScene.PathLine> lines = new ArrayList<>();
        List<HyperboloidScene.Surface> surfaces = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        for (int r = 0; r < neurons.size(); r++) {
            Color c = ChartStyle.color(compare ? r : 0);
            lines.add(new HyperboloidScene.PathLine(scenePaths.simulated().get(r), scenePaths.exact().get(r), c,
                    neurons.get(r).trajectory().times()));
            double d = SingleNeuron.delta(neurons.get(r).trajectory());
            if (deltas.stream().noneMatch(x -> sameDelta(x, d))) {
                deltas.add(d);
                surfaces.add(new HyperboloidScene.Surface(d, c));
            }
        }
        // one δ (a single run, or a compare set that varies something else): one grey surface, tinted by basin
        boolean shared = surfaces.size() == 1;
        if (shared) surfaces.set(0, new HyperboloidScene.Surface(deltas.get(0), null));
        boolean separates = deltas.stream().anyMatch(x -> x <= SingleNeuron.SHEET_EPS);
        double delta = deltas.get(0);

        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        Font tf = style.titleFont(), sf = style.subtitleFont(), lf = style.legendFont();
        double top = area.getY() + 4;
        g.setFont(tf);
        g.setPaint(ChartStyle.TEXT);
        MessageChart.centered(g, title, area, top + tf.getSize() * 1.1);
        top += tf.getSize() * 1.5;
        g.setFont(sf);
        g.setPaint(ChartStyle.MUTED);
        boolean anyExact = scenePaths.exact().stream().anyMatch(p -> p != null);
        String theory = anyExact ? "dashed: exact path" : XyViewChart.theoryNote(rs);
        if (theory.length() > NOTE_LENGTH) theory = "theory unavailable";
        // low-rank Σxx: the minima a·w ∈ β* + null(Σxx) are a surface, not the hyperbola a·w = β*
        boolean hyperbola = !d2 || first.setup() == null || FunctionSpaceChart.nullVector(first.setup().task().sigmaXX()) == null;
        String sub = shared ? SingleNeuron.surfaceKind(delta) + ", δ = " + Fmt.num(delta) + (compare ? " (all runs)" : "") + " · " + theory
                : "each run on its own surface (its colour) · " + theory;
        MessageChart.centered(g, sub, area, top + sf.getSize() * 1.1);
        top += sf.getSize() * 1.6;

        List<Object[]> legend = new ArrayList<>();
        for (int r = 0; r < neurons.size(); r++)
            legend.add(new Object[]{compare ? neurons.get(r).label() : "simulated path", ChartStyle.color(compare ? r : 0), style.solid()});
        if (anyExact) legend.add(new Object[]{"exact", ChartStyle.TEXT, style.dashed()});
        if (hyperbola) legend.add(new Object[]{"minima a·w = β*", ChartStyle.TEXT, style.dotted()});
        if (shared) {
            legend.add(new Object[]{"basin of a > 0", HyperboloidScene.BASIN_PLUS, new BasicStroke(2.5f)});
            legend.add(new Object[]{"basin of a < 0", HyperboloidScene.BASIN_MINUS, new BasicStroke(2.5f)});
        }
        if (separates) legend.add(new Object[]{"separating surface", shared ? HyperboloidScene.SEPARATRIX : ChartStyle.MUTED,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 3f, 2f, 3f}, 0f)});
        g.setFont(lf);
        List<List<Object[]>> legendRows = legendRows(legend, g.getFontMetrics(), area.getWidth() - 16);
        double rowH = lf.getSize() * 1.8, legendH = rowH * legendRows.size();
        Rectangle2D plot = new Rectangle2D.Double(area.getX() + 8, top, area.getWidth() - 16,
                Math.max(10, area.getMaxY() - top - legendH - 4));
        HyperboloidScene scene = new HyperboloidScene(style, azimuth, elevation, simplifier, stage);
        double extent = HyperboloidScene.extent(surfaces, lines, betaStar, rates);
        scene.draw(g, plot, surfaces, lines, betaStar, rates, extent, d2, hyperbola, cursorT);
        drawLegend(g, legendRows, area, lf, rowH, legendH);
    }

    /** the legend rows centred at the bottom of area: a 32 px line sample, its text */
    static void drawLegend(Graphics2D g, List<List<Object[]>> legendRows, Rectangle2D area, Font lf, double rowH, double legendH) {
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

    /** two runs share a surface when their δ agree to round-off */
    static boolean sameDelta(double x, double y) {
        return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
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

    static int nearest(double[] t, double x) {
        int best = 0;
        for (int i = 1; i < t.length; i++) if (Math.abs(t[i] - x) < Math.abs(t[best] - x)) best = i;
        return best;
    }

    /** the screen-space polylines are drawn simplified when the Graphics2D asks for it */
    private final PathSimplifier simplifier = new PathSimplifier();
    /** the stage of the last picture (surfaces, axes, minima), pasted while its inputs stay (the cursor moves) */
    private final LayerCache stage = new LayerCache(ChartStyle.BACKGROUND);

    /** the stage's caches (for tests) */
    List<LayerCache> stages() { return List.of(stage); }
}
