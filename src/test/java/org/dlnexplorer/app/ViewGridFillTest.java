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

/**
 * In the 1280×800 window the views that do not fill a row of the grid share its whole width: one view takes it
 * all; and the scroll panes around the views and the controls keep no bitmap cache of what they show.
 */
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

    @Test
    void theViewsAndControlsAreNotCachedAsBitmaps(FxRobot robot) throws Exception {
        List<javafx.scene.control.ScrollPane> panes = fx(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .stream().filter(ViewGridFillTest::shown).toList());
        Node view = robot.lookup("#" + ViewId.LOSS.nodeId()).query();
        assertTrue(panes.stream().anyMatch(p -> isInside(view, p)), "the views are in a scroll pane");
        assertTrue(panes.size() >= 2, "the views' and the controls' scroll panes: " + panes.size());
        for (javafx.scene.control.ScrollPane p : panes)
            assertTrue(fx(() -> LiveViewport.isUncached(p)), "every frame of a drag changes " + p + ": its viewport must not be a cached bitmap");
    }

    /** n and every node above it visible (the help overlay's pane is not, until asked for) */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }
}
