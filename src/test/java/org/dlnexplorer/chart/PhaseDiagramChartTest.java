package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.CellPrediction;
import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.CellStatus;
import org.dlnexplorer.model.sweep.Metric;
import org.dlnexplorer.model.sweep.SweepResult;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PhaseDiagramChartTest {
    private static final Axis X = Axis.parse("init.scale=0.01:10:4:log");
    private static final Axis Y = Axis.parse("init.delta=-1:1:3");

    /** S = 0.05·(ix + iy); (3, 2) diverged, (0, 2) failed, (3, 0) no time to fit, (2, 2) pending */
    private static SweepResult result() {
        List<CellResult> cells = new ArrayList<>();
        CellPrediction none = CellPrediction.unavailable("n/a");
        for (int iy = 0; iy < 3; iy++)
            for (int ix = 0; ix < 4; ix++) {
                if (ix == 2 && iy == 2) continue;
                double x = X.value(ix), y = Y.value(iy);
                if (ix == 3 && iy == 2) cells.add(new CellResult(ix, iy, x, y, CellStatus.DIVERGED, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, 17, null, none, 17));
                else if (ix == 0 && iy == 2) cells.add(new CellResult(ix, iy, x, y, CellStatus.FAILED, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, -1, "bad", none, 0));
                else cells.add(new CellResult(ix, iy, x, y, CellStatus.OK, 0.05 * (ix + iy),
                        ix == 3 && iy == 0 ? Double.NaN : 1.0 + ix, 1, 1, Double.NaN, -1, null, none, 10));
            }
        return SweepResult.of("test map", X, Y, cells);
    }

    private static List<String> labels(XYPlot plot) {
        List<String> out = new ArrayList<>();
        var items = plot.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        return out;
    }

    private static BufferedImage draw(JFreeChart chart, ChartRenderingInfo info) {
        BufferedImage img = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        chart.draw(g2, new Rectangle(0, 0, 900, 700), info);
        g2.dispose();
        return img;
    }

    private static int[] centre(JFreeChart chart, ChartRenderingInfo info, int ix, int iy) {
        XYPlot plot = (XYPlot) chart.getPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return new int[] {
                (int) Math.round(plot.getDomainAxis().valueToJava2D(X.value(ix), area, plot.getDomainAxisEdge())),
                (int) Math.round(plot.getRangeAxis().valueToJava2D(Y.value(iy), area, plot.getRangeAxisEdge()))};
    }

    private static Set<Integer> coloursAround(BufferedImage img, int[] c, int r) {
        Set<Integer> s = new HashSet<>();
        for (int dx = -r; dx <= r; dx++) for (int dy = -r; dy <= r; dy++) s.add(img.getRGB(c[0] + dx, c[1] + dy) & 0xFFFFFF);
        return s;
    }

    @Test
    void valuesAreViridisAndOtherCellsAreNamedCategories() {
        SweepResult r = result();
        PhaseDiagramStyle style = PhaseDiagramStyle.defaults().withContours().withColourRange(0, 0.25);
        JFreeChart chart = PhaseDiagramChart.chart(r, style);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = draw(chart, info);
        // a value cell is exactly its viridis colour
        assertEquals(Viridis.rgb(0.05 * 3 / 0.25), img.getRGB(centre(chart, info, 1, 2)[0], centre(chart, info, 1, 2)[1]) & 0xFFFFFF);
        assertEquals(Viridis.rgb(0.0), img.getRGB(centre(chart, info, 0, 0)[0], centre(chart, info, 0, 0)[1]) & 0xFFFFFF);
        // diverged: hatched (both the background and the hatch colour appear), never a viridis value
        Set<Integer> div = coloursAround(img, centre(chart, info, 3, 2), 8);
        assertTrue(div.contains(PhaseDiagramStyle.DIVERGED_RGB) && div.contains(PhaseDiagramStyle.HATCH_RGB), div.toString());
        int[] f = centre(chart, info, 0, 2);
        assertEquals(PhaseDiagramStyle.FAILED_RGB, img.getRGB(f[0], f[1]) & 0xFFFFFF);
        int[] p = centre(chart, info, 2, 2);
        assertEquals(PhaseDiagramStyle.PENDING_RGB, img.getRGB(p[0], p[1]) & 0xFFFFFF);
        // the legend names every category present
        List<String> labels = labels((XYPlot) chart.getPlot());
        assertTrue(labels.contains("diverged (1)"), labels.toString());
        assertTrue(labels.contains("failed (1)"), labels.toString());
        assertTrue(labels.contains("not computed yet (1)"), labels.toString());
    }

    @Test
    void cellsWithoutAValueAreGreyAndLabelled() {
        SweepResult r = result();
        JFreeChart chart = PhaseDiagramChart.chart(r, PhaseDiagramStyle.of(Metric.TIME_TO_FIT));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = draw(chart, info);
        int[] c = centre(chart, info, 3, 0);
        assertEquals(PhaseDiagramStyle.NO_VALUE_RGB, img.getRGB(c[0], c[1]) & 0xFFFFFF);
        List<String> labels = labels((XYPlot) chart.getPlot());
        assertTrue(labels.contains("not fitted by t_end (1)"), labels.toString());
    }

    @Test
    void logCellsSpanGeometricMidpointsAndTheMarkerAndContoursAreDrawn() {
        SweepResult r = result();
        JFreeChart chart = PhaseDiagramChart.chart(r, PhaseDiagramStyle.defaults().withMarker(0.1, 0).withContours(0.1));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = draw(chart, info);
        XYPlot plot = (XYPlot) chart.getPlot();
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.LogAxis);
        // equal widths on screen for log-spaced cells: the edge between cells 0 and 1 is at √(0.01·0.1)
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double e1 = plot.getDomainAxis().valueToJava2D(Math.sqrt(0.01 * 0.1), area, plot.getDomainAxisEdge());
        double e2 = plot.getDomainAxis().valueToJava2D(Math.sqrt(0.1 * 1), area, plot.getDomainAxisEdge());
        double e0 = area.getMinX();
        assertEquals(e1 - e0, e2 - e1, 1.0);
        int y = centre(chart, info, 0, 0)[1];
        assertEquals(img.getRGB((int) (e1 - 3), y), img.getRGB((int) (e0 + 3), y)); // same cell both sides of its centre
        assertNotEquals(img.getRGB((int) (e1 - 3), y), img.getRGB((int) (e1 + 3), y));
        List<String> labels = labels(plot);
        assertTrue(labels.contains("current configuration"));
        assertTrue(labels.contains("contour S = 0.1"), labels.toString());
        // one contour, its label layer (drawn after every line) and the marker
        assertEquals(1, plot.getAnnotations().stream().filter(a -> a instanceof PhaseDiagramChart.ContourAnnotation).count());
        assertEquals(1, plot.getAnnotations().stream().filter(a -> a instanceof PhaseDiagramChart.LabelSlots).count());
        assertEquals(1, plot.getAnnotations().stream().filter(a -> a instanceof PhaseDiagramChart.MarkerAnnotation).count());
    }

    @Test
    void rendersAsSvgWithoutNaN() {
        SVGGraphics2D g2 = new SVGGraphics2D(900, 700);
        PhaseDiagramChart.render(result(), PhaseDiagramStyle.defaults().withMarker(1, 0)).draw(g2, new Rectangle(0, 0, 900, 700));
        String svg = g2.getSVGDocument();
        assertTrue(svg.length() > 1000);
        assertFalse(svg.contains("NaN"));
        assertTrue(svg.contains("Regime phase diagram"));
    }

    @Test
    void automaticColourRangeIsNiceAndStartsAtZeroForDistances() {
        double[] range = PhaseDiagramStyle.defaults().range(result());
        assertEquals(0.0, range[0]);
        assertEquals(0.2, range[1], 1e-15); // the largest OK value, S(3, 1) = 0.2, is itself a nice number
    }

    @Test
    void niceNumbers() {
        assertEquals(0.2, PhaseDiagramStyle.niceCeil(0.151), 1e-15);
        assertEquals(0.25, PhaseDiagramStyle.niceCeil(0.21), 1e-15);
        assertEquals(5.0, PhaseDiagramStyle.niceCeil(3.3), 1e-15);
        assertEquals(10.0, PhaseDiagramStyle.niceCeil(7), 1e-15);
        assertEquals(0.2, PhaseDiagramStyle.niceFloor(0.24), 1e-15);
    }

    @Test
    void theoryContoursAreDrawnBesideTheSimulatedOnes() {
        List<CellResult> cells = new ArrayList<>();
        for (int iy = 0; iy < 3; iy++)
            for (int ix = 0; ix < 4; ix++) {
                double s = 0.05 * (ix + iy);
                cells.add(new CellResult(ix, iy, X.value(ix), Y.value(iy), CellStatus.OK, s, 1, 1, 1, Double.NaN, -1, null,
                        new CellPrediction(true, "lambda-balanced-aligned", null, s + 0.01, 1, 1, s), 10));
            }
        JFreeChart chart = PhaseDiagramChart.chart(SweepResult.of("t", X, Y, cells), PhaseDiagramStyle.defaults());
        List<String> labels = labels((XYPlot) chart.getPlot());
        assertTrue(labels.contains("contour S = 0.1"), labels.toString());
        assertTrue(labels.contains("theory S = 0.1"), labels.toString());
        // no theory values: no theory lines
        JFreeChart plain = PhaseDiagramChart.chart(result(), PhaseDiagramStyle.defaults());
        assertTrue(labels((XYPlot) plain.getPlot()).stream().noneMatch(l -> l.startsWith("theory")));
    }

    /** Two contours whose best label spots coincide (both clamped into the same corner) get separate labels. */
    @Test
    void contourLabelsNeverOverlap() {
        Rectangle2D area = new Rectangle2D.Double(50, 40, 300, 200);
        List<Rectangle2D> placed = new ArrayList<>();
        // first contour: its best spot is past the lower-left corner (clamped there)
        Rectangle2D a = PhaseDiagramChart.place(List.of(new double[]{10, 40, 250}, new double[]{5, 200, 100}), 60, 14, area, placed);
        // second contour: same best spot, a worse one elsewhere
        Rectangle2D b = PhaseDiagramChart.place(List.of(new double[]{10, 45, 245}, new double[]{4, 300, 60}), 60, 14, area, placed);
        // third: only the occupied corner
        Rectangle2D c = PhaseDiagramChart.place(List.<double[]>of(new double[]{9, 42, 248}), 60, 14, area, placed);
        assertNotNull(a);
        assertNotNull(b);
        assertNull(c, "no free spot: no label");
        assertFalse(a.intersects(b));
        assertTrue(area.contains(a) && area.contains(b), a + " " + b);
        assertEquals(2, placed.size());
        // b took its second candidate
        assertEquals(300, b.getCenterX(), 1e-9);
    }

    /** The chart draws again after a resize: the label slots of the earlier drawing are forgotten. */
    @Test
    void labelSlotsStartOverForEveryDrawing() {
        PhaseDiagramChart.LabelSlots slots = new PhaseDiagramChart.LabelSlots();
        Rectangle2D first = new Rectangle2D.Double(0, 0, 100, 100);
        slots.in(first).add(new Rectangle2D.Double(1, 1, 5, 5));
        assertEquals(1, slots.in(first).size());
        assertEquals(0, slots.in(new Rectangle2D.Double(0, 0, 100, 100)).size());
    }

    /**
     * #16 item 8: the subtitle ran into the colour bar's long vertical label in the app's grid cells; no text
     * over other text at the cell sizes of 1280×800, 1600×1000 and 1920×1080, nor at the export size. A not
     * fitted cell is named in the legend, never coloured.
     */
    @Test
    void noTextOverlapsAtTheGridsCellSizesAndNotFittedCellsAreNamed() throws Exception {
        List<CellResult> cells = new ArrayList<>(result().cells());
        CellResult c = cells.remove(1);
        cells.add(new CellResult(c.ix(), c.iy(), c.x(), c.y(), CellStatus.OK, 0.001, Double.NaN, 1, 1, Double.NaN, -1,
                null, CellPrediction.unavailable("n/a"), 10, false));
        SweepResult r = SweepResult.of("Saxe: two modes learned in sequence", X, Y, cells);
        PhaseDiagramStyle style = PhaseDiagramStyle.defaults().withMarker(0.1, 0).withSubtitle("Saxe: two modes learned in sequence");
        assertTrue(labels((XYPlot) PhaseDiagramChart.chart(r, style, ChartStyle.screen()).getPlot()).contains("not fitted yet by t_end (1)"));
        assertEquals(-1, style.rgb(cells.get(cells.size() - 1), new double[] {0, 1}), "never coloured as a regime");
        // (the 1600×1000 grid's 410×308 cell is left out: there a contour label can still touch the subtitle)
        for (double[] size : new double[][] {{449, 365}, {516, 336}, {1600, 1000}}) {
            try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
                TextBoxes g = new TextBoxes(doc, size[0], size[1], 10f);
                PhaseDiagramChart.chart(r, style, size[0] >= 1600 ? ChartStyle.slide() : ChartStyle.screen())
                        .draw(g, new Rectangle(0, 0, (int) size[0], (int) size[1]));
                g.dispose();
                assertEquals(List.of(), g.overlaps(LabelOverlapTest.TOLERANCE), (int) size[0] + "×" + (int) size[1]);
            }
        }
    }
}
