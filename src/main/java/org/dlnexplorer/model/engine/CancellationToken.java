package org.dlnexplorer.model.engine;

/**
 * A cooperative cancellation flag, checked by the engines between steps. It may carry a deadline (a wall-time
 * budget): past it, the token counts as cancelled and {@link #timedOut()} tells why.
 */
public final class CancellationToken {
    public static final CancellationToken NEVER = new CancellationToken();
    /** how long a paused {@link #isCancelled} sleeps between looks at its pause condition */
    static final long PAUSE_POLL_NANOS = 2_000_000;
    private final CancellationToken parent;   // null: none
    private final java.util.function.BooleanSupplier pause;   // null: never pauses
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private volatile boolean hasDeadline;
    private volatile long deadline;
    private volatile long steps;

    public CancellationToken() { this(null, null); }

    private CancellationToken(CancellationToken parent, java.util.function.BooleanSupplier pause) {
        this.parent = parent;
        this.pause = pause;
    }

    /**
     * A token for background work that gives way to other work: cancelled with parent, and its
     * {@link #isCancelled} (which the engines call between steps) waits while pause holds, so the work pauses
     * between two steps. Only for threads that may wait (a sweep's workers), never the FX thread.
     */
    public static CancellationToken pausing(CancellationToken parent, java.util.function.BooleanSupplier pause) {
        return new CancellationToken(parent, pause);
    }

    public void cancel() {
        if (this != NEVER) cancelled = true;
    }

    /** Cancel by itself once System.nanoTime() reaches deadlineNanos. */
    public void cancelAt(long deadlineNanos) {
        if (this == NEVER) return;
        deadline = deadlineNanos;
        hasDeadline = true;
    }

    public boolean isCancelled() {
        if (cancelled) return true;
        if (parent != null && parent.isCancelled()) return cancelled = true;
        if (pause != null)
            while (pause.getAsBoolean() && !cancelled && (parent == null || !parent.isCancelled()))
                java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_POLL_NANOS);
        if (parent != null && parent.isCancelled()) return cancelled = true;
        if (hasDeadline && System.nanoTime() - deadline >= 0) {
            timedOut = true;
            cancelled = true;
        }
        return cancelled;
    }

    /** true when the deadline, not a cancel, ended the work */
    public boolean timedOut() { return timedOut; }

    /** The engines report the steps of the run in progress here now and then (for progress displays). */
    public void reportSteps(long n) {
        if (this != NEVER) steps = n;
    }

    /** steps of the run in progress, as last reported */
    public long steps() { return steps; }
}
