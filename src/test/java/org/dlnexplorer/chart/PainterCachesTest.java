package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The painters' caches (issue 19: {@link Memo}'d single-neuron paths, surfaces and weights shared by the views,
 * {@link LayerCache}'s stage) never change a picture: every view of single-neuron-delta-sweep painted by a kept chart
 * with the caches, through run sets that change (a drag of τ), come back (the same run set again) and a moving
 * cursor, in draft and full quality, is pixel for pixel the picture a fresh chart paints without any cache.
 */
class PainterCachesTest {
    private static final int W = 520, H = 320;
    private static final List<ViewId> VIEWS = List.of(ViewId.LOSS, ViewId.KERNEL_DISTANCE, ViewId.HYPERBOLOID,
            ViewId.HYPERBOLOID_GEOMETRIES, ViewId.FUNCTION_SPACE, ViewId.CONSERVATION, ViewId.NEURON_TEMPORAL);

    static int[] paint(ViewChart chart, RunSet rs, double cursorT, boolean draft) {
        BufferedImage img = new BufferedImage(W * chart.id.columnSpan(), H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = ScreenGraphics.create(img, draft, true);
        if (chart.runs() != rs) chart.update(rs, cursorT);
        else chart.setCursor(cursorT);
        if (chart.chart() != null) chart.chart().getRenderingHints().put(RenderingHints.KEY_ANTIALIASING,
                draft ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
        chart.drawable().draw(g, new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight()));
        g.dispose();
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void everyPictureWithTheCachesIsThePictureWithout() throws Exception {
        RunSet a = StageCacheTest.sweep(0.1), b = StageCacheTest.sweep(0.7);
        Object[][] steps = {{a, Double.NaN}, {a, 4.0}, {b, 4.0}, {a, 4.0}, {a, 12.0}, {b, Double.NaN}};
        for (ViewId view : VIEWS) {
            ViewChart kept = ViewChart.create(view, ChartStyle.screen());
            for (boolean draft : new boolean[]{true, false}) {
                int[] first = null;
                for (Object[] step : steps) {
                    RunSet rs = (RunSet) step[0];
                    double t = (Double) step[1];
                    String where = view + (rs == a ? " A" : " B") + " t = " + t + (draft ? " draft" : " full");
                    int[] cached = paint(kept, rs, t, draft);
                    int[] fresh;
                    LayerCache.enable(false);
                    try {
                        fresh = paint(ViewChart.create(view, ChartStyle.screen()), rs, t, draft);
                    } finally {
                        LayerCache.enable(true);
                    }
                    assertArrayEquals(fresh, cached, where);
                    if (first == null) first = cached;
                    else if (rs == b) assertFalse(Arrays.equals(first, cached), where + ": the other run set's picture");
                }
            }
        }
    }
}
