package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16 item 10: the projected hyperboloid frames the whole geometry. For the upstream preset (δ = 2, two
 * sheets) both sheets are drawn (the a &lt; 0 sheet in its basin's tint, below the a &gt; 0 one), the drawing fills
 * the height between the subtitle and the legend (no empty lower half), nothing of the surface lies in the title
 * band, and the 2-D fallback says it is one.
 */
class HyperboloidFramingTest {
    private static final int W = 520, H = 420;
    /** share of the plot's height the drawn surfaces must span */
    private static final double FILLED = 0.6;

    private static BufferedImage draw(RunSet rs, boolean fallback) {
        HyperboloidChart c = new HyperboloidChart(ChartStyle.screen());
        c.setFallback(fallback);
        c.update(rs, Double.NaN);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.draw(g, new Rectangle2D.Double(0, 0, W, H));
        g.dispose();
        return img;
    }

    /** a pixel of colour c blended with the white background (antialiased thin lines), at least 40 % c */
    private static boolean tinted(int rgb, Color c) {
        int[] p = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255}, q = {c.getRed(), c.getGreen(), c.getBlue()};
        double share = Double.NaN;
        for (int k = 0; k < 3; k++) {
            double f = (255.0 - p[k]) / (255.0 - q[k]);
            if (Double.isNaN(share)) share = f;
            else if (Math.abs(f - share) > 0.12) return false;
        }
        return share >= 0.4 && share <= 1.05;
    }

    /** rows {first, last} holding a pixel of this colour, or null */
    private static int[] rows(BufferedImage img, Color c) {
        int first = -1, last = -1;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++)
                if (tinted(img.getRGB(x, y), c)) {
                    if (first < 0) first = y;
                    last = y;
                    break;
                }
        return first < 0 ? null : new int[]{first, last};
    }

    @Test
    void bothSheetsOfAnUpstreamSurfaceFillThePlot() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("single-neuron-upstream.json"), "up");
        BufferedImage img = draw(rs, false);
        int[] plus = rows(img, HyperboloidScene.BASIN_PLUS), minus = rows(img, HyperboloidScene.BASIN_MINUS);
        assertNotNull(plus, "the a > 0 sheet is drawn");
        assertNotNull(minus, "the a < 0 sheet is drawn too");
        // the legend's two basin samples are drawn in these colours at the bottom: the sheets lie above the legend
        int legendTop = H - 3 * (int) (ChartStyle.screen().legendFont().getSize() * 1.8);
        int title = (int) (ChartStyle.screen().titleFont().getSize() * 1.5 + ChartStyle.screen().subtitleFont().getSize() * 1.6);
        assertTrue(plus[0] >= title, "no surface under the title: first row " + plus[0] + " < " + title);
        int lowestSheetRow = -1;
        for (int y = legendTop - 1; y >= 0 && lowestSheetRow < 0; y--)
            for (int x = 0; x < W; x++)
                if (tinted(img.getRGB(x, y), HyperboloidScene.BASIN_MINUS)) { lowestSheetRow = y; break; }
        assertTrue(lowestSheetRow > plus[0], "the a < 0 sheet lies below the a > 0 one");
        assertTrue(lowestSheetRow - plus[0] >= FILLED * (legendTop - title),
                "the geometry spans " + (lowestSheetRow - plus[0]) + " of " + (legendTop - title) + " px: no empty half");
    }

    @Test
    void theFallbackSaysItIsOne() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("single-neuron-upstream.json"), "up");
        HyperboloidChart c = new HyperboloidChart(ChartStyle.screen());
        c.setFallback(true);
        c.update(rs, Double.NaN);
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            TextBoxes g = new TextBoxes(doc, W, H, 3f);
            c.draw(g, new Rectangle2D.Double(0, 0, W, H));
            g.dispose();
            assertTrue(g.texts.stream().anyMatch(b -> b.text().contains("2-D fallback")), g.texts.toString());
            assertTrue(g.texts.stream().anyMatch(b -> b.text().equals("basin of a < 0")), "the basins are in the legend");
        }
    }
}
