package org.dlnexplorer.app;

/**
 * Whether the views are painted in draft quality ({@link org.dlnexplorer.chart.Draft}): from a parameter
 * change that comes while the previous change's picture is not on screen yet (a slider dragged, a key held:
 * the hand is ahead of the picture) until no change has come for {@link #RELEASE_NANOS} (released); then
 * the views are painted once more in full quality. A change made after its predecessor's picture was shown
 * (a click, a typed value) is painted in full quality at once. FX thread.
 */
final class DraftQuality {
    /** no parameter change for this long: the control was released */
    static final long RELEASE_NANOS = 100_000_000L;

    private boolean dragging;
    private long lastChange;

    /** a parameter change at now (nanoTime); pictureBehind: the previous change's picture is not shown yet */
    void changed(long now, boolean pictureBehind) {
        if (pictureBehind) dragging = true;
        lastChange = now;
    }

    /** true while a drag goes on; false from RELEASE_NANOS after its last change */
    boolean draft(long now) {
        if (dragging && now - lastChange >= RELEASE_NANOS) dragging = false;
        return dragging;
    }
}
