package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.Preset;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The window's one AnimationTimer: per pulse it submits pending parameters, takes the newest service
 * snapshot (latest wins), advances playback, asks the {@link ChartRenderer} for new images when what the
 * views show changed, installs finished images, and lets the sweep follow once the picture is on screen.
 * A finished computation is also taken at once (not waiting for a pulse) and, when complete, painted
 * ahead from the simulation thread. FX thread, except {@link #computationFinished}.
 */
final class FrameLoop {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** what the views looked like at the newest render request: their sizes, the cursor, the time axis */
    private record ViewsNow(Map<ViewId, ChartRenderer.ViewState> states, double cursorT, boolean logTime, boolean logLoss,
                            boolean draft) {}

    private final ViewModel vm;
    private final SimulationService service;
    private final ViewPanes panes;
    private final Playback playback;
    private final StatusBar status;
    private final RecomputeScheduler scheduler;
    private final Dirty dirty;
    private final LatencyHooks latency;
    private final ChartRenderer renderer = new ChartRenderer(ChartStyle.screen());
    private final AnimationTimer pulse;
    /** sequence number of the newest chart-renderer job (FX thread and, for paint-ahead, the simulation thread) */
    private final AtomicLong renderSeq = new AtomicLong();
    /** written by the FX thread, read by the simulation thread's paint-ahead */
    private volatile ViewsNow viewsNow;
    /** the window was closed (read by the simulation thread's paint-ahead too) */
    private volatile boolean disposed;
    private long lastPulse = -1;
    private long shownGeneration = -1;
    private boolean shownComplete;
    /** the newest render request asked for drafts (a drag): once it is released, the views are painted in full */
    private boolean paintedDraft;
    private Runnable onIdle;

    FrameLoop(AppContext ctx, ViewPanes panes, Playback playback, StatusBar status, RecomputeScheduler scheduler,
              Dirty dirty, LatencyHooks latency) {
        this.vm = ctx.vm();
        this.service = ctx.service();
        this.panes = panes;
        this.playback = playback;
        this.status = status;
        this.scheduler = scheduler;
        this.dirty = dirty;
        this.latency = latency;
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) { onPulse(now); }
        };
    }

    void start() { pulse.start(); }

    /** Draw the views with another look (presentation mode's fonts and theme). */
    void setLook(ChartRenderer.Look look) {
        renderer.setLook(look);
        viewsChanged();
    }

    boolean isDisposed() { return disposed; }

    void dispose() {
        disposed = true;
        pulse.stop();
        renderer.close();
    }

    /** Runs once when the newest request is complete and drawn. */
    void setOnIdle(Runnable r) { onIdle = r; }

    /** what the views show changed: ask for new images at the next pulse */
    void viewsChanged() { dirty.mark(Dirty.Part.VIEWS); }

    /** true when the newest parameters are computed completely and shown */
    boolean isSettled() {
        if (dirty.has(Dirty.Part.PARAMETERS) || dirty.has(Dirty.Part.PHASE_DIAGRAM) || dirty.has(Dirty.Part.VIEWS)
                || !service.isIdle() || !vm.complete.get() || shownGeneration != service.generation() || paintedDraft)
            return false;
        RunSet rs = vm.runSet.get();
        for (ViewCell c : panes.cells().values()) if (c.isRendered() && (c.shown() != rs || c.isDraft())) return false;
        return true;
    }

    /**
     * Once per finished computation (never per step), on the simulation thread: a complete run set goes to
     * the painters at once (the FX thread may be in a pulse); the FX thread takes the result without
     * waiting for a pulse.
     */
    void computationFinished(SimulationService.Snapshot s) {
        if (s.error() == null && s.complete() && s.runs() != null) paintAhead(s.runs());
        Platform.runLater(this::onComputationFinished);
    }

    private void onPulse(long now) {
        long wall = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        try {
            pulseWork(now);
        } finally {
            latency.pulse(wall, System.nanoTime() - wall, cpu >= 0 ? CPU.getCurrentThreadCpuTime() - cpu : -1);
        }
    }

    private void pulseWork(long now) {
        double dt = lastPulse < 0 ? 0 : (now - lastPulse) / 1e9;
        lastPulse = now;
        scheduler.pulseStarted();
        scheduler.submitWanted();
        if (dirty.has(Dirty.Part.PHASE_DIAGRAM) && service.isIdle() && viewsShowNewest() && !scheduler.draft(System.nanoTime())) {
            // the phase diagram follows once the interactive run is done, its picture is on screen and a drag
            // is released, so that a drag never competes with a sweep restart (a δ or τ beyond the map's axes
            // widens them: a new 41 × 41 sweep) and a marker move never delays the views
            dirty.take(Dirty.Part.PHASE_DIAGRAM);
            Preset base = vm.basePreset.get();
            try {
                if (base != null) panes.updateSweep(vm.params().applyTo(base));
            } catch (RuntimeException ex) {
                vm.report(Severity.ERROR, "phase diagram: " + ex.getMessage());
            }
        }
        takeSnapshot();
        if (paintedDraft && !scheduler.draft(System.nanoTime())) viewsChanged();   // released: the full picture
        playback.advance(dt);
        RunSet rs = vm.runSet.get();
        requestRender();
        refreshStatus();
        status.progress(service.progress());   // once per pulse, never per step
        ChartRenderer.Frame frame = renderer.poll();
        if (frame != null) {
            for (Map.Entry<ViewId, ChartRenderer.Painted> e : frame.images().entrySet()) {
                panes.painted(e.getKey()).show(e.getValue());
                renderer.recycle(e.getValue().image());   // its pixels are in the scene now (none: unchanged)
            }
        }
        // the 3D hyperboloid follows the run set the chart images show (so that all views show one run),
        // or the newest snapshot while the charts differ or show nothing yet
        RunSet charted = commonRunSet(false);
        RunSet follow = charted != null ? charted : rs;
        boolean followComplete = charted != null ? latency.isRecentComplete(charted) : vm.complete.get();
        for (ViewCell c : panes.cells().values()) {
            if (!c.isVisible() || c.getParent() == null) continue;   // hidden or not in the grid: caught up when shown
            c.placeCursor(vm.cursorT.get());
            c.pulse(follow, vm.cursorT.get(), followComplete, now);
        }
        latency.shown(commonRunSet(true));   // every pulse: the last view to catch up (the 3D one) may do so without a new frame
        if (onIdle != null && isSettled()) {
            Runnable r = onIdle;
            onIdle = null;
            r.run();
        }
    }

    /** true when the newest request's result is on screen: its complete picture, or its error */
    private boolean viewsShowNewest() {
        long newest = service.generation();
        return shownGeneration == newest && (!shownComplete || latency.pictureGeneration() >= newest);
    }

    /**
     * The run set every view on screen shows (rendered and in sight; with3d false: every image-based view,
     * without the 3D hyperboloid), or null when they differ or one shows nothing yet.
     */
    private RunSet commonRunSet(boolean with3d) {
        RunSet shown = null;
        for (ViewCell c : panes.cells().values()) {
            if (!panes.onScreen(c) || (!with3d && c instanceof ViewCell.Hyperboloid h && h.isThreeD())) continue;
            if (c.shown() == null) return null;
            if (shown == null) shown = c.shown();
            else if (c.shown() != shown) return null;
        }
        return shown;
    }

    /**
     * A computation finished: take its snapshot now. A complete run set is already being painted
     * (paint-ahead); this request for the same images finds them drawn. The images are installed at a
     * pulse as usual.
     */
    private void onComputationFinished() {
        if (disposed) return;
        if (takeSnapshot()) requestRender();
        refreshStatus();
    }

    /** Rewrite the status line if a new snapshot arrived (after the chart painters got their job). */
    private void refreshStatus() {
        if (dirty.take(Dirty.Part.STATUS)) status.update();
    }

    /** Ask the chart renderer for the views' new images if anything they show changed. */
    private void requestRender() {
        if (!dirty.take(Dirty.Part.VIEWS)) return;
        boolean draft = scheduler.draft(System.nanoTime());
        ViewsNow v = new ViewsNow(panes.states(draft), vm.cursorT.get(), vm.logTime.get(), vm.logLoss.get(), draft);
        paintedDraft = v.draft();
        viewsNow = v;
        paint(vm.runSet.get(), shownComplete, v);
    }

    /** Ask the painters for images of runs as the views v look (any thread). */
    private void paint(RunSet runs, boolean complete, ViewsNow v) {
        renderer.request(new ChartRenderer.Job(renderSeq.incrementAndGet(), runs, complete, v.cursorT(), v.logTime(), v.logLoss(),
                v.states(), v.draft()));
    }

    /**
     * Simulation thread: start painting a finished run set as the views last asked for (size, cursor, time
     * axis) without waiting for the FX thread to take it. When the FX thread takes the snapshot, it asks for
     * the same images, which the painters then find already drawn.
     */
    private void paintAhead(RunSet runs) {
        ViewsNow v = viewsNow;
        if (v != null && !disposed) paint(runs, true, v);
    }

    /** Take the newest service snapshot, if any (latest wins): run set, status, error. True when one was taken. */
    private boolean takeSnapshot() {
        SimulationService.Snapshot s = service.poll();
        if (s == null) return false;
        if (s.generation() >= shownGeneration) {
            shownGeneration = s.generation();
            shownComplete = s.error() == null && s.complete();
            if (shownComplete) latency.completeSnapshot(s);
            if (s.error() != null) {
                vm.report(Severity.ERROR, "error: " + s.error());
                vm.complete.set(s.generation() == service.generation());
            } else {
                vm.report(Severity.INFO, "");
                vm.runSet.set(s.runs());
                vm.shownParams.set(s.params());
                boolean current = s.generation() == service.generation();
                vm.complete.set(s.complete() && current);
                if (s.complete()) {
                    vm.recomputeMillis.set(s.millis());
                    status.finished(s);
                }
                dirty.mark(Dirty.Part.STATUS);   // the status line follows once the views' images are requested
            }
            dirty.mark(Dirty.Part.VIEWS);
        }
        return true;
    }
}
