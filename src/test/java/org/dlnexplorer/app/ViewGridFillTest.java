package org.dlnexplorer.app;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.dlnexplorer.app.TestWindows.fx;
import static org.junit.jupiter.api.Assertions.*;

/** In the 1280×800 window the views that do not fill a row of the grid share its whole width: one view takes it all. */
@ExtendWith(ApplicationExtension.class)
class ViewGridFillTest {
    /** the gaps and padding of the grid (px) a view's width may lack */
    private static final double GAPS = 20;

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private static double width(FxRobot robot, ViewId id) {
        return robot.lookup("#" + id.nodeId()).query().getBoundsInParent().getWidth();
    }

    /** the width of the grid the views are laid out in */
    private static double gridWidth(FxRobot robot, ViewId id) {
        Node n = robot.lookup("#" + id.nodeId()).query();
        return ((javafx.scene.layout.Region) n.getParent()).getWidth();
    }

    private void show(List<ViewId> views) throws Exception {
        fx(() -> { vm.panels.set(views); return null; });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void oneViewFillsTheGridAndTwoShareIt(FxRobot robot) throws Exception {
        show(List.of(ViewId.LOSS));
        double grid = gridWidth(robot, ViewId.LOSS);
        assertTrue(grid > 2 * ViewGrid.MIN_VIEW_WIDTH, "the 1280-px window's grid fits two columns: " + grid);
        assertEquals(grid, width(robot, ViewId.LOSS), GAPS, "one view: the whole width");
        show(List.of(ViewId.LOSS, ViewId.KERNEL_DISTANCE));
        assertEquals(grid / 2, width(robot, ViewId.LOSS), GAPS, "two views: half each");
        assertEquals(grid / 2, width(robot, ViewId.KERNEL_DISTANCE), GAPS);
    }
}
