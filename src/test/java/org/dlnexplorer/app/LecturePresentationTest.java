package org.dlnexplorer.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.export.Lecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Lecture playlists (PageDown / PageUp, captions) and presentation mode (F5, F6, edge panel, Esc). */
@ExtendWith(ApplicationExtension.class)
class LecturePresentationTest {
    static final Path PLAYLIST = Path.of("presets", "playlists", "deep-linear-networks.json");

    private MainWindow window;
    private ViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
    void pageDownAndPageUpStepThroughTheLecture(FxRobot robot) throws Exception {
        Lecture lecture = Lecture.read(PLAYLIST);
        LecturePlayer player = fx(() -> window.tools().lecture());
        assertTrue(fx(() -> player.open(PLAYLIST)));
        assertEquals(0, fx(() -> player.index().get()));
        assertStep(player, lecture.steps().get(0));
        keys(robot, KeyCode.PAGE_DOWN);
        assertEquals(1, fx(() -> player.index().get()));
        assertStep(player, lecture.steps().get(1));
        keys(robot, KeyCode.PAGE_DOWN);
        keys(robot, KeyCode.PAGE_DOWN);
        assertEquals(3, fx(() -> player.index().get()));
        assertStep(player, lecture.steps().get(3));
        keys(robot, KeyCode.PAGE_UP);
        assertEquals(2, fx(() -> player.index().get()));
        assertStep(player, lecture.steps().get(2));
        // a step's load is undoable like any preset load
        keys(robot, KeyCode.PAGE_DOWN);
        assertEquals(lecture.steps().get(3).preset().name, fx(() -> vm.basePreset.get().name));
        fx(() -> window.tools().history().undo());
        assertEquals(lecture.steps().get(2).preset().name, fx(() -> vm.basePreset.get().name));
        // past the last step nothing happens
        for (int i = 0; i < lecture.steps().size() + 2; i++) keys(robot, KeyCode.PAGE_DOWN);
        assertEquals(lecture.steps().size() - 1, fx(() -> player.index().get()));
        assertTrue(robot.lookup("#lecture-position").queryLabeled().getText().startsWith(lecture.steps().size() + " / "));
    }

    private void assertStep(LecturePlayer player, Lecture.Step s) throws Exception {
        assertEquals(s.preset().name, fx(() -> vm.basePreset.get().name));
        assertEquals(s.views(), fx(vm.panels::get));
        assertEquals(org.dlnexplorer.chart.InlineMath.plain(s.caption()), fx(player::captionText));
    }

    @Test
    void presentationModeShowsLargeViewsAndHidesTheControls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Presentation p = fx(() -> window.tools().presentation());
        List<ViewId> before = fx(vm.panels::get);
        assertTrue(before.size() > 2);
        Node controls = robot.lookup("#delta-slider").query();
        keys(robot, KeyCode.F5);
        assertTrue(fx(p::isPresenting));
        List<ViewId> shown = fx(vm.panels::get);
        assertEquals(before.subList(0, 2), shown, "the preset's first two views");
        assertFalse(fx(() -> controls.isVisible() && controls.getScene() != null && isShowing(controls)), "controls hidden");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        double sceneArea = fx(() -> stage.getScene().getWidth() * stage.getScene().getHeight());
        for (ViewId id : shown) {
            Bounds b = fx(() -> robot.lookup("#" + id.nodeId()).query().getLayoutBounds());
            assertTrue(b.getWidth() * b.getHeight() >= 0.4 * sceneArea, id + ": " + b + " is at least about half the window");
        }
        // the pointer at the left edge brings the panel, away from it hides it
        Bounds scene = fx(() -> stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getLayoutBounds()));
        robot.moveTo(new javafx.geometry.Point2D(scene.getMinX() + 2, scene.getMinY() + 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(p::isPanelShown), "edge panel shown");
        robot.moveTo(new javafx.geometry.Point2D(scene.getMinX() + scene.getWidth() * 0.8, scene.getMinY() + 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(p::isPanelShown), "edge panel hidden");
        // (a tooltip the pointer raised would take the keys on the headless platform: none is wanted here)
        fx(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows()))
                if (w instanceof javafx.stage.PopupWindow pw) pw.hide();
            return null;
        });
        // themes
        keys(robot, KeyCode.F6);
        assertTrue(fx(() -> stage.getScene().getRoot().getStyleClass().contains("presenting-dark")));
        keys(robot, KeyCode.F6);
        assertTrue(fx(() -> stage.getScene().getRoot().getStyleClass().contains("presenting-light")));
        // Esc leaves: the views and the controls come back
        fx(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows()))
                if (w instanceof javafx.stage.PopupWindow pw) pw.hide();
            return null;
        });
        keys(robot, KeyCode.ESCAPE);
        assertFalse(fx(p::isPresenting));
        assertEquals(before, fx(vm.panels::get));
        assertTrue(fx(() -> isShowing(controls)));
    }

    /** the node is in the scene and every ancestor is visible */
    private static boolean isShowing(Node n) {
        if (n.getScene() == null) return false;
        for (Node x = n; x != null; x = x.getParent()) if (!x.isVisible()) return false;
        return true;
    }
}
