package org.dlnexplorer.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the background sweep gives way: during changes, and while a change's picture is to come (capped). */
class ForegroundWorkTest {
    private static final long MS = 1_000_000L;

    @Test
    void aChangeHoldsTheSweepForTheQuietInterval() {
        ForegroundWork f = new ForegroundWork();
        long t0 = 5_000 * MS;
        assertFalse(f.busy(t0), "idle at first");
        f.changed(t0);
        assertTrue(f.busy(t0 + ForegroundWork.QUIET_NANOS - MS));
        assertFalse(f.busy(t0 + ForegroundWork.QUIET_NANOS + MS));
    }

    @Test
    void aPendingPictureHoldsTheSweepUntilItIsShownOrTheCapPasses() {
        ForegroundWork f = new ForegroundWork();
        long t0 = 7_000 * MS;
        f.changed(t0);
        f.submitted(t0);
        long later = t0 + ForegroundWork.QUIET_NANOS + 10 * MS;
        assertTrue(f.busy(later), "the picture is still to come");
        f.submitted(later);   // a newer change does not move the start of the wait
        assertFalse(f.busy(t0 + ForegroundWork.PENDING_CAP_NANOS + MS), "the cap passed");
        f.caughtUp();
        assertFalse(f.busy(later), "the picture is on screen");
    }
}
