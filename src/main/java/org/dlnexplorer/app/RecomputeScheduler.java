package org.dlnexplorer.app;

import javafx.application.Platform;
import org.dlnexplorer.preset.Preset;

import java.util.function.BooleanSupplier;

/**
 * When the controls' parameters go to the simulation service. A single change (a slider step) is
 * submitted at once, so that its computation starts without waiting for the FX thread, when nothing was
 * submitted since the last pulse began; a burst of changes in one event (a preset load or reset-all,
 * {@link ViewModel#inBatch()}) is submitted once, right after that event. Later changes within the same
 * pulse interval wait for the next pulse and go as one request (latest wins). FX thread.
 */
final class RecomputeScheduler {
    private final ViewModel vm;
    private final SimulationService service;
    private final Dirty dirty;
    private final LatencyHooks latency;
    private final BooleanSupplier disposed;
    private boolean submittedSincePulse, earlySubmitScheduled;
    private final DraftQuality quality = new DraftQuality();

    RecomputeScheduler(ViewModel vm, SimulationService service, Dirty dirty, LatencyHooks latency, BooleanSupplier disposed) {
        this.vm = vm;
        this.service = service;
        this.dirty = dirty;
        this.latency = latency;
        this.disposed = disposed;
    }

    /** Parameters changed. */
    void recompute() {
        vm.complete.set(false);
        // a change while the previous one's picture is still to come: a drag (draft pictures until released)
        if (!vm.inBatch()) quality.changed(System.nanoTime(), latency.pictureGeneration() < latency.submittedGeneration());
        if (dirty.has(Dirty.Part.PARAMETERS)) return;
        latency.changed();
        dirty.mark(Dirty.Part.PARAMETERS);
        if (submittedSincePulse) return;
        if (!vm.inBatch()) {
            submitWanted();
        } else if (!earlySubmitScheduled) {
            earlySubmitScheduled = true;
            Platform.runLater(() -> {
                earlySubmitScheduled = false;
                if (!submittedSincePulse) submitWanted();
            });
        }
    }

    /** true while the controls are dragged: the views are painted as drafts (DraftQuality) */
    boolean draft(long now) { return quality.draft(now); }

    /** A pulse begins: what changes from now on may be submitted at once again. */
    void pulseStarted() { submittedSincePulse = false; }

    /** Submit the controls' parameters if a change asked for it (cancels the running computation). */
    void submitWanted() {
        if (!dirty.has(Dirty.Part.PARAMETERS) || disposed.getAsBoolean()) return;
        dirty.take(Dirty.Part.PARAMETERS);
        Preset base = vm.basePreset.get();
        if (base == null) return;
        // the sharpness view asks for the sharpness, which gradient flow records only when asked
        if (vm.panels.get().contains(org.dlnexplorer.chart.ViewId.SHARPNESS))
            base = org.dlnexplorer.preset.PresetCompiler.withSharpness(base);
        long g = service.submit(base, vm.presetSource.get(), vm.params());
        submittedSincePulse = true;
        latency.submitted(g);
        dirty.mark(Dirty.Part.PHASE_DIAGRAM);
    }
}
