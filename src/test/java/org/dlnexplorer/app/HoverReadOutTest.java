package org.dlnexplorer.app;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
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

/**
 * Hovering a line chart reads out every run's value at the time under the pointer (checked against the
 * trajectory's own frames), in a box inside the plot clear of the chart's text, gone when the pointer leaves.
 */
@ExtendWith(ApplicationExtension.class)
class HoverReadOutTest {
    /** the read-out shows four significant digits */
    private static final double SHOWN_RELATIVE = 1e-3;
    private static final long WAIT_SECONDS = 120;

    private MainWindow window;
    private ViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
        vm = window.viewModel();
    }

    private static <T> T fx(Callable<T> c) throws Exception { return TestWindows.fx(c); }

    /** the value of a run's observable at t, linear between the recorded frames around it */
    private static double at(Trajectory tr, double t, java.util.function.ToDoubleFunction<Frame> f) {
        List<Frame> fs = tr.frames();
        for (int i = 1; i < fs.size(); i++) {
            Frame a = fs.get(i - 1), b = fs.get(i);
            if (a.t() <= t && t <= b.t())
                return f.applyAsDouble(a) + (f.applyAsDouble(b) - f.applyAsDouble(a)) * (t - a.t()) / (b.t() - a.t());
        }
        return Double.NaN;
    }

    private static double number(String line) {
        String v = line.substring(line.lastIndexOf("= ") + 2).replace('−', '-');
        return Double.parseDouble(v);
    }

    /** move the pointer over the cell at time t, half-way up its plot; returns the read-out once shown */
    private HoverReadOut hoverAt(FxRobot robot, ViewId id, double t) throws Exception {
        ViewCell cell = fx(() -> window.cells().get(id));
        Point2D screen = fx(() -> {
            ChartRenderer.TimeAxis axis = cell.timeAxis();
            double sx = cell.getWidth() / cell.imageWidth(), sy = cell.getHeight() / cell.imageHeight();
            return cell.localToScreen(axis.x(t) * sx, (axis.y0() + axis.y1()) / 2 * sy);
        });
        robot.moveTo(screen);
        HoverReadOut hover = fx(cell::hover);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !Double.isNaN(hover.time())));
        return hover;
    }

    private void awaitRuns(int n) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> window.isSettled()
                && vm.runSet.get() != null && vm.runSet.get().runs().size() == n
                && window.cells().get(ViewId.LOSS).shown() == vm.runSet.get()
                && window.cells().get(ViewId.SINGULAR_VALUES).shown() == vm.runSet.get()));
    }

    @Test
    void hoverReadsEveryRunAtThePointersTime(FxRobot robot) throws Exception {
        awaitRuns(1);
        // one run: t and ℒ(t)
        HoverReadOut loss = hoverAt(robot, ViewId.LOSS, 1.0);
        RunSet rs = fx(vm.runSet::get);
        double t = fx(loss::time);
        assertEquals(1.0, t, 0.05, "the time under the pointer");
        List<String> lines = fx(loss::lines);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("t = "), lines.toString());
        double expected = at(rs.runs().get(0).trajectory(), t, Frame::loss);
        assertEquals(expected, number(lines.get(1)), SHOWN_RELATIVE * Math.abs(expected), lines.toString());
        assertClearOfText(loss, ViewId.LOSS);
        fx(() -> { TestWindows.snapshot(window.cells().get(ViewId.LOSS), "hover-loss-single"); return null; });

        // a compare set: every run's value, each named by its run
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<PresetLibrary.Entry> picker = robot.lookup("#preset-picker").queryAs(ComboBox.class);
            picker.getSelectionModel().select(picker.getItems().stream()
                    .filter(e -> e.file().equals("depth-sharpens-transitions.json")).findFirst().orElseThrow());
            return null;
        });
        awaitRuns(3);
        robot.moveTo((javafx.scene.Node) robot.lookup("#preset-picker").query());   // out of the cells
        HoverReadOut sv = hoverAt(robot, ViewId.SINGULAR_VALUES, 0.5);
        rs = fx(vm.runSet::get);
        t = fx(sv::time);
        lines = fx(sv::lines);
        assertEquals(1 + 3 * 2, lines.size(), "t, then σ₁ and σ₂ of each of three runs: " + lines);
        for (int r = 0; r < 3; r++) {
            RunSet.Labeled run = rs.runs().get(r);
            for (int a = 0; a < 2; a++) {
                int mode = a;
                String line = lines.get(1 + 2 * r + a);
                assertTrue(line.startsWith(run.label() + ": σ" + (a + 1)), line);
                double e = at(run.trajectory(), t, f -> f.singularValue(mode));
                assertEquals(e, number(line), SHOWN_RELATIVE * Math.abs(e) + 1e-12, line);
            }
        }
        assertClearOfText(sv, ViewId.SINGULAR_VALUES);
        fx(() -> { TestWindows.snapshot(window.cells().get(ViewId.SINGULAR_VALUES), "hover-singular-values-compare"); return null; });

        HoverReadOut kd = hoverAt(robot, ViewId.KERNEL_DISTANCE, 2.0);
        assertEquals(4, fx(kd::lines).size(), "t and S(0,t) of three runs: " + fx(kd::lines));
        assertFalse(fx(() -> sv.node().isVisible()), "the singular-value read-out went with the pointer");

        // the pointer leaves: no read-out
        robot.moveTo((javafx.scene.Node) robot.lookup("#preset-picker").query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !kd.node().isVisible()));
    }

    /** the box lies in the plot area, clear of the level labels and of the pointer */
    private void assertClearOfText(HoverReadOut h, ViewId id) throws Exception {
        fx(() -> {
            ViewCell cell = window.cells().get(id);
            ChartRenderer.TimeAxis axis = cell.timeAxis();
            double sx = cell.getWidth() / cell.imageWidth(), sy = cell.getHeight() / cell.imageHeight();
            var b = h.node().getBoundsInParent();
            Rectangle2D box = new Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            Rectangle2D data = new Rectangle2D(axis.x0() * sx, axis.y0() * sy, (axis.x1() - axis.x0()) * sx, (axis.y1() - axis.y0()) * sy);
            assertTrue(data.contains(box), "inside the plot area (never over titles, axes, ticks or the legend): " + box + " in " + data);
            for (java.awt.geom.Rectangle2D r : cell.readOut().text())
                assertFalse(box.intersects(r.getX() * sx, r.getY() * sy, r.getWidth() * sx, r.getHeight() * sy), "over a level label " + r);
            return null;
        });
    }
}
