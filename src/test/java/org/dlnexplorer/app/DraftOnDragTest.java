package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A drag in the window (issue 19, part 2): while δ changes every pulse the views show drafts; once the
 * changes stop, every view is painted again in full quality, and that picture is pixel for pixel what a
 * painter that never drew a draft paints for the same run set. A single change is painted in full at once.
 */
@ExtendWith(ApplicationExtension.class)
class DraftOnDragTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, false);
    }

    private void awaitSettled() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
    }

    /** true when some rendered image view shows a draft */
    private boolean anyDraft() {
        for (ViewCell c : window.cells().values()) if (c.isRendered() && c.isDraft()) return true;
        return false;
    }

    @Test
    void aDragShowsDraftsAndTheReleaseTheFullPicture() throws Exception {
        awaitSettled();
        assertFalse(WaitForAsyncUtils.asyncFx(this::anyDraft).get(), "the first picture is in full quality");
        ViewModel vm = window.viewModel();
        boolean[] sawDraft = {false};
        TestWindows.eachPulse(2, s -> {
            sawDraft[0] |= anyDraft();
            vm.delta.set(-0.9 + 0.9 * s);   // one change per pulse
        });
        assertTrue(sawDraft[0], "drafts are shown while dragging");
        awaitSettled();
        // released: every view in full quality, exactly the picture of a painter that never drew a draft
        Map<ViewId, ChartRenderer.ViewState> states = new EnumMap<>(ViewId.class);
        Map<ViewId, int[]> shown = new EnumMap<>(ViewId.class);
        var runs = WaitForAsyncUtils.asyncFx(() -> {
            for (Map.Entry<ViewId, ViewCell> e : window.cells().entrySet()) {
                ViewCell c = e.getValue();
                if (!c.isRendered() || c.image() == null || e.getKey().cell() == ViewId.CellKind.SWEEP) continue;
                assertFalse(c.isDraft(), e.getKey() + " after the release");
                WritableImage img = c.image();
                int w = (int) img.getWidth(), h = (int) img.getHeight();
                int[] px = new int[w * h];
                img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), px, 0, w);
                shown.put(e.getKey(), px);
                states.put(e.getKey(), new ChartRenderer.ViewState(w, h, 0, 0));
            }
            return vm.runSet.get();
        }).get();
        assertFalse(shown.isEmpty());
        try (ChartRenderer fresh = new ChartRenderer(ChartStyle.screen(), 1)) {
            ChartRenderer.Frame f = ChartRendererDraftTest.paint(fresh,
                    new ChartRenderer.Job(1, runs, true, Double.NaN, vm.logTime.get(), vm.logLoss.get(), states, false));
            for (Map.Entry<ViewId, int[]> e : shown.entrySet()) {
                BufferedImage b = f.images().get(e.getKey()).image();
                int[] want = ((java.awt.image.DataBufferInt) b.getRaster().getDataBuffer()).getData();
                assertArrayEquals(want, e.getValue(), e.getKey() + ": the released picture is the full-quality one");
            }
        }
    }

    @Test
    void aSingleChangeIsPaintedInFullQualityAtOnce() throws Exception {
        awaitSettled();
        boolean[] sawDraft = {false};
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) { sawDraft[0] |= anyDraft(); }
        };
        WaitForAsyncUtils.asyncFx(() -> { watch.start(); window.viewModel().delta.set(0.37); }).get();
        awaitSettled();
        WaitForAsyncUtils.asyncFx(watch::stop).get();
        assertFalse(sawDraft[0], "one change after the picture was shown is no drag");
    }
}
