package org.dlnexplorer.app;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Undo/redo from the keyboard, stepping the cursor back, and the help overlay listing every binding. */
@ExtendWith(ApplicationExtension.class)
class UndoHelpTest {
    /** longer than UndoHistory.MERGE_MILLIS: the next change is a step of its own */
    private static final long APART_MILLIS = UndoHistory.MERGE_MILLIS + 200;

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return TestWindows.fx(c);
    }

    private void set(Runnable r) throws Exception {
        fx(() -> { r.run(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(APART_MILLIS);
    }

    private static void keys(FxRobot robot, KeyCode... codes) {
        robot.press(codes).release(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void undoAndRedoParameterChangesAndPresetLoads(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double d0 = fx(vm.delta::get);
        set(() -> vm.delta.set(1.0));
        set(() -> vm.delta.set(2.0));
        set(() -> vm.depth.set(3));
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(2, fx(vm.depth::get), "undo: depth back");
        assertEquals(2.0, fx(vm.delta::get));
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(1.0, fx(vm.delta::get));
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(d0, fx(vm.delta::get));
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(1.0, fx(vm.delta::get), "redo");
        Thread.sleep(APART_MILLIS);

        // a preset load is a step: undo brings the earlier preset back (in the picker too) with its values
        ComboBox<?> picker = robot.lookup("#preset-picker").queryAs(ComboBox.class);
        Object saxe = fx(picker::getValue);
        var before = fx(vm.basePreset::get);
        set(() -> picker.getSelectionModel().select(1));
        var other = fx(vm.basePreset::get);
        assertNotSame(before, other);
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertSame(before, fx(vm.basePreset::get), "undo of a preset load");
        assertSame(saxe, fx(picker::getValue));
        assertEquals(1.0, fx(vm.delta::get), "with the values it had");
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertSame(other, fx(vm.basePreset::get), "redo of the load");

        // a new change after an undo drops the redo steps
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        set(() -> vm.delta.set(-1.5));
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(-1.5, fx(vm.delta::get));
        assertSame(before, fx(vm.basePreset::get));
    }

    @Test
    void stepBackAndForward(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()));
        double[] times = fx(() -> vm.runSet.get().runs().get(0).trajectory().times());
        double end = fx(vm.duration::get);
        assertEquals(end, fx(vm.cursorT::get), 1e-12);
        javafx.scene.control.Button back = robot.lookup("#step-back-button").queryAs(javafx.scene.control.Button.class);
        fx(() -> { back.fire(); return null; });
        assertEquals(times[times.length - 2], fx(vm.cursorT::get), 1e-12, "back one recorded frame");
        keys(robot, KeyCode.CONTROL, KeyCode.LEFT);
        assertEquals(times[times.length - 3], fx(vm.cursorT::get), 1e-12, "Ctrl+Left: back once more");
        keys(robot, KeyCode.CONTROL, KeyCode.RIGHT);
        assertEquals(times[times.length - 2], fx(vm.cursorT::get), 1e-12, "Ctrl+Right: forward again");
        fx(() -> { vm.cursorT.set(0); return null; });
        keys(robot, KeyCode.CONTROL, KeyCode.LEFT);
        assertEquals(end, fx(vm.cursorT::get), 1e-12, "back from the start wraps to the end");
    }

    @Test
    void helpListsEveryBindingAndControl(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        HelpOverlay help = fx(() -> window.tools().help());
        assertFalse(fx(help::isShowing));
        keys(robot, KeyCode.F1);
        assertTrue(fx(help::isShowing), "F1 opens the help");
        List<String> lines = fx(help::lines);
        List<KeyBindings.Binding> bindings = fx(() -> window.keyBindings().all());
        assertTrue(bindings.size() >= 10, "undo, redo, help, playback, reset, Esc, gestures");
        for (KeyBindings.Binding b : bindings)
            assertTrue(lines.contains(b.keyText() + "\t" + b.label() + ": " + b.help()), "the help lists " + b.keyText());
        for (String id : new String[]{"delta-slider", "play-button", "step-back-button", "reset-button", "export-button"}) {
            javafx.scene.Parent row = robot.lookup("#" + id).query().getParent();
            String tip = HelpOverlay.controls(row).stream().filter(c -> !c[1].isEmpty()).findFirst().orElseThrow()[1];
            assertTrue(lines.stream().anyMatch(l -> l.endsWith("\t" + tip)), "the help lists the control " + id);
        }
        keys(robot, KeyCode.ESCAPE);
        assertFalse(fx(help::isShowing), "Esc closes it");
        // the Help menu opens it too
        fx(() -> { ((javafx.scene.control.MenuBar) robot.lookup("#menu-bar").query()).getMenus().stream()
                .filter(m -> m.getText().equals("Help")).findFirst().orElseThrow().getItems().get(0).fire(); return null; });
        assertTrue(fx(help::isShowing), "Help menu");
    }
}
