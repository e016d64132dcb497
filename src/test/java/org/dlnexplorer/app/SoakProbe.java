package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.TheoryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Manual probe (not a test: run with -Dtest=SoakProbe -Dsoak.minutes=10): the δ and τ sliders are dragged
 * back and forth, one change per pulse, for the given minutes in the real window (phase diagram on). Once a
 * minute: the heap after a full collection, computations started, and how many complete pictures lacked the
 * exact solution because the theory evaluations were "still busy" (the leaked-slot symptom). At the end, after
 * settling: whether the singular-values view shows the exact solution.
 */
@ExtendWith(ApplicationExtension.class)
class SoakProbe {
    private static final double DELTA_AMPLITUDE = 3, LOG_TAU_LOW = -3, LOG_TAU_HIGH = 0;
    /** seconds per back-and-forth sweep of a slider */
    private static final double PERIOD_SECONDS = 4;
    MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, true);
    }

    @Test
    void soak() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        ViewModel vm = window.viewModel();
        Slider delta = (Slider) window.stage().getScene().lookup("#delta-slider");
        Slider tau = (Slider) window.stage().getScene().lookup("#scale-slider");
        AtomicLong pulses = new AtomicLong(), complete = new AtomicLong(), busy = new AtomicLong(), exact = new AtomicLong();
        RunSet[] last = {null};
        long[] t0 = {0};
        AnimationTimer drag = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (t0[0] == 0) t0[0] = now;
                double s = (now - t0[0]) / 1e9;
                pulses.incrementAndGet();
                double phase = (s % PERIOD_SECONDS) / PERIOD_SECONDS;   // 0 … 1
                double tri = phase < 0.5 ? 2 * phase : 2 - 2 * phase;   // 0 … 1 … 0
                // a slider at a time, switching every period, as a user drags one then the other
                if (((long) (s / PERIOD_SECONDS)) % 2 == 0) delta.setValue(-DELTA_AMPLITUDE + 2 * DELTA_AMPLITUDE * tri);
                else tau.setValue(LOG_TAU_LOW + (LOG_TAU_HIGH - LOG_TAU_LOW) * tri);
                RunSet rs = vm.runSet.get();
                if (rs != last[0] && rs != null && !rs.runs().isEmpty() && rs.runs().get(0).trajectory().complete()) {
                    complete.incrementAndGet();
                    TheoryResult ex = rs.runs().get(0).trajectory().exact();
                    if (ex != null && ex.available()) exact.incrementAndGet();
                    else if (ex != null && ex.reason() != null && ex.reason().contains("busy")) busy.incrementAndGet();
                }
                last[0] = rs;
            }
        };
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "soak: start, heap after GC %.0f MB, cores %d%n", heapAfterGc(mem),
                Runtime.getRuntime().availableProcessors());
        WaitForAsyncUtils.asyncFx(drag::start).get();
        long start = System.nanoTime();
        for (int m = 1; m <= Math.ceil(minutes); m++) {
            long until = start + (long) (Math.min(m, minutes) * 60e9);
            while (System.nanoTime() < until) Thread.sleep(250);
            System.out.printf(Locale.ROOT, "soak: minute %d, heap after GC %.0f MB, pulses %d, computations started %d, "
                            + "complete pictures %d (with exact %d, \"still busy\" %d)%n", m, heapAfterGc(mem), pulses.get(),
                    window.service().started(), complete.get(), exact.get(), busy.get());
        }
        WaitForAsyncUtils.asyncFx(drag::stop).get();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(window::isSettled).get());
        RunSet shown = WaitForAsyncUtils.asyncFx(() -> window.cells().get(ViewId.SINGULAR_VALUES).shown()).get();
        TheoryResult ex = shown.runs().get(0).trajectory().exact();
        System.out.printf(Locale.ROOT, "soak: end, exact overlay shown: %s (%s), heap after GC %.0f MB%n",
                ex != null && ex.available(), RunSummary.theoryLine(shown), heapAfterGc(mem));
    }

    private static double heapAfterGc(MemoryMXBean mem) {
        System.gc();
        return mem.getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
