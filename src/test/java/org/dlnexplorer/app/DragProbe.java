package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

/** Manual probe (not a test: run with -Dtest=DragProbe): how many complete pictures a 3 s δ drag shows. */
@ExtendWith(ApplicationExtension.class)
class DragProbe {
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, Boolean.getBoolean("probe.phase"));
    }

    @Test
    void drag() throws Exception {
        String preset = System.getProperty("probe.preset");
        if (preset != null) WaitForAsyncUtils.asyncFx(() -> window.open(java.nio.file.Path.of(preset))).get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        ViewModel vm = window.viewModel();
        int[] pulses = {0}, complete = {0};
        Object[] last = {null};
        long[] t0 = {0};
        AnimationTimer drag = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (t0[0] == 0) t0[0] = now;
                double s = (now - t0[0]) / 1e9;
                if (s > 3) { stop(); return; }
                pulses[0]++;
                vm.delta.set(-3 + 2 * s);   // δ from −3 to 3 in 3 s, one change per pulse
                if (vm.runSet.get() != last[0] && vm.runSet.get().runs().get(0).trajectory().complete()) complete[0]++;
                last[0] = vm.runSet.get();
            }
        };
        WaitForAsyncUtils.asyncFx(drag::start).get();
        WaitForAsyncUtils.sleep(3500, TimeUnit.MILLISECONDS);
        System.out.printf("drag: %d pulses, %d complete pictures shown, %d computations started%n",
                pulses[0], complete[0], window.service().started());
    }
}
