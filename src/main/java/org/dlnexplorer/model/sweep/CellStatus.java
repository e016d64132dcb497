package org.dlnexplorer.model.sweep;

/** How a cell's simulation ended. */
public enum CellStatus {
    /** ran to the end of its duration */
    OK,
    /** blew up (non-finite values or gradient-descent divergence): metrics are not meaningful */
    DIVERGED,
    /** no valid configuration or an internal error: see the message */
    FAILED,
    /** its step budget ran out before the end of its duration: metrics are not meaningful, see the message */
    STOPPED
}
