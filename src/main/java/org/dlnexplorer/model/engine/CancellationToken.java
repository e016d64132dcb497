package org.dlnexplorer.model.engine;

/**
 * A cooperative cancellation flag, checked by the engines between steps. It may carry a deadline (a wall-time
 * budget): past it, the token counts as cancelled and {@link #timedOut()} tells why.
 */
public final class CancellationToken {
    public static final CancellationToken NEVER = new CancellationToken();
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private volatile boolean hasDeadline;
    private volatile long deadline;
    private volatile long steps;

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
