package org.dlnexplorer.app;

import java.util.EnumSet;

/** What the frame loop still owes the screen. FX thread. */
final class Dirty {
    enum Part {
        /** the controls changed: a new computation is wanted */
        PARAMETERS,
        /** what the views show changed (run set, cursor, time axis, sizes): new images are wanted */
        VIEWS,
        /** a new snapshot arrived: the status line is to be rewritten (after the images were requested) */
        STATUS,
        /** the phase diagram is to follow the newest parameters (once their picture is on screen) */
        PHASE_DIAGRAM
    }

    private final EnumSet<Part> parts = EnumSet.of(Part.VIEWS);

    void mark(Part p) { parts.add(p); }

    boolean has(Part p) { return parts.contains(p); }

    /** Clear p; true when it was set. */
    boolean take(Part p) { return parts.remove(p); }
}
