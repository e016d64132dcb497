package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Drawable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ViewRenderersTest {
    static RunSet saxe, compare, neuron, gd;

    @BeforeAll
    static void simulate() throws Exception {
        saxe = Fixtures.runSet(Fixtures.SAXE);
        compare = Fixtures.runSet(Fixtures.SAXE_COMPARE);
        neuron = Fixtures.runSet(Fixtures.NEURON);
        gd = Fixtures.runSet(Fixtures.GD);
    }

    /** paints the drawable; returns the number of non-white pixels */
    static int paint(Drawable d, String name) throws Exception {
        BufferedImage img = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        d.draw(g, new Rectangle2D.Double(0, 0, 800, 500));
        g.dispose();
        String dir = System.getProperty("chart.previews");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(img, "png", Path.of(dir, name + ".png").toFile());
        }
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) ink++;
        return ink;
    }

    @Test
    void everyViewRendersForEverySet() throws Exception {
        for (ViewId v : ViewId.values()) {
            for (var e : java.util.Map.of("saxe", saxe, "compare", compare, "neuron", neuron, "gd", gd).entrySet()) {
                ChartStyle[] styles = e.getKey().equals("compare") ? new ChartStyle[]{ChartStyle.screen(), ChartStyle.slide()}
                        : new ChartStyle[]{ChartStyle.screen()};
                for (ChartStyle st : styles) {
                    int ink = paint(ViewRenderers.render(v, e.getValue(), st), v.cliName() + "-" + e.getKey() + "-" + st.name());
                    assertTrue(ink > 200, v + " " + e.getKey() + " drew almost nothing");
                }
            }
        }
    }

    private static int simulationSeries(ViewId v, RunSet rs) {
        JFreeChart c = (JFreeChart) ViewRenderers.render(v, rs, ChartStyle.screen());
        XYPlot p = c.getXYPlot();
        // the simulation layer is the last one with data whose first series is not exact/contours
        int count = 0;
        for (int i = 0; i < p.getDatasetCount(); i++) {
            var ds = p.getDataset(i);
            if (ds == null) continue;
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                String key = ds.getSeriesKey(s).toString();
                if (!key.contains("exact") && !key.contains("contours") && !key.startsWith("2/η") && !key.equals("S_min") && !key.equals("plateau") && !key.equals("target")) count++;
            }
        }
        return count;
    }

    @Test
    void seriesCountsMatchRuns() {
        // singular values: one series per run and mode
        assertEquals(2, simulationSeries(ViewId.SINGULAR_VALUES, saxe));
        assertEquals(3 * 2, simulationSeries(ViewId.SINGULAR_VALUES, compare));
        assertEquals(1, simulationSeries(ViewId.LOSS, saxe));
        assertEquals(3, simulationSeries(ViewId.LOSS, compare));
        assertEquals(3, simulationSeries(ViewId.KERNEL_DISTANCE, compare));
        assertEquals(1, simulationSeries(ViewId.SHARPNESS, gd));
        assertEquals(0, simulationSeries(ViewId.SHARPNESS, saxe), "flow has no sharpness");
        assertEquals(1, simulationSeries(ViewId.FUNCTION_SPACE, neuron));
        assertEquals(0, simulationSeries(ViewId.FUNCTION_SPACE, saxe), "not a single neuron");
        // legend: one entry per compare member plus line-style keys
        JFreeChart c = (JFreeChart) ViewRenderers.render(ViewId.LOSS, compare, ChartStyle.screen());
        var items = c.getXYPlot().getLegendItems();
        for (var m : compare.runs()) {
            boolean found = false;
            for (int i = 0; i < items.getItemCount(); i++) found |= items.get(i).getLabel().equals(m.label());
            assertTrue(found, "legend lacks " + m.label());
        }
    }

    @Test
    void theoryUnavailableIsSaidInTheSubtitle() {
        JFreeChart c = (JFreeChart) ViewRenderers.render(ViewId.SINGULAR_VALUES, neuron, ChartStyle.screen());
        var exact = neuron.runs().get(0).trajectory().exact();
        String text = ((org.jfree.chart.title.TextTitle) c.getSubtitle(0)).getText();
        if (exact.available()) assertTrue(text.contains("exact"), text);
        else assertTrue(text.contains(XyViewChart.firstSentence(exact.reason())), text);
    }

    @Test
    void incrementalUpdateFiresOneChartChange() {
        ViewChart vc = ViewChart.create(ViewId.SINGULAR_VALUES, ChartStyle.screen());
        int[] events = {0};
        vc.chart().addChangeListener(e -> events[0]++);
        vc.update(saxe, 1.0);
        assertEquals(1, events[0]);
        vc.update(compare, 2.0);
        assertEquals(2, events[0]);
    }

    @Test
    void decimationBoundsPoints() {
        int n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = Math.sin(i * 0.01); }
        double[][] d = Decimator.xy(x, y, n, false, false);
        assertTrue(d[0].length <= Decimator.MAX_POINTS);
        double max = -2;
        for (double v : d[1]) max = Math.max(max, v);
        assertEquals(1.0, max, 1e-3, "extremes survive decimation");
    }
}
