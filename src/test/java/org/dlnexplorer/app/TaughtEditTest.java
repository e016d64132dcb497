package org.dlnexplorer.app;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dlnexplorer.model.observe.RunSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Editing what is taught in the panel: the compare set (parameter and values) changes the runs, undo brings
 * the earlier set back, a refused entry changes nothing and says why beside the field, detach shows one run
 * and restore the set; the target basis and the inputs Σxx too; Copy as preset carries every edit.
 */
@ExtendWith(ApplicationExtension.class)
class TaughtEditTest {
    /** longer than UndoHistory.MERGE_MILLIS: the next change is a step of its own */
    private static final long APART_MILLIS = UndoHistory.MERGE_MILLIS + 200;
    private static final long WAIT_SECONDS = 120;

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception { return TestWindows.fx(c); }

    /** type text into a field of the panel and press Enter (the field's action) */
    private void enter(FxRobot robot, String id, String text) throws Exception {
        fx(() -> {
            TextField f = robot.lookup("#" + id).queryAs(TextField.class);
            f.setText(text);
            f.fireEvent(new ActionEvent());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setParameter(FxRobot robot, String path) throws Exception {
        fx(() -> {
            ComboBox<?> c = robot.lookup("#compare-parameter").queryAs(ComboBox.class);
            c.getEditor().setText(path);
            return null;
        });
    }

    /** wait until the complete run set on screen has this many runs; returns it */
    private RunSet settledRuns(int n) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()
                && vm.runSet.get() != null && vm.runSet.get().runs().size() == n));
        return fx(vm.runSet::get);
    }

    private String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    private JsonObject copied(PresetClipboard clip) throws Exception {
        return JsonParser.parseString(fx(clip::currentJson)).getAsJsonObject();
    }

    @Test
    void compareSetEditedUndoneDetachedAndRestored(FxRobot robot) throws Exception {
        assertEquals(1, settledRuns(1).runs().size(), "saxe-two-modes: one run, no compare set");
        Thread.sleep(APART_MILLIS);
        PresetClipboard clip = new PresetClipboard(vm, e -> { }, Runnable::run, Runnable::run);

        // a compare set typed into the panel: the runs change to one per value
        setParameter(robot, "init.delta");
        enter(robot, "compare-values", "-1, 0, 1");
        RunSet three = settledRuns(3);
        assertEquals("δ = -1", three.runs().get(0).label());
        assertEquals("δ = 1", three.runs().get(2).label());
        assertTrue(fx(() -> robot.lookup("#delta-slider").query().isDisabled()), "the compared field's slider has no effect");
        fx(() -> {
            javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) robot.lookup(".controls").query().getParent().getParent().getParent();
            side.setVvalue(0.75);
            side.layout();
            TestWindows.snapshot(side, "taught-compare");
            return null;
        });
        JsonObject preset = copied(clip);
        assertEquals("init.delta", preset.getAsJsonObject("compare").get("parameter").getAsString(), "Copy as preset carries the set");
        assertEquals(3, preset.getAsJsonObject("compare").getAsJsonArray("values").size());
        Thread.sleep(APART_MILLIS);

        // a refused value changes nothing and says why beside the field
        Taught before = fx(vm.taught::get);
        enter(robot, "compare-values", "-1, zero, 1");
        assertEquals(before, fx(vm.taught::get));
        assertTrue(text(robot, "compare-message").contains("must be numbers"), text(robot, "compare-message"));
        assertEquals("-1, 0, 1", fx(() -> robot.lookup("#compare-values").queryAs(TextField.class).getText()), "the field shows the set kept");
        setParameter(robot, "init.nothing");
        enter(robot, "compare-values", "1, 2");
        assertEquals(before, fx(vm.taught::get), "an unknown field is refused");
        assertTrue(text(robot, "compare-message").contains("init.nothing"), text(robot, "compare-message"));
        setParameter(robot, "network.depth");
        enter(robot, "compare-values", "2, 0");
        assertEquals(before, fx(vm.taught::get), "a depth of 0 is refused");
        assertFalse(text(robot, "compare-message").isEmpty());

