package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.ui.Drawable;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 Figure 2 whole: the three geometries of the conserved δ = η_w a² − η_a‖w‖² side by side, downstream
 * δ &lt; 0 (one sheet), balanced δ = 0 (the cone) and upstream δ &gt; 0 (both sheets), each with the minima
 * hyperbola a·w = β* and the basin-separating surface of App. A. Each run is drawn in the panel of its δ's sign,
 * on its own surface (one δ in a panel: the grey surface tinted by basin; several: each run's outline in its
 * colour); a panel no run falls in shows the shape at the runs' largest |δ| (or 1), captioned "shape only".
 */
final class HyperboloidGeometriesChart extends ViewChart implements Drawable {
    private static final String[] CAPTIONS = {"δ < 0: one sheet", "δ = 0: cone", "δ > 0: two sheets"};
    /** a cell narrower than this (width over height) shows the panels in two rows */
    private static final double TALL_ASPECT = 1.6;

    private final PathSimplifier simplifier = new PathSimplifier();
    /** each panel's stage of the last picture (surfaces, axes, minima), pasted while its inputs stay (the cursor moves) */
    private final LayerCache[] stages = {new LayerCache(ChartStyle.BACKGROUND), new LayerCache(ChartStyle.BACKGROUND),
            new LayerCache(ChartStyle.BACKGROUND)};

    /** the panels' stage caches (for tests) */
    List<LayerCache> stages() { return List.of(stages); }

    HyperboloidGeometriesChart(ChartStyle style) {
        super(ViewId.HYPERBOLOID_GEOMETRIES, style);
    }

    @Override public Drawable drawable() { return this; }
    @Override protected void rebuild() {}
    @Override protected void moveCursor() {}

