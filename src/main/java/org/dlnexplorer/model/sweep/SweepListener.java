package org.dlnexplorer.model.sweep;

/** Receives each finished cell as soon as it is done, on the worker thread that computed it. */
@FunctionalInterface
public interface SweepListener {
    SweepListener NONE = c -> { };

    void onCell(CellResult cell);
}
