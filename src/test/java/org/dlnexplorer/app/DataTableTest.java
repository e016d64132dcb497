package org.dlnexplorer.app;

import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
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

/** The data table (Ctrl+D): the shown run's observables, and Copy as tab-separated text. */
@ExtendWith(ApplicationExtension.class)
class DataTableTest {
    /** the table prints 10 significant digits */
    static final double PRINTED = 1e-9;

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

    @Test
    void tableListsEveryFrameAndCopiesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        ObservablesTable table = fx(() -> window.tools().table());
        assertTrue(fx(table::isShowing));
        Trajectory t = fx(() -> vm.runSet.get().runs().get(0).trajectory());
        List<String[]> rows = fx(table::items);
        assertEquals(t.frames().size(), rows.size());
        String[] lines = fx(table::text).split("\n");
        boolean sharp = t.frames().stream().anyMatch(Frame::hasSharpness);   // recorded while the sharpness view is shown
        assertEquals("t\tloss\tsigma1\tsigma2\tkernel_distance\tbalance_drift" + (sharp ? "\tsharpness" : ""), lines[0]);
        for (int i = 0; i < t.frames().size(); i += 37) {
            Frame f = t.frames().get(i);
            String[] cells = lines[i + 1].split("\t");
            assertEquals(f.t(), Double.parseDouble(cells[0]), PRINTED * Math.max(1, f.t()));
            assertEquals(f.loss(), Double.parseDouble(cells[1]), PRINTED * Math.max(1, f.loss()));
            assertEquals(f.singularValue(1), Double.parseDouble(cells[3]), PRINTED * Math.max(1, f.singularValue(1)));
        }
        Button copy = (Button) robot.lookup("#data-table-copy").query();
        fx(() -> { copy.fire(); return null; });
        assertEquals(fx(table::text), fx(() -> Clipboard.getSystemClipboard().getString()));
    }
}
