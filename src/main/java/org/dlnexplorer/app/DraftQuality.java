package org.dlnexplorer.app;

/**
 * Whether a control is being dragged, so that the views are painted in draft quality
 * ({@link org.dlnexplorer.chart.Draft}) and the phase diagram waits: from a parameter change that follows
 * the previous one within {@link #DRAG_GAP_NANOS} (changes in consecutive pulses) or comes while the
 * previous change's picture is not on screen yet (the hand is ahead of the picture), until no change has
 * come for {@link #RELEASE_NANOS} (released); then the views are painted once more in full quality. A
 * change made a while after its predecessor's picture was shown (a click, a typed value, a step) is painted
 * in full quality at once. FX thread.
 */
final class DraftQuality {
    /** two changes closer than this (one and a half 60 Hz pulses): a drag */
    static final long DRAG_GAP_NANOS = 25_000_000L;
    /** no parameter change for this long: the control was released */
    static final long RELEASE_NANOS = 100_000_000L;

    private boolean dragging, changedBefore;
    private long lastChange;

    /** a parameter change at now (nanoTime); pictureBehind: the previous change's picture is not shown yet */
    void changed(long now, boolean pictureBehind) {
        if (pictureBehind || (changedBefore && now - lastChange < DRAG_GAP_NANOS)) dragging = true;
        changedBefore = true;
        lastChange = now;
    }

    /** true while a drag goes on; false from RELEASE_NANOS after its last change */
    boolean draft(long now) {
        if (dragging && now - lastChange >= RELEASE_NANOS) dragging = false;
        return dragging;
    }
}
