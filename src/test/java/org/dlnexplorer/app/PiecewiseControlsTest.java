package org.dlnexplorer.app;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A piecewise-linear preset in the app: its controls (γ, h) and views; the linear network's controls hidden. */
@ExtendWith(ApplicationExtension.class)
class PiecewiseControlsTest {
    static final String RELU = """
            { "schema": 1, "name": "relu-app",
              "network": { "widths": [2, 8, 1], "activation": "relu" },
              "task": { "teacher": { "hidden": 2, "samples": 12, "testSamples": 20, "seed": 4 } },
              "init": { "scheme": "symmetrized", "scale": 0.3, "delta": 0.5, "seed": 2 },
              "training": { "duration": 10, "samples": 11 } }""";

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, true);
        vm = window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** the node and every ancestor up to the controls' scroll pane visible and taking room (hidden rows give theirs up) */
    private static boolean shown(FxRobot robot, String id) {
        for (Node n = robot.lookup(id).query(); n != null && !(n instanceof javafx.scene.control.ScrollPane); n = n.getParent())
            if (!n.isVisible() || (!n.isManaged() && n.getStyleClass().contains("number-control"))) return false;
        return true;
    }

    @Test
    void aReluPresetShowsItsOwnControlsAndViews(FxRobot robot, @TempDir Path dir) throws Exception {
        assertTrue(shown(robot, "#depth-slider"), "a linear preset shows L");
        assertFalse(shown(robot, "#leak-slider"), "a linear preset hides γ");
        assertTrue(shown(robot, "#inputs-field"), "a linear preset shows Σxx");
        Path file = dir.resolve("relu.json");
        Files.writeString(file, RELU);
        assertTrue(fx(() -> window.open(file)).get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#neurons-slider", "#leak-slider", "#delta-slider", "#scale-slider", "#seed-field"})
            assertTrue(shown(robot, id), id + " shown for a ReLU network");
        for (String id : new String[] {"#depth-slider", "#width-slider", "#targets-field", "#basis-picker", "#inputs-field"})
            assertFalse(shown(robot, id), id + " hidden for a ReLU network");
        assertEquals(8, vm.width.get());
        List<ViewId> panels = fx(() -> vm.panels.get());
        assertTrue(panels.containsAll(List.of(ViewId.INPUT_SPACE, ViewId.NEURON_DYNAMICS, ViewId.PHASE_PORTRAIT,
                ViewId.LOSS, ViewId.KERNEL_DISTANCE)), panels.toString());
        assertFalse(panels.contains(ViewId.SINGULAR_VALUES), panels.toString());
        // γ goes into the request: a ReLU with a leak is a leaky ReLU
        fx(() -> { vm.leak.set(0.1); return null; });
        Params p = fx(() -> vm.params());
        assertEquals(0.1, p.leak(), 0.0);
        var preset = p.applyTo(fx(() -> vm.basePreset.get()));
        assertEquals("leaky-relu", preset.network.activation);
        assertEquals(0.1, preset.network.leak, 0.0);
    }
}
