package org.dlnexplorer.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.TheoryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.dlnexplorer.app.ControlRanges.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A seeded monkey: a few thousand random clicks, drags, wheel turns, keys and typed text over every control
 * and view of the window, through the JavaFX robot (real input events). Asserted: the window's frame loop keeps
 * pulsing, no exception reaches the default uncaught-exception handler, every parameter stays within its
 * control's range, and at the end the singular-values view shows the exact solution (no theory slot leaked).
 * The event sequence is fixed by the seed; the app's timing is not asserted (generous settle timeouts).
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {
    private static final long SEED = 18;
    private static final int EVENTS = 2000;
    /** events sent in one turn of the FX thread (the app's pulses and computations run between turns) */
    private static final int BATCH = 20;
    /** events between the checks of pulse and ranges */
    private static final int CHECK_EVERY = 250;
    private static final long SETTLE_SECONDS = 180;
    /** relative slack of a log slider's value at its ends (10^log10(x) round-off) */
    private static final double LOG_SLACK = 1e-12;
    private static final KeyCode[] KEYS = {KeyCode.ESCAPE, KeyCode.TAB, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP,
            KeyCode.DOWN, KeyCode.ENTER, KeyCode.SPACE, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN,
            KeyCode.BACK_SPACE, KeyCode.DELETE};
    private static final KeyCode[] SHORTCUTS = {KeyCode.R, KeyCode.SPACE, KeyCode.RIGHT};
    /** what is typed: digits, sign, point, exponent, separators, letters, a Unicode-free subset of what users type */
    private static final KeyCode[] TYPED = {KeyCode.DIGIT0, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT5,
            KeyCode.DIGIT9, KeyCode.PERIOD, KeyCode.MINUS, KeyCode.E, KeyCode.COMMA, KeyCode.SPACE, KeyCode.A, KeyCode.N,
            KeyCode.X, KeyCode.SEMICOLON};

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previous;
    private MainWindow window;
    private ViewModel vm;
    private Robot robot;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler(null);   // the FX thread's exceptions go to the default one
        window = TestWindows.open(stage, true);
        vm = window.viewModel();
        robot = new Robot();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aMonkeyCannotBreakTheWindow() throws Exception {
        WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS, () -> fx(window::isSettled));
        Random rnd = new Random(SEED);
        long lastPulse = fx(() -> window.latency().handlerStartNanos());
        long t0 = System.nanoTime();
        for (int i = 0; i < EVENTS; i += BATCH) {
            int[] kinds = new int[BATCH];
            long[] seeds = new long[BATCH];
            for (int j = 0; j < BATCH; j++) { kinds[j] = rnd.nextInt(100); seeds[j] = rnd.nextLong(); }
            fx(() -> { for (int j = 0; j < BATCH; j++) act(kinds[j], new Random(seeds[j])); return null; });
            if ((i + BATCH) % CHECK_EVERY == 0) {
                long before = lastPulse;
                String when = "after " + (i + BATCH) + " events";
                WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS,
                        () -> fx(() -> window.latency().handlerStartNanos()) != before);
                lastPulse = fx(() -> window.latency().handlerStartNanos());
                fx(() -> { assertInRange(when); return null; });
                assertEquals(List.of(), List.copyOf(uncaught), when);
            }
        }
        System.out.printf("monkey: %d events in %.1f s, %d computations started, %d targets at the end%n", EVENTS,
                (System.nanoTime() - t0) / 1e9, window.service().started(), fx(() -> targets().size()));
        t0 = System.nanoTime();
        // close what the monkey left open, show the singular values, back to the default preset's values
        fx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) if (w != window.stage()) w.hide();
            if (window.isMaximized(ViewId.SINGULAR_VALUES)) window.toggleMaximize(window.cells().get(ViewId.SINGULAR_VALUES));
            for (ViewId id : ViewId.values()) if (window.isMaximized(id)) window.toggleMaximize(window.cells().get(id));
            window.setViewShown(ViewId.SINGULAR_VALUES, true);
            @SuppressWarnings("unchecked")
            ComboBox<PresetLibrary.Entry> picker = (ComboBox<PresetLibrary.Entry>) window.stage().getScene().lookup("#preset-picker");
            for (PresetLibrary.Entry e : picker.getItems())
                if (e.file().equals(AppOptions.DEFAULT_PRESET_FILE)) picker.getSelectionModel().select(e);
            vm.resetAll();
            return null;
        });
        WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS, () -> fx(window::isSettled));
        System.out.printf("monkey: settled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        fx(() -> { assertInRange("at the end"); return null; });
        RunSet shown = fx(() -> window.cells().get(ViewId.SINGULAR_VALUES).shown());
        assertSame(fx(() -> vm.runSet.get()), shown, "the singular-values view shows the newest runs");
        TheoryResult exact = shown.runs().get(0).trajectory().exact();
        assertNotNull(exact, "an exact solution was attached");
        assertTrue(exact.available(), "the exact overlay is drawn: " + exact.reason());
        assertEquals(List.of(), List.copyOf(uncaught));
    }

    /** One random event on the FX thread. */
    private void act(int kind, Random r) {
        List<Node> targets = targets();
        Node n = targets.get(r.nextInt(targets.size()));
        if (kind < 30) {                                   // a click somewhere on a control or view
            click(n, r, r.nextInt(10) == 0 ? 2 : 1);
        } else if (kind < 55) {                            // a drag across it
            Bounds b = bounds(n);
            if (b == null) return;
            robot.mouseMove(x(b, r), y(b, r));
            robot.mousePress(MouseButton.PRIMARY);
            for (int s = 0; s < 4; s++) robot.mouseMove(x(b, r), y(b, r));
            robot.mouseRelease(MouseButton.PRIMARY);
        } else if (kind < 62) {                            // the wheel
            Bounds b = bounds(n);
            if (b == null) return;
            robot.mouseMove(x(b, r), y(b, r));
            robot.mouseWheel(r.nextInt(7) - 3);
        } else if (kind < 80) {                            // a key, sometimes with the shortcut modifier
            if (r.nextInt(6) == 0) {
                robot.keyPress(KeyCode.CONTROL);
                press(SHORTCUTS[r.nextInt(SHORTCUTS.length)]);
                robot.keyRelease(KeyCode.CONTROL);
            } else {
                press(KEYS[r.nextInt(KEYS.length)]);
            }
        } else {                                           // text typed into a field, then Enter or Tab
            List<Node> fields = targets.stream().filter(t -> t instanceof TextField).toList();
            Node f = fields.get(r.nextInt(fields.size()));
            click(f, r, 2);
            int len = 1 + r.nextInt(8);
            for (int c = 0; c < len; c++) press(TYPED[r.nextInt(TYPED.length)]);
            press(r.nextBoolean() ? KeyCode.ENTER : KeyCode.TAB);
        }
    }

    /** every control and view of the window that is on screen now, plus the nodes of open popups */
    private List<Node> targets() {
        List<Node> out = new ArrayList<>();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (!w.isShowing() || w.getScene() == null) continue;
            for (Node n : w.getScene().getRoot().lookupAll("*"))
                if ((n instanceof Slider || n instanceof TextField || n instanceof ButtonBase || n instanceof ComboBox
                        || n instanceof CheckBox || n instanceof MenuButton || n instanceof ViewCell
                        || n instanceof javafx.scene.control.ListCell
                        || (n.getId() != null && n.getId().endsWith("-view"))) && n.isVisible() && bounds(n) != null)
                    out.add(n);
        }
        return out;
    }

    private void click(Node n, Random r, int count) {
        Bounds b = bounds(n);
        if (b == null) return;
        robot.mouseMove(x(b, r), y(b, r));
        for (int c = 0; c < count; c++) robot.mouseClick(MouseButton.PRIMARY);
    }

    private void press(KeyCode k) {
        robot.keyPress(k);
        robot.keyRelease(k);
    }

    /** the node's bounds on screen, or null when it has none to hit */
    private static Bounds bounds(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) return null;
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return b == null || b.getWidth() < 2 || b.getHeight() < 2 ? null : b;
    }

    private static double x(Bounds b, Random r) { return b.getMinX() + 1 + r.nextDouble() * (b.getWidth() - 2); }

    private static double y(Bounds b, Random r) { return b.getMinY() + 1 + r.nextDouble() * (b.getHeight() - 2); }

    /** every parameter within its control's range (FX thread) */
    private void assertInRange(String when) {
        within("δ " + when, vm.delta.get(), DELTA_MIN, DELTA_MAX);
        within("τ " + when, vm.tau(), TAU_MIN * (1 - LOG_SLACK), TAU_MAX * (1 + LOG_SLACK));
        within("L " + when, vm.depth.get(), 1, DEPTH_MAX);
        // the width field is h for a piecewise-linear network (2 … NEURONS_MAX), else the hidden width
        boolean piecewise = org.dlnexplorer.chart.ViewId.piecewise(vm.basePreset.get());
        within("n " + when, vm.width.get(), piecewise ? NEURONS_MIN : 1, piecewise ? NEURONS_MAX : WIDTH_MAX);
        within("η " + when, vm.learningRate.get(), ETA_MIN * (1 - LOG_SLACK), ETA_MAX * (1 + LOG_SLACK));
        within("T " + when, vm.duration.get(), DURATION_MIN * (1 - LOG_SLACK), DURATION_MAX * (1 + LOG_SLACK));
        within("speed " + when, vm.speed.get(), SPEED_MIN * (1 - LOG_SLACK), SPEED_MAX * (1 + LOG_SLACK));
        within("cursor " + when, vm.cursorT.get(), 0, vm.duration.get());
        for (double s : vm.targets.get()) within("s_α " + when, s, 0, TARGET_MAX);
        assertTrue(vm.seed.get() >= 0, "seed " + when + ": " + vm.seed.get());
    }

    private static void within(String what, double v, double min, double max) {
        assertTrue(v >= min && v <= max, what + ": " + v + " not in [" + min + ", " + max + "]");
    }
}
