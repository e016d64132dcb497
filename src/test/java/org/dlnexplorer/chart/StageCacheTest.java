package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hyperboloid views' stage cache ({@link LayerCache}): while only the cursor's dots move (or the same picture is
 * painted again), the surfaces, separating curves, axes and minima are pasted from the last picture; every picture
 * is pixel for pixel the one a fresh chart draws without the cache, and new inputs (another run set, draft or
 * full quality) draw the stage anew.
 */
class StageCacheTest {
    private static final int W = 520, H = 320;

    /** single-neuron-delta-sweep (7 runs, δ from −4 to 4) at init scale τ */
    static RunSet sweep(double tau) throws Exception {
        String json = Files.readString(Path.of("presets/single-neuron-delta-sweep.json"));
        assertTrue(json.contains("\"scale\": 1.0"), "the preset's τ");
        return Fixtures.runSet(json.replace("\"scale\": 1.0", "\"scale\": " + tau));
    }

    /** the chart painted as the app's painter paints it (target: naming the image, which lets it paste) */
    static int[] paint(ViewChart chart, RunSet rs, double cursorT, boolean draft, boolean target) {
        BufferedImage img = new BufferedImage(W * chart.id.columnSpan(), H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = ScreenGraphics.create(img, draft, target);
        chart.update(rs, cursorT);
        chart.drawable().draw(g, new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight()));
        g.dispose();
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static List<LayerCache> stages(ViewChart chart) {
        return chart instanceof HyperboloidChart h ? h.stages() : ((HyperboloidGeometriesChart) chart).stages();
    }

    @Test
    void aPastedStageIsPixelForPixelTheStageDrawnAndNewInputsDrawItAnew() throws Exception {
        List<RunSet> sets = List.of(sweep(0.05), sweep(1));
        double[] cursors = {Double.NaN, 0.5, 4, 15};
        for (ViewId view : List.of(ViewId.HYPERBOLOID, ViewId.HYPERBOLOID_GEOMETRIES)) {
            ViewChart cached = ViewChart.create(view, ChartStyle.screen());
            int[] previous = null;
            for (boolean draft : new boolean[]{true, false})
                for (RunSet rs : sets)
                    for (double t : cursors) {
                        String where = view + " " + rs.runs().get(0).trajectory().frames().get(0).weights()[1][0]
                                + (draft ? " draft" : " full") + " t = " + t;
                        int[] got = paint(cached, rs, t, draft, true);
                        assertArrayEquals(paint(ViewChart.create(view, ChartStyle.screen()), rs, t, draft, false), got, where);
                        if (previous != null) assertFalse(Arrays.equals(previous, got), where + ": another picture");
                        previous = got;
                    }
            int hits = 0, draws = 0;
            for (LayerCache c : stages(cached)) { hits += c.hits(); draws += c.draws(); }
            // each panel's stage is drawn at most once per run set and quality (once per quality where both run sets
            // frame it alike: the geometries' panels whose paths stay within their surfaces), and pasted while the
            // cursor moves
            int panels = stages(cached).size(), pictures = 2 * sets.size();
            assertEquals(pictures * panels * cursors.length, draws + hits, view + ": every stage drawn or pasted");
            assertTrue(draws <= pictures * panels && draws >= 2 * panels, view + ": stages drawn " + draws);
            assertTrue(hits >= pictures * panels * (cursors.length - 1), view + ": stages pasted " + hits);
        }
    }

    /**
     * A τ drag over small τ, where the framing does not move (the surfaces set it): the stage is drawn once and
     * pasted for every later step, though δ, measured from each run's weights, differs in its last bits from
     * one τ to the next. Each picture is still the one a fresh chart draws.
     */
    @Test
    void aTauDragPastesTheStageWhileTheFramingStays() throws Exception {
        for (ViewId view : List.of(ViewId.HYPERBOLOID, ViewId.HYPERBOLOID_GEOMETRIES)) {
            ViewChart cached = ViewChart.create(view, ChartStyle.screen());
            int steps = 10;
            for (int i = 0; i < steps; i++) {
                RunSet rs = sweep(Math.pow(10, -2 + (double) i / steps));
                int[] got = paint(cached, rs, Double.NaN, true, true);
                assertArrayEquals(paint(ViewChart.create(view, ChartStyle.screen()), rs, Double.NaN, true, false), got, view + " step " + i);
            }
            int hits = 0, draws = 0;
            for (LayerCache c : stages(cached)) { hits += c.hits(); draws += c.draws(); }
            int panels = stages(cached).size();
            assertEquals(panels, draws, view + ": each panel's stage drawn once");
            assertEquals(panels * (steps - 1), hits, view + ": and pasted at every later τ");
        }
    }
}