    /** −1, 0, +1: the geometry of δ */
    static int sign(double delta) {
        return delta > SingleNeuron.SHEET_EPS ? 1 : delta < -SingleNeuron.SHEET_EPS ? -1 : 0;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        Draft.antialias(g);   // antialiased, except in a draft while dragging
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        RunSet rs = runs;
        String title = "Figure 2: the three geometries of δ";
        if (rs == null || rs.runs().isEmpty()) { MessageChart.drawMessage(g, area, style, title, "computing…", null); return; }
        ViewApplicability.Reason why = ViewApplicability.whyNot(ViewId.HYPERBOLOID_GEOMETRIES, rs);
        List<RunSet.Labeled> neurons = new ArrayList<>();
        for (RunSet.Labeled l : rs.runs()) if (SingleNeuron.applies(l.trajectory())) neurons.add(l);
        if (why != null || neurons.isEmpty()) {
            MessageChart.drawMessage(g, area, style, title, why == null ? "no run to draw" : why.message(), why == null ? null : why.detail());
            return;
        }
        Trajectory first = neurons.get(0).trajectory();
        boolean d2 = first.widths()[0] == 2, compare = neurons.size() > 1;
        SingleNeuron.Paths paths = SingleNeuron.Paths.shared(neurons);
        double[] betaStar = paths.betaStar(), rates = SingleNeuron.rates(first);
        boolean hyperbola = !d2 || first.setup() == null || FunctionSpaceChart.nullVector(first.setup().task().sigmaXX()) == null;
        // the runs by the sign of their δ, each panel's distinct surfaces
        List<List<HyperboloidScene.PathLine>> lines = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<HyperboloidScene.Surface>> surfaces = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double largest = 0;
        for (int r = 0; r < neurons.size(); r++) {
            Color c = ChartStyle.color(compare ? r : 0);
            double d = SingleNeuron.delta(neurons.get(r).trajectory());
            largest = Math.max(largest, Math.abs(d));
            int k = sign(d) + 1;
            lines.get(k).add(new HyperboloidScene.PathLine(paths.simulated().get(r), paths.exact().get(r), c,
                    neurons.get(r).trajectory().times()));
            if (surfaces.get(k).stream().noneMatch(s -> HyperboloidChart.sameDelta(s.delta(), d)))
                surfaces.get(k).add(new HyperboloidScene.Surface(d, c));
        }
        double shape = largest > 0 ? largest : 1;
        boolean[] shapeOnly = new boolean[3];
        boolean separates = false;
        for (int k = 0; k < 3; k++) {
            List<HyperboloidScene.Surface> s = surfaces.get(k);
            if (s.isEmpty()) { s.add(new HyperboloidScene.Surface((k - 1) * shape, null)); shapeOnly[k] = true; }
            else if (s.size() == 1) s.set(0, new HyperboloidScene.Surface(s.get(0).delta(), null));
            separates |= k < 2;
        }
        List<HyperboloidScene.Surface> allSurfaces = new ArrayList<>();
        List<HyperboloidScene.PathLine> allLines = new ArrayList<>();
        for (int k = 0; k < 3; k++) { allSurfaces.addAll(surfaces.get(k)); allLines.addAll(lines.get(k)); }
        double extent = HyperboloidScene.extent(allSurfaces, allLines, betaStar, rates);

        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        Font tf = style.titleFont(), sf = style.subtitleFont(), lf = style.legendFont(), cf = style.axisLabelFont();
        double top = area.getY() + 4;
        g.setFont(tf);
        g.setPaint(ChartStyle.TEXT);
        MessageChart.centered(g, title, area, top + tf.getSize() * 1.1);
        top += tf.getSize() * 1.5;
        boolean anyExact = paths.exact().stream().anyMatch(p -> p != null);
        g.setFont(sf);
        g.setPaint(ChartStyle.MUTED);
        MessageChart.centered(g, "each run on the surface of its own δ" + (anyExact ? " · dashed: exact path" : ""), area, top + sf.getSize() * 1.1);
        top += sf.getSize() * 1.6;

        List<Object[]> legend = new ArrayList<>();
        for (int r = 0; r < neurons.size(); r++)
            legend.add(new Object[]{compare ? neurons.get(r).label() : "simulated path", ChartStyle.color(compare ? r : 0), style.solid()});
        if (anyExact) legend.add(new Object[]{"exact", ChartStyle.TEXT, style.dashed()});
        if (hyperbola) legend.add(new Object[]{"minima a·w = β*", ChartStyle.TEXT, style.dotted()});
        legend.add(new Object[]{"basin of a > 0", HyperboloidScene.BASIN_PLUS, new BasicStroke(2.5f)});
        legend.add(new Object[]{"basin of a < 0", HyperboloidScene.BASIN_MINUS, new BasicStroke(2.5f)});
        if (separates) legend.add(new Object[]{"separating surface", HyperboloidScene.SEPARATRIX,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{8f, 3f, 2f, 3f}, 0f)});
        g.setFont(lf);
        List<List<Object[]>> rows = HyperboloidChart.legendRows(legend, g.getFontMetrics(), area.getWidth() - 16);
        double rowH = lf.getSize() * 1.8, legendH = rowH * rows.size();
        double captionH = cf.getSize() * 1.5;
        // three panels in a row, or (a tall cell: presentation mode's half screen) two rows, the third centred
        double bodyH = Math.max(20, area.getMaxY() - top - legendH - 4);
        int columns = (area.getWidth() - 16) / bodyH < TALL_ASPECT ? 2 : 3, rowsN = columns == 3 ? 1 : 2;
        double panelW = (area.getWidth() - 16) / columns, cellH = bodyH / rowsN;
        double panelH = Math.max(10, cellH - captionH);
        for (int k = 0; k < 3; k++) {
            HyperboloidScene scene = new HyperboloidScene(style, HyperboloidChart.DEFAULT_AZIMUTH, HyperboloidChart.DEFAULT_ELEVATION,
                    simplifier, stages[k]);
            int row = k / columns, col = k % columns;
            double x0 = area.getX() + 8 + col * panelW + (row == 1 && columns == 2 ? panelW / 2 : 0), y0 = top + row * cellH;
            Rectangle2D cell = new Rectangle2D.Double(x0, y0, panelW, cellH);
            g.setFont(cf);
            g.setPaint(shapeOnly[k] ? ChartStyle.MUTED : ChartStyle.TEXT);
            String caption = CAPTIONS[k] + (shapeOnly[k] ? " (shape only)" : "");
            if (g.getFontMetrics().stringWidth(caption) > panelW - 4) caption = CAPTIONS[k];
            MessageChart.centered(g, caption, cell, y0 + cf.getSize() * 1.05);
            Rectangle2D plot = new Rectangle2D.Double(cell.getX() + 4, y0 + captionH, panelW - 8, panelH);
            scene.draw(g, plot, surfaces.get(k), lines.get(k), betaStar, rates, extent, d2, hyperbola, cursorT);
        }
        HyperboloidChart.drawLegend(g, rows, area, lf, rowH, legendH);
    }
}
