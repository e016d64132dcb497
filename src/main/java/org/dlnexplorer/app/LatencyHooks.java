package org.dlnexplorer.app;

import org.dlnexplorer.model.observe.RunSet;

/**
 * What {@link LatencyProbe} and `bench --app` read: when each parameter change happened, when its
 * computation was submitted and taken, when a complete picture of it was on screen, and how long our
 * pulse handler ran. A few field writes per change or pulse. FX thread.
 */
public final class LatencyHooks {
    private static final int CHANGE_RING = 256;
    /** the recent complete snapshots kept (ring by generation) */
    private static final int RECENT = 16;

    /** nanoTime of the first parameter change not yet submitted, and per submitted generation (ring) */
    private long changeNanos;
    private final long[] changeRingGeneration = new long[CHANGE_RING], changeRingNanos = new long[CHANGE_RING];
    private long submittedGeneration = -1;
    /** the recent complete snapshots: run set, generation, compute time, when taken */
    private final RunSet[] recentRuns = new RunSet[RECENT];
    private final long[] recentGeneration = new long[RECENT], recentComputeMillis = new long[RECENT],
            recentPolledNanos = new long[RECENT];
    /** the newest complete picture: every rendered chart view shows the complete run set of this generation */
    private long pictureGeneration = -1, pictureNanos, pictureChangeNanos = -1, pictureComputeMillis = -1, pictureCount,
            picturePolledNanos;
    /** our AnimationTimer handler in the newest pulse: start (nanoTime), wall and thread-CPU duration */
    private long handlerStartNanos = -1, handlerWallNanos, handlerCpuNanos = -1;
    private long maxPulseCpuNanos, maxPulseWallNanos;
    private final ForegroundWork foreground = new ForegroundWork();

    /** a parameter change, the first since the last submission */
    void changed() {
        changeNanos = System.nanoTime();
        foreground.changed(changeNanos);
    }

    /** the pending change went to the service as generation g */
    void submitted(long g) {
        submittedGeneration = g;
        foreground.submitted(System.nanoTime());
        changeRingGeneration[(int) (g % CHANGE_RING)] = g;
        changeRingNanos[(int) (g % CHANGE_RING)] = changeNanos;
    }

    /** a complete snapshot was taken from the service */
    void completeSnapshot(SimulationService.Snapshot s) {
        int slot = (int) (s.generation() % RECENT);
        recentRuns[slot] = s.runs();
        recentGeneration[slot] = s.generation();
        recentComputeMillis[slot] = s.millis();
        recentPolledNanos[slot] = System.nanoTime();
    }

    /** true when runs is one of the recent complete snapshots */
    boolean isRecentComplete(RunSet runs) {
        for (RunSet r : recentRuns) if (r == runs) return true;
        return false;
    }

    /**
     * Every rendered view shows shown (null: they differ): when that is a recent complete snapshot of a
     * newer generation than the last complete picture, it is the newest complete picture. While a drag
     * outruns the renderer the views may show an older complete run set than the newest snapshot: hence
     * the recent complete snapshots.
     */
    void shown(RunSet shown) {
        if (shown == null) return;
        for (int i = 0; i < RECENT; i++) {
            if (recentRuns[i] != shown) continue;
            long g = recentGeneration[i];
            if (g <= pictureGeneration) return;
            int slot = (int) (g % CHANGE_RING);
            pictureGeneration = g;
            pictureNanos = System.nanoTime();
            pictureChangeNanos = changeRingGeneration[slot] == g ? changeRingNanos[slot] : -1;
            pictureComputeMillis = recentComputeMillis[i];
            picturePolledNanos = recentPolledNanos[i];
            pictureCount++;
            if (g >= submittedGeneration) foreground.caughtUp();
            return;
        }
    }

    /** our pulse handler started at startNanos and took wall / cpu nanoseconds (cpu −1: not measurable) */
    void pulse(long startNanos, long wall, long cpu) {
        handlerStartNanos = startNanos;
        handlerWallNanos = wall;
        handlerCpuNanos = cpu;
        maxPulseWallNanos = Math.max(maxPulseWallNanos, wall);
        maxPulseCpuNanos = Math.max(maxPulseCpuNanos, cpu);
    }

    /**
     * The most FX-thread CPU time one pulse of this window used (our per-pulse work: snapshot, playback,
     * pixel copies, status). CPU time, so that a loaded machine's scheduling delays do not count.
     */
    public long maxPulseCpuNanos() { return maxPulseCpuNanos; }
    /** the same in wall-clock time (includes time the FX thread waited for a CPU) */
    public long maxPulseWallNanos() { return maxPulseWallNanos; }
    public void resetPulseStatistics() { maxPulseCpuNanos = 0; maxPulseWallNanos = 0; }
    /** nanoTime at the start of our handler in the newest pulse (-1 before the first) */
    public long handlerStartNanos() { return handlerStartNanos; }
    /** wall-clock duration of our handler in the newest pulse */
    public long handlerWallNanos() { return handlerWallNanos; }
    /** FX-thread CPU time of our handler in the newest pulse (-1: not supported) */
    public long handlerCpuNanos() { return handlerCpuNanos; }
    /** the interactive work a background sweep gives way to */
    ForegroundWork foreground() { return foreground; }
    /** generation of the newest request submitted to the service (-1: none yet) */
    public long submittedGeneration() { return submittedGeneration; }
    /** generation of the newest complete picture (every rendered chart view shows its complete run set) */
    public long pictureGeneration() { return pictureGeneration; }
    /** nanoTime at the end of the handler that installed the newest complete picture */
    public long pictureNanos() { return pictureNanos; }
    /** nanoTime of the parameter change that led to the newest complete picture (-1: unknown) */
    public long pictureChangeNanos() { return pictureChangeNanos; }
    /** the service's own compute time (ms) of the newest complete picture's run set */
    public long pictureComputeMillis() { return pictureComputeMillis; }
    /** nanoTime at which our handler took the newest complete picture's snapshot from the service */
    public long picturePolledNanos() { return picturePolledNanos; }
    /** complete pictures shown since the window opened */
    public long pictureCount() { return pictureCount; }
}
