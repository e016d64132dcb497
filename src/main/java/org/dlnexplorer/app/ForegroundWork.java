package org.dlnexplorer.app;

import org.dlnexplorer.model.sweep.Foreground;

/**
 * When the window's interactive work is going on, for the background phase-diagram sweep to give way to it:
 * a control changed less than {@link #QUIET_NANOS} ago (a drag, or a click just now), or a submitted change's
 * complete picture is not on screen yet (for at most {@link #PENDING_CAP_NANOS}, so that a picture that never
 * comes cannot hold the sweep forever). Written on the FX thread ({@link LatencyHooks}), read by sweep workers.
 */
final class ForegroundWork implements Foreground {
    /** after the last change, how long the sweep keeps waiting (longer than the gap between drag events) */
    static final long QUIET_NANOS = 150_000_000L;
    /** the longest a pending picture holds the sweep */
    static final long PENDING_CAP_NANOS = 1_000_000_000L;

    private volatile long lastChangeNanos = Long.MIN_VALUE / 2;
    /** nanoTime of the oldest submission whose picture is still to come; 0: none */
    private volatile long pendingSinceNanos;

    /** a control changed */
    void changed(long now) { lastChangeNanos = now; }

    /** a change was submitted; its picture is to come */
    void submitted(long now) { if (pendingSinceNanos == 0) pendingSinceNanos = now == 0 ? 1 : now; }

    /** the complete picture of the newest submission is on screen */
    void caughtUp() { pendingSinceNanos = 0; }

    @Override
    public boolean busy() { return busy(System.nanoTime()); }

    boolean busy(long now) {
        long pending = pendingSinceNanos;
        return now - lastChangeNanos < QUIET_NANOS || (pending != 0 && now - pending < PENDING_CAP_NANOS);
    }
}