        // other values: the runs follow; undo (Ctrl+Z) restores the earlier set and its runs
        setParameter(robot, "init.delta");
        enter(robot, "compare-values", "-2, 2");
        RunSet two = settledRuns(2);
        assertEquals("δ = 2", two.runs().get(1).label());
        assertEquals("", text(robot, "compare-message"), "a valid entry clears the message");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(vm.taught::get), "undo: the set of three");
        assertEquals(3, settledRuns(3).runs().size());
        assertEquals("-1, 0, 1", fx(() -> robot.lookup("#compare-values").queryAs(TextField.class).getText()));
        Thread.sleep(APART_MILLIS);

        // detach: one run with the controls' values; restore: the set again
        Button detach = robot.lookup("#compare-detach").queryAs(Button.class);
        fx(() -> { detach.fire(); return null; });
        assertEquals(1, settledRuns(1).runs().size(), "detached: one run");
        assertNull(copied(clip).get("compare"), "Copy as preset: a single run");
        assertFalse(fx(() -> robot.lookup("#delta-slider").query().isDisabled()), "δ's slider is live again");
        assertTrue(fx(() -> robot.lookup("#compare-values").query().isDisabled()));
        assertEquals("Restore set", fx(detach::getText));
        Thread.sleep(APART_MILLIS);
        fx(() -> { detach.fire(); return null; });
        assertEquals(3, settledRuns(3).runs().size(), "restored: the set of three");
        // a preset with its own set: the fields show it, no message (showing it commits nothing)
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<PresetLibrary.Entry> picker = robot.lookup("#preset-picker").queryAs(ComboBox.class);
            picker.getSelectionModel().select(picker.getItems().stream()
                    .filter(e -> e.file().equals("depth-sharpens-transitions.json")).findFirst().orElseThrow());
            return null;
        });
        assertEquals(3, settledRuns(3).runs().size());
        assertEquals("network.depth", fx(() -> robot.lookup("#compare-parameter").queryAs(ComboBox.class).getEditor().getText()));
        assertEquals("2, 4, 8", fx(() -> robot.lookup("#compare-values").queryAs(TextField.class).getText()));
        assertEquals("", text(robot, "compare-message"));
        assertEquals("", fx(vm.inputMessage::get));
        assertEquals(Taught.of(fx(vm.basePreset::get)), fx(vm.taught::get));
        // back to saxe-two-modes (no set): the fields empty, still no message
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, settledRuns(3).runs().size(), "undo of the load: the set of three over δ");
        assertEquals("", text(robot, "compare-message"));
        Thread.sleep(APART_MILLIS);
        // undo steps back over the restore and the detach
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> vm.taught.get().detached()), "undo of the restore: detached");
        assertEquals(1, settledRuns(1).runs().size());
    }

    @Test
    void basisAndInputsEditedAndUndone(FxRobot robot) throws Exception {
        settledRuns(1);
        Thread.sleep(APART_MILLIS);
        PresetClipboard clip = new PresetClipboard(vm, e -> { }, Runnable::run, Runnable::run);
        ComboBox<String> basis = robot.lookup("#basis-picker").queryAs(ComboBox.class);
        assertEquals("identity", fx(basis::getValue));
        fx(() -> { basis.getSelectionModel().select("random"); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("random", fx(() -> vm.taught.get().basis()));
        assertEquals("random", copied(clip).getAsJsonObject("task").getAsJsonObject("target").get("basis").getAsString());
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()
                && vm.shownParams.get() != null && "random".equals(vm.shownParams.get().taught().basis())));
        Thread.sleep(APART_MILLIS);

        // Σxx: a diagonal is taken; a matrix that is not symmetric is refused, nothing changes
        assertEquals("whitened", fx(() -> robot.lookup("#inputs-field").queryAs(TextField.class).getText()));
        enter(robot, "inputs-field", "1, 0.25");
        double[][] c = fx(() -> vm.taught.get().covariance());
        assertArrayEquals(new double[]{1, 0}, c[0]);
        assertArrayEquals(new double[]{0, 0.25}, c[1]);
        assertEquals(0.25, copied(clip).getAsJsonObject("task").getAsJsonObject("inputs").getAsJsonArray("covariance")
                .get(1).getAsJsonArray().get(1).getAsDouble());
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()
                && vm.shownParams.get() != null && vm.shownParams.get().taught().covariance() != null));
        Thread.sleep(APART_MILLIS);
        Taught kept = fx(vm.taught::get);
        enter(robot, "inputs-field", "1 2; 0 1");
        assertEquals(kept, fx(vm.taught::get), "refused: nothing changes");
        assertTrue(text(robot, "inputs-message").contains("symmetric"), text(robot, "inputs-message"));
        enter(robot, "inputs-field", "1, 2, 3");
        assertEquals(kept, fx(vm.taught::get));
        assertTrue(text(robot, "inputs-message").contains("2 diagonal entries"), text(robot, "inputs-message"));

        // undo twice: whitened inputs, then the identity basis
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> vm.taught.get().covariance()));
        assertEquals("whitened", fx(() -> robot.lookup("#inputs-field").queryAs(TextField.class).getText()));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("identity", fx(basis::getValue));
        assertFalse(copied(clip).getAsJsonObject("task").getAsJsonObject("target").has("basis")
                && !"identity".equals(copied(clip).getAsJsonObject("task").getAsJsonObject("target").get("basis").getAsString()));
    }
}
