package org.dlnexplorer.app.phase;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.SweepResult;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.dlnexplorer.preset.PresetPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
@Timeout(120) // hang guards only
class PhaseDiagramViewTest {
    private static final Axis X = Axis.parse("init.scale=0.02:2:6:log");
    private static final Axis Y = Axis.parse("init.delta=-2:2:5");

    private PhaseDiagramView view;
    private final List<Preset> selected = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        view = new PhaseDiagramView();
        view.setParallelism(1);
        view.setAxes(X, Y);
        view.setOnCellSelected(selected::add);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    private static Preset preset(String name) throws Exception {
        return PresetIo.read(Path.of(PhaseDiagramViewTest.class.getResource("/sweep/" + name + ".json").toURI()));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        while (!fx(condition)) Thread.sleep(20);
    }

    @Test
    void fillsProgressivelyWithoutBlockingTheFxThread() throws Exception {
        Preset p = preset("wide-gaussian"); // 384 cells of milliseconds each on one worker: seconds in all,
        // so that redraws (at most one per MIN_REDRAW_NANOS) happen while cells arrive even on a fast, idle machine
        // setPreset returns at once: the sweep runs elsewhere
        boolean runningRightAfter = fx(() -> {
            view.setParallelism(1);
            view.setAxes(Axis.parse("init.scale=0.02:2:24:log"), Axis.parse("init.delta=-2:2:16"));
            view.setPreset(p);
            return view.isRunning();
        });
        assertTrue(runningRightAfter);
        SweepResult r = fx(view::result);
        // the FX thread keeps serving events while cells are computed
        AtomicInteger servedWhileComputing = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            fx(() -> { if (!r.finished()) servedWhileComputing.incrementAndGet(); return null; });
            Thread.sleep(10);
        }
        assertTrue(servedWhileComputing.get() > 0);
        // a drawing with some but not all cells happens before the sweep ends
        AtomicReference<int[]> partial = new AtomicReference<>();
        while (!fx(r::finished)) {
            fx(() -> {
                int done = r.completed();
                String text = ((Label) view.lookup("#phase-diagram-status")).getText();
                if (done > 0 && done < r.size() && view.drawCount() > 0 && text.startsWith("computing"))
                    partial.compareAndSet(null, new int[] {done});
                return null;
            });
            Thread.sleep(15);
        }
        assertNotNull(partial.get(), "the map was drawn while cells were still arriving");
        waitUntil(() -> ((Label) view.lookup("#phase-diagram-status")).getText().startsWith(r.size() + " cells"));
        assertTrue(r.complete());
        for (CellResult c : r.cells()) assertTrue(c.ok(), c.toString());
    }

    @Test
    void clickingACellHandsItsConfigurationToTheCallback(FxRobot robot) throws Exception {
        Preset p = preset("aligned");
        fx(() -> { view.setPreset(p); return null; });
        SweepResult r = fx(view::result);
        waitUntil(r::finished);
        WaitForAsyncUtils.waitForFxEvents();
        int ix = 4, iy = 1;
        Point2D screen = fx(() -> {
            Point2D local = view.cellCentre(ix, iy);
            return view.lookup("#phase-diagram-canvas").localToScreen(local);
        });
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        String hover = fx(() -> ((Label) view.lookup("#phase-diagram-hover")).getText());
        assertTrue(hover.startsWith("τ = " + fmt(X.value(ix)) + ", δ = -1:"), hover);
        assertTrue(hover.contains("S = "), hover);
        assertTrue(hover.contains("theory"), hover); // aligned cells carry the closed form

        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, selected.size());
        Preset got = selected.get(0);
        assertEquals(X.value(ix), PresetPaths.get(got, "init.scale"), 1e-12);
        assertEquals(Y.value(iy), PresetPaths.get(got, "init.delta"), 1e-12);
        // everything else is the preset's own
        assertEquals(p.network.widths.length, got.network.widths.length);
        assertEquals(p.training.duration, got.training.duration);
        assertEquals(X.value(ix), fx(() -> view.style().markerX()), 0.0);

        // loading the clicked configuration back only moves the marker: no new sweep
        fx(() -> { view.setPreset(got); return null; });
        assertSame(r, fx(view::result));
        assertFalse(fx(view::isRunning));
    }

    @Test
    void theKeyboardMovesTheOutlinedCellAndEnterLoadsIt(FxRobot robot) throws Exception {
        Preset p = preset("aligned");
        fx(() -> { view.setPreset(p); return null; });
        SweepResult r = fx(view::result);
        waitUntil(r::finished);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D screen = fx(() -> view.lookup("#phase-diagram-canvas").localToScreen(view.cellCentre(1, 1)));
        robot.moveTo(screen);
        robot.clickOn(screen);                    // loads (1, 1) and focuses the map
        robot.type(javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.UP);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, selected.size());
        assertEquals(X.value(3), PresetPaths.get(selected.get(1), "init.scale"), 1e-12);
        assertEquals(Y.value(2), PresetPaths.get(selected.get(1), "init.delta"), 1e-12);
    }

    @Test
    void aNewPresetCancelsTheRunningSweep() throws Exception {
        Preset slow = preset("wide-gaussian");
        Preset other = preset("aligned");
        fx(() -> { view.setPreset(slow); return null; });
        SweepResult first = fx(view::result);
        fx(() -> { view.setPreset(other); return null; });
        SweepResult second = fx(view::result);
        assertNotSame(first, second);
        waitUntil(first::finished);
        assertTrue(first.cancelled());
        assertTrue(first.completed() < first.size());
        waitUntil(second::finished);
        assertTrue(second.complete());
    }

    @Test
    void anAxisFieldThePresetLacksIsReportedNotThrown() throws Exception {
        fx(() -> { view.setAxes(Axis.parse("init.wobble=1:2:3"), Y); view.setPreset(preset("aligned")); return null; });
        String text = fx(() -> ((Label) view.lookup("#phase-diagram-status")).getText());
        assertTrue(text.contains("init.wobble"), text);
        assertNull(fx(view::result));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    @Test
    void movingTheMarkerRedrawsNoMap() throws Exception {
        Preset p = preset("aligned");
        fx(() -> { view.setPreset(p); return null; });
        SweepResult r = fx(view::result);
        waitUntil(r::finished);
        // the last progressive redraw lands within MAX_REDRAW_WAIT_NANOS after the sweep finished
        long settled = -1;
        for (int i = 0; i < 100 && settled != fx(view::drawCount); i++) {
            settled = fx(view::drawCount);
            WaitForAsyncUtils.sleep(2 * PhaseDiagramView.MAX_REDRAW_WAIT_NANOS / 1_000_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertTrue(settled > 0, "the map was drawn");
        Preset moved = PresetPaths.with(p, "init.delta", Y.value(3));
        fx(() -> { view.setPreset(moved); return null; });
        WaitForAsyncUtils.sleep(2 * PhaseDiagramView.MAX_REDRAW_WAIT_NANOS / 1_000_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(Y.value(3), fx(() -> view.style().markerY()), 0.0, "the marker moved");
        assertSame(r, fx(view::result), "no new sweep");
        assertEquals(settled, fx(view::drawCount), "only the overlay was drawn, not the map");
    }

    /**
     * In a low panel the δ axis drops "(init.delta)" rather than run over the title, in a very low one it is "δ"
     * alone; a tall panel keeps it whole. Each label kept fits the plot's height.
     */
    @Test
    void lowPanelsShortenTheVerticalAxisLabel() {
        SweepResult r = SweepResult.of("t", Axis.parse("init.scale=0.01:10:3:log"), Axis.parse("init.delta=-4:4:3"), List.of());
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB).createGraphics();
        org.jfree.chart.JFreeChart low = org.dlnexplorer.chart.PhaseDiagramChart.chart(r,
                org.dlnexplorer.chart.PhaseDiagramStyle.defaults(), org.dlnexplorer.chart.ChartStyle.screen());
        MapOverlay.shortenRangeLabel(low, "δ", 400, 300);
        assertEquals("relative scale δ", low.getXYPlot().getRangeAxis().getLabel());
        org.jfree.chart.JFreeChart lower = org.dlnexplorer.chart.PhaseDiagramChart.chart(r,
                org.dlnexplorer.chart.PhaseDiagramStyle.defaults(), org.dlnexplorer.chart.ChartStyle.screen());
        MapOverlay.shortenRangeLabel(lower, "δ", 400, 200);
        assertEquals("δ", lower.getXYPlot().getRangeAxis().getLabel(), "a 200-px panel's plot is lower than \"relative scale δ\" is long");
        org.jfree.chart.JFreeChart tall = org.dlnexplorer.chart.PhaseDiagramChart.chart(r,
                org.dlnexplorer.chart.PhaseDiagramStyle.defaults(), org.dlnexplorer.chart.ChartStyle.screen());
        MapOverlay.shortenRangeLabel(tall, "δ", 400, 900);
        assertEquals("relative scale δ  (init.delta)", tall.getXYPlot().getRangeAxis().getLabel());
    }
}
