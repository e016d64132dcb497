package org.dlnexplorer.model.engine;

/** Receives the state on each requested grid time; y is a buffer valid only during the call. */
@FunctionalInterface
public interface GridListener {
    /** @return false to stop the integration (cancellation) */
    boolean onGrid(int index, double t, double[] y, long steps);
}
