package org.dlnexplorer.app;

import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChartRendererFrameTest {
    private static ChartRenderer.Painted painted(long seq) {
        return new ChartRenderer.Painted(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB_PRE), null, null, seq);
    }

    @Test
    void theImagePaintedForTheNewerJobWinsWhicheverLaneHeldIt() {
        // the function-space view moved from lane 1 to lane 0: lane 1 still holds its image for job 1
        ChartRenderer.Painted old = painted(1), fresh = painted(2), loss = painted(1);
        ChartRenderer.Frame lane0 = new ChartRenderer.Frame(2, Map.of(ViewId.FUNCTION_SPACE, fresh));
        ChartRenderer.Frame lane1 = new ChartRenderer.Frame(1, Map.of(ViewId.FUNCTION_SPACE, old, ViewId.LOSS, loss));
        for (ChartRenderer.Frame merged : new ChartRenderer.Frame[]{lane0.then(lane1), lane1.then(lane0)}) {
            assertSame(fresh, merged.images().get(ViewId.FUNCTION_SPACE));
            assertSame(loss, merged.images().get(ViewId.LOSS));
            assertEquals(2, merged.seq());
        }
    }

    @Test
    void anUnchangedPictureAfterAnImageNotYetPolledKeepsThatImage() {
        // a lane painted the loss for job 4, then found it unchanged for job 5 before the FX thread polled
        ChartRenderer.Painted image = painted(4);
        ChartRenderer.Painted same = new ChartRenderer.Painted(null, null, null, 5, null, true);
        ChartRenderer.Frame a = new ChartRenderer.Frame(4, Map.of(ViewId.LOSS, image));
        ChartRenderer.Frame b = new ChartRenderer.Frame(5, Map.of(ViewId.LOSS, same));
        for (ChartRenderer.Frame merged : new ChartRenderer.Frame[]{a.then(b), b.then(a)}) {
            ChartRenderer.Painted p = merged.images().get(ViewId.LOSS);
            assertSame(image.image(), p.image(), "the pixels are not lost");
            assertEquals(5, p.seq());
            assertTrue(p.draft());
        }
    }

    @Test
    void anImageReplacedBeforeItWasShownIsHandedBackAndNoOtherIs() {
        ChartRenderer.Painted old = painted(1), fresh = painted(2), loss = painted(1);
        ChartRenderer.Painted same = new ChartRenderer.Painted(null, null, null, 3, null, false);
        java.util.List<BufferedImage> dropped = new java.util.ArrayList<>();
        ChartRenderer.Frame a = new ChartRenderer.Frame(1, Map.of(ViewId.FUNCTION_SPACE, old, ViewId.LOSS, loss));
        ChartRenderer.Frame b = new ChartRenderer.Frame(2, Map.of(ViewId.FUNCTION_SPACE, fresh));
        ChartRenderer.Frame merged = a.then(b, dropped::add);
        assertEquals(java.util.List.of(old.image()), dropped, "only the replaced function-space image is free");
        dropped.clear();
        // an unchanged newer picture keeps the older pixels: nothing is free
        merged.then(new ChartRenderer.Frame(3, Map.of(ViewId.LOSS, same)), dropped::add);
        assertTrue(dropped.isEmpty(), "the loss pixels are the unchanged picture's");
    }

    @Test
    void aRepaintForTheSameJobReplacesTheEarlierImage() {
        ChartRenderer.Painted first = painted(3), second = painted(3);
        ChartRenderer.Frame a = new ChartRenderer.Frame(3, Map.of(ViewId.LOSS, first));
        ChartRenderer.Frame b = new ChartRenderer.Frame(3, Map.of(ViewId.LOSS, second));
        assertSame(second, a.then(b).images().get(ViewId.LOSS));
    }
}
