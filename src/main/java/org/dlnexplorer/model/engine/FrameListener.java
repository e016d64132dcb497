package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.observe.Frame;

/** Receives each frame as soon as it is computed, on the computing thread. */
@FunctionalInterface
public interface FrameListener {
    FrameListener NONE = f -> { };

    void onFrame(Frame frame);
}
