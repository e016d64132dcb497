package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.dlnexplorer.app.phase.PhaseDiagramView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The phase diagram follows a drag on its release (issue 19, part 2): δ dragged beyond the map's axes
 * (δ = −4…4) would widen them and start a new sweep at every pause of the pipeline, competing with the
 * drag's pictures; the new sweep starts once the drag is released.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseDiagramOnDragTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, true);
    }

    private void awaitSettledWithMap() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.isSettled() && !window.phaseDiagram().isRunning()).get());
    }

    @Test
    void aDragBeyondTheAxesStartsTheNewSweepOnRelease() throws Exception {
        awaitSettledWithMap();
        PhaseDiagramView map = window.phaseDiagram();
        var before = WaitForAsyncUtils.asyncFx(map::result).get();
        assertNotNull(before);
        ViewModel vm = window.viewModel();
        boolean[] restarted = {false}, done = {false};
        long[] t0 = {0};
        AnimationTimer drag = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (t0[0] == 0) t0[0] = now;
                double s = (now - t0[0]) / 1e9;
                restarted[0] |= map.result() != before;
                if (s > 2) { stop(); done[0] = true; return; }
                vm.delta.set(3 + 2 * s);   // δ from 3 to 7: beyond the axes' 4 after half a second
            }
        };
        WaitForAsyncUtils.asyncFx(drag::start).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> done[0]).get());
        assertFalse(restarted[0], "no sweep starts while the drag goes on");
        awaitSettledWithMap();
        assertNotSame(before, WaitForAsyncUtils.asyncFx(map::result).get(), "the widened map's sweep ran after the release");
    }
}
