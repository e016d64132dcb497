package org.dlnexplorer.app;

import javafx.stage.Stage;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.dlnexplorer.app.TestWindows.fx;
import static org.junit.jupiter.api.Assertions.*;

/**
 * While a control is dragged, only the views in sight are painted (drafts); the views scrolled out of sight
 * keep their picture until the release paints every view in full, or until they are scrolled into sight
 * during the drag. Eight views in a 1200×760 window: the grid scrolls.
 */
@ExtendWith(ApplicationExtension.class)
class DraftInSightTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, false);
    }

    private void openScrollingPreset() throws Exception {
        assertTrue(fx(() -> window.open(Path.of("presets/single-neuron-delta-sweep.json"))).get(60, TimeUnit.SECONDS));
        awaitSettled();
    }

    private void awaitSettled() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(window::isSettled));
    }

    /** the image cells (no sweep stand-in) rendered now, by whether they are in sight */
    private Map<ViewId, ViewCell> cells(boolean inSight) throws Exception {
        return fx(() -> {
            Map<ViewId, ViewCell> out = new EnumMap<>(ViewId.class);
            window.cells().forEach((id, c) -> {
                if (c.isRendered() && !(c instanceof ViewCell.Hyperboloid h && h.isThreeD()) && window.onScreen(c) == inSight)
                    out.put(id, c);
            });
            return out;
        });
    }

    /** drags log₁₀ τ once per pulse for the given seconds; before each change, probe looks (FX thread) */
    private void drag(double seconds, java.util.function.DoubleConsumer probe) throws Exception {
        ViewModel vm = window.viewModel();
        double from = fx(vm.logScale::get);
        TestWindows.eachPulse(seconds, s -> {
            probe.accept(s);
            vm.logScale.set(from - 0.8 * s / seconds);   // one change per pulse
        });
    }

    private static java.util.Set<RunSet> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    @Test
    void aDragPaintsTheViewsInSightAndTheReleaseEveryView() throws Exception {
        openScrollingPreset();
        Map<ViewId, ViewCell> inSight = cells(true), away = cells(false);
        assertFalse(inSight.isEmpty(), "some views are in sight");
        assertFalse(away.isEmpty(), "the grid scrolls: some views are out of sight");
        // during the drag: the run sets each view showed, and those the views in sight showed in full quality
        Map<ViewId, java.util.Set<RunSet>> seen = new EnumMap<>(ViewId.class);
        java.util.Set<RunSet> fullInSight = identitySet();
        for (Map.Entry<ViewId, ViewCell> e : away.entrySet()) fullInSight.add(fx(e.getValue()::shown));   // from before
        boolean[] sawDraftInSight = {false}, sawDraftAway = {false};
        drag(1.5, s -> {
            for (Map.Entry<ViewId, ViewCell> e : inSight.entrySet()) {
                ViewCell c = e.getValue();
                sawDraftInSight[0] |= c.isDraft();
                if (!c.isDraft()) fullInSight.add(c.shown());
                seen.computeIfAbsent(e.getKey(), k -> identitySet()).add(c.shown());
            }
            for (Map.Entry<ViewId, ViewCell> e : away.entrySet()) {
                sawDraftAway[0] |= e.getValue().isDraft();
                seen.computeIfAbsent(e.getKey(), k -> identitySet()).add(e.getValue().shown());
            }
        });
        assertTrue(sawDraftInSight[0], "the views in sight show drafts while dragging");
        assertFalse(sawDraftAway[0], "no view out of sight is painted as a draft");
        int fewestInSight = Integer.MAX_VALUE;
        for (ViewId id : inSight.keySet()) fewestInSight = Math.min(fewestInSight, seen.get(id).size());
        assertTrue(fewestInSight >= 10, "the views in sight follow the drag: " + fewestInSight + " pictures");
        // the first changes of a drag are no drag yet, and are painted in full, every view: a view out of sight
        // shows only such pictures (or its picture from before the drag)
        for (ViewId id : away.keySet())
            for (RunSet rs : seen.get(id))
                assertTrue(fullInSight.contains(rs), id + " out of sight showed a run set no view in sight showed in full");
        awaitSettled();
        // released: every rendered view, in sight or not, shows the newest run set in full quality
        RunSet newest = fx(window.viewModel().runSet::get);
        for (Map<ViewId, ViewCell> group : java.util.List.of(inSight, away))
            for (Map.Entry<ViewId, ViewCell> e : group.entrySet()) {
                assertSame(newest, fx(e.getValue()::shown), e.getKey() + " after the release");
                assertFalse(fx(e.getValue()::isDraft), e.getKey() + " after the release");
            }
    }

    @Test
    void aViewScrolledIntoSightDuringADragIsPaintedBeforeTheRelease() throws Exception {
        openScrollingPreset();
        Map<ViewId, ViewCell> away = cells(false);
        assertFalse(away.isEmpty(), "the grid scrolls: some views are out of sight");
        Map<ViewId, RunSet> before = new EnumMap<>(ViewId.class);
        for (Map.Entry<ViewId, ViewCell> e : away.entrySet()) before.put(e.getKey(), fx(e.getValue()::shown));
        boolean[] scrolled = {false}, sawDraftScrolledIn = {false};
        drag(2.0, s -> {
            if (s > 0.5 && !scrolled[0]) { window.viewScroll().setVvalue(window.viewScroll().getVmax()); scrolled[0] = true; }
            if (!scrolled[0]) return;
            for (Map.Entry<ViewId, ViewCell> e : away.entrySet()) {
                ViewCell c = e.getValue();
                if (window.onScreen(c) && c.isDraft() && c.shown() != before.get(e.getKey())) sawDraftScrolledIn[0] = true;
            }
        });
        assertTrue(sawDraftScrolledIn[0], "a view scrolled into sight shows the dragged runs (drafts) before the release");
        awaitSettled();
    }
}
