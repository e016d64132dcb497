package org.dlnexplorer.app;

import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The weights view in the app: shown from the View menu, drawn for the run, redrawn as the time cursor moves. */
@ExtendWith(ApplicationExtension.class)
class WeightsViewTest {
    private static final long WAIT_SECONDS = 120;

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception { return TestWindows.fx(c); }

    /** the pixels of the image a cell shows (a copy) */
    private static int[] pixels(ViewCell c) {
        WritableImage img = c.image();
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    @Test
    void weightsViewShowsTheRunAndFollowsTheCursor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()));
        fx(() -> { window.setViewShown(ViewId.WEIGHTS, true); return null; });
        ViewCell cell = fx(() -> window.cells().get(ViewId.WEIGHTS));
        assertNotNull(cell);
        assertNotNull(fx(() -> robot.lookup("#weights-view").query()), "the cell is in the grid");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> cell.image() != null && cell.shown() == vm.runSet.get() && window.isSettled()));
        assertNull(ViewId.WEIGHTS.whyNot(fx(vm.runSet::get)), "saxe-two-modes records its weights");
        int[] atEnd = fx(() -> pixels(cell));
        fx(() -> { TestWindows.snapshot(cell, "weights-view-end"); return null; });
        // the cursor near the start: W_ℓ ≈ τ-small, another picture
        fx(() -> { vm.cursorT.set(0.2); return null; });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !java.util.Arrays.equals(atEnd, fx(() -> pixels(cell))));
        fx(() -> { TestWindows.snapshot(cell, "weights-view-start"); return null; });
    }
}
