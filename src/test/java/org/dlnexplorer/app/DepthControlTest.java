package org.dlnexplorer.app;

import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.dlnexplorer.app.TestWindows.fx;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The depth slider names what it sets: with a frozen readout pᵀ (training.freezeOutput) it shows the trained
 * layers L and "+ pᵀ", as the compare legend ("L = 4 + pᵀ") and the description count them, and a typed L sets
 * network.depth = L + 1; with every layer trained it shows network.depth itself.
 */
@ExtendWith(ApplicationExtension.class)
class DepthControlTest {
    static final String FROZEN = """
            { "schema": 1, "name": "frozen-p",
              "network": { "widths": [3, 3, 3, 1] },
              "task": { "target": { "matrix": [[1, 0.5, -0.5]] }, "inputs": "whitened" },
              "init": { "scheme": "residual", "scale": 1.0, "seed": 2 },
              "training": { "duration": 2, "samples": 11, "freezeOutput": true } }""";
    static final String TRAINED = FROZEN.replace("\"freezeOutput\": true", "\"freezeOutput\": false");

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private void load(Path file) throws Exception {
        assertTrue(fx(() -> window.open(file)).get(60, TimeUnit.SECONDS), file.toString());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    @Test
    void theBundledFixedPPresetShowsTheDepthItsLegendAndDescriptionName(FxRobot robot) throws Exception {
        Path file = Path.of("presets/marion-chizat-residual-fixed-p.json");
        load(file);
        // the first run's legend, as the views draw it: "L = 4 + pᵀ"
        var members = PresetCompiler.compileSet(PresetIo.read(file), file.toString());
        String legend = members.get(0).label();
        assertTrue(legend.endsWith(" + pᵀ"), legend);
        String trained = legend.substring("L = ".length(), legend.length() - " + pᵀ".length());
        TextField field = robot.lookup("#depth-field").queryAs(TextField.class);
        assertEquals(trained, field.getText(), "the slider shows the legend's L");
        assertEquals(DepthControl.FROZEN_UNIT, text(robot, "#depth-unit"));
        javafx.scene.control.Label unit = robot.lookup("#depth-unit").queryAs(javafx.scene.control.Label.class);
        assertTrue(unit.minWidth(-1) >= unit.prefWidth(-1) - 0.5, "the row never cuts the unit to \"…\": " + unit.minWidth(-1));
        assertTrue(fx(() -> vm.basePreset.get().description).contains("L = " + trained), "the description's L");
        assertEquals(5, vm.depth.get(), "the view-model keeps network.depth (weight matrices, pᵀ included)");
    }

    @Test
    void aTypedDepthSetsTheTrainedLayersWhenTheReadoutIsFrozen(FxRobot robot, @TempDir Path dir) throws Exception {
        Path frozen = dir.resolve("frozen.json");
        Files.writeString(frozen, FROZEN);
        load(frozen);
        TextField field = robot.lookup("#depth-field").queryAs(TextField.class);
        assertEquals("2", field.getText(), "widths [3, 3, 3, 1]: two trained layers and pᵀ");
        assertEquals("+ pᵀ", text(robot, "#depth-unit"));
        NumberControl control = (NumberControl) robot.lookup("#depth-slider").query().getParent().getParent();
        assertEquals(DepthControl.FROZEN_TIP + " (range 1 … 8)", control.tooltip());
        fx(() -> { field.setText("4"); control.commitText(); return null; });
        assertEquals(5, vm.depth.get(), "L = 4 trained layers and pᵀ: network.depth 5");
        var preset = fx(() -> vm.params().applyTo(vm.basePreset.get()));
        assertEquals(6, preset.network.widths.length, "five weight matrices, the last pᵀ");
        assertEquals("4", field.getText());

        Path trained = dir.resolve("trained.json");
        Files.writeString(trained, TRAINED);
        load(trained);
        assertEquals("3", field.getText(), "every layer trains: L is network.depth");
        assertEquals("", text(robot, "#depth-unit"));
        assertEquals(DepthControl.TRAINED_TIP + " (range 1 … 8)", control.tooltip());
        fx(() -> { field.setText("4"); control.commitText(); return null; });
        assertEquals(4, vm.depth.get());
    }
}
