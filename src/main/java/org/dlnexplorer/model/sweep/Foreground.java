package org.dlnexplorer.model.sweep;

/**
 * Interactive work that a background sweep gives way to: while {@link #busy} (a control is being changed, or
 * a change's picture is still to come), the sweep's workers start no new cell, so that both cores go to the
 * simulation and painting the user is waiting for. Read from the sweep's threads.
 */
@FunctionalInterface
public interface Foreground {
    /** nothing to give way to (the command line's sweeps) */
    Foreground NONE = () -> false;

    boolean busy();
}
