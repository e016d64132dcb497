package org.dlnexplorer.app;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Copy as preset (Ctrl+Shift+C) and paste (Ctrl+Shift+V), and pasting text that is not a preset. */
@ExtendWith(ApplicationExtension.class)
class PresetClipboardTest {
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

    private static void keys(FxRobot robot, KeyCode... codes) {
        robot.press(codes).release(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void copyThenPasteRestoresTheConfiguration(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> { vm.delta.set(1.25); vm.depth.set(3); return null; });
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        String json = fx(() -> Clipboard.getSystemClipboard().getString());
        assertNotNull(json);
        Preset copied = PresetIo.parse(json, "test");
        assertEquals(1.25, copied.init.delta);
        assertEquals(4, copied.network.widths.length, "depth 3");
        assertTrue(copied.name.endsWith("(modified)"), copied.name);

        fx(() -> { vm.resetAll(); return null; });
        assertEquals(0.0, fx(vm.delta::get));
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.delta.get() == 1.25));
        assertEquals(3, fx(vm.depth::get));
        assertEquals(copied.name, fx(() -> vm.basePreset.get().name));

        // not a preset: a message, the state kept
        Preset shown = fx(vm.basePreset::get);
        fx(() -> { ClipboardContent c = new ClipboardContent(); c.putString("{ \"schema\": 1, "); Clipboard.getSystemClipboard().setContent(c); return null; });
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.error.get().contains("malformed JSON")));
        assertTrue(fx(() -> vm.error.get()).startsWith("error: clipboard: "), fx(() -> vm.error.get()));
        assertSame(shown, fx(vm.basePreset::get));
        assertEquals(1.25, fx(vm.delta::get));
        // undo goes back over the paste
        fx(() -> window.tools().history().undo());
        assertNotSame(shown, fx(vm.basePreset::get));
    }
}
