package org.dlnexplorer.export;

import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** #16 item 4 in exports: a deck page typesets the governing equation of its step's runs under the caption. */
class LecturePageTest {
    static { System.setProperty("java.awt.headless", "true"); }

    static final int W = 1600, H = 1000;
    /** a pixel this dark (0–255, each channel) is ink */
    static final int INK = 100;

    @Test
    void theEquationIsTypesetBetweenCaptionAndViewsAndPushesTheViewsDown() throws Exception {
        GoverningEquation eq = GoverningEquation.of(BundledPresets.read("saxe-two-modes.json"));
        assertTrue(eq.text().contains("Saxe"), eq.text());
        // one view that fills its cell black: where the cell starts is where the views start
        org.jfree.chart.ui.Drawable block = (g, a) -> { g.setPaint(java.awt.Color.BLACK); g.fill(a); };
        BufferedImage with = draw(new LecturePage("1 / 1   Saxe", "Two modes.", eq.tex(), List.of(block)));
        BufferedImage without = draw(new LecturePage("1 / 1   Saxe", "Two modes.", null, List.of(block)));
        int viewsWith = firstFullRow(with), viewsWithout = firstFullRow(without);
        assertTrue(viewsWith > viewsWithout + 20, "the views move down by the equation: " + viewsWithout + " → " + viewsWith);
        // the band they left holds ink (the typeset equation), which the page without it does not have
        assertTrue(ink(with, viewsWithout, viewsWith - 1) > 200, "typeset equation in the band");
        assertEquals(0, ink(without, viewsWithout - 30, viewsWithout - 1), "nothing there without an equation");
    }

    private static BufferedImage draw(LecturePage page) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        page.draw(g, new Rectangle2D.Double(0, 0, W, H));
        g.dispose();
        return img;
    }

    /** the first row that is black across the middle of the page (the view's block) */
    private static int firstFullRow(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            boolean all = true;
            for (int x = W / 4; x < 3 * W / 4 && all; x += 8) all = (img.getRGB(x, y) & 0xFFFFFF) == 0;
            if (all) return y;
        }
        return -1;
    }

    private static int ink(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y <= y1; y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 255) < INK && ((rgb >> 8) & 255) < INK && (rgb & 255) < INK) n++;
            }
        return n;
    }
}
