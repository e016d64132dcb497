package org.dlnexplorer.model.engine;

/** A cooperative cancellation flag, checked by the engines between steps. */
public final class CancellationToken {
    public static final CancellationToken NEVER = new CancellationToken();
    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) cancelled = true;
    }

    public boolean isCancelled() { return cancelled; }
}
