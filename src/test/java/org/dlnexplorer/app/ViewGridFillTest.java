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

    /**
     * Under a view's picture the software pipeline draws nothing: the views' scroll pane and its viewport have no
     * background, the cell none once its picture is shown, the picture itself is opaque (so nothing needs to be
     * under it), and the cell's frame is four strips above the picture, not a stroked border.
     */
    @Test
    void underAViewNothingIsDrawnButItsPictureAndFrame(FxRobot robot) throws Exception {
        ViewCell cell = robot.lookup("#" + ViewId.LOSS.nodeId()).queryAs(ViewCell.class);
        List<javafx.scene.control.ScrollPane> scrolls = fx(() -> robot.lookup("." + ViewGrid.VIEW_SCROLL)
                .queryAllAs(javafx.scene.control.ScrollPane.class).stream().filter(ViewGridFillTest::shown).toList());
        assertEquals(2, scrolls.size(), "the views' and the controls' scroll panes");
        assertTrue(scrolls.stream().anyMatch(p -> isInside(cell, p)), "the views are in one of them");
        List<Node> under = new java.util.ArrayList<>();
        for (javafx.scene.control.ScrollPane s : scrolls) {
            fx(() -> { s.applyCss(); return null; });
            under.add(s);
            under.add(fx(() -> s.lookup("." + LiveViewport.VIEWPORT)));
        }
        for (Node n : under) {
            javafx.scene.layout.Background b = ((javafx.scene.layout.Region) n).getBackground();
            // not even a transparent fill: Prism's software pipeline blends it over every dirty rectangle (at
            // 1280 × 800, where the grid scrolls, 70% of the render thread while dragging)
            assertTrue(b == null || b.getFills().isEmpty(), n + " draws a background under the views: " + (b == null ? null : b.getFills()));
        }
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> cell.image() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(cell::getBackground), "a cell showing its picture draws no background under it");
        javafx.scene.layout.Border border = fx(cell::getBorder);
        assertTrue(border == null || border.isEmpty(), "the frame is not a stroked border: " + border);
        javafx.scene.image.WritableImage img = fx(cell::image);
        javafx.scene.image.PixelReader px = img.getPixelReader();
        int w = (int) img.getWidth(), h = (int) img.getHeight(), transparent = 0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if ((px.getArgb(x, y) >>> 24) != 0xff) transparent++;
        assertEquals(0, transparent, "the picture covers its cell: every pixel opaque");
        assertEquals(fx(cell::getWidth), w, 1.0, "the picture is the cell's width");
        assertEquals(fx(cell::getHeight), h, 1.0, "and height");
        List<Node> children = fx(() -> List.copyOf(cell.getChildren()));
        javafx.scene.shape.Rectangle[] strips = cell.frame.strips();
        int picture = -1;
        for (int i = 0; i < children.size(); i++) if (children.get(i) instanceof javafx.scene.image.ImageView) picture = i;
        assertTrue(picture >= 0, "the cell shows its picture in an image view");
        for (javafx.scene.shape.Rectangle r : strips)
            assertTrue(children.indexOf(r) > picture, "the frame is drawn above the picture: " + children);
        double cw = fx(cell::getWidth), ch = fx(cell::getHeight);
        javafx.geometry.Bounds all = null;
        for (javafx.scene.shape.Rectangle r : strips) {
            assertEquals(CellFrame.COLOR, r.getFill());
            assertEquals(CellFrame.WIDTH, Math.min(r.getWidth(), r.getHeight()), 1e-9, "a strip is one pixel wide");
            javafx.geometry.Bounds b = r.getBoundsInParent();
            all = all == null ? b : new javafx.geometry.BoundingBox(Math.min(all.getMinX(), b.getMinX()), Math.min(all.getMinY(), b.getMinY()),
                    Math.max(all.getMaxX(), b.getMaxX()) - Math.min(all.getMinX(), b.getMinX()),
                    Math.max(all.getMaxY(), b.getMaxY()) - Math.min(all.getMinY(), b.getMinY()));
        }
        assertEquals(0, all.getMinX(), 1e-9);
        assertEquals(0, all.getMinY(), 1e-9);
        assertEquals(cw, all.getMaxX(), 1e-9, "the frame runs along the cell's edges");
        assertEquals(ch, all.getMaxY(), 1e-9);
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
