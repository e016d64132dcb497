package org.dlnexplorer.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** When a drag begins and ends (DraftQuality): no JavaFX, times given. */
class DraftQualityTest {
    private static final long PULSE = 16_666_667L;

    @Test
    void changesInConsecutivePulsesAreADragUntilReleased() {
        DraftQuality q = new DraftQuality();
        long t = 1_000_000_000L;
        q.changed(t, false);
        assertFalse(q.draft(t), "one change is no drag");
        for (int i = 1; i <= 10; i++) {
            q.changed(t + i * PULSE, false);
            assertTrue(q.draft(t + i * PULSE), "change " + i);
        }
        long last = t + 10 * PULSE;
        assertTrue(q.draft(last + DraftQuality.RELEASE_NANOS - 1), "still held");
        assertFalse(q.draft(last + DraftQuality.RELEASE_NANOS), "released");
        assertFalse(q.draft(last + 2 * DraftQuality.RELEASE_NANOS));
    }

    @Test
    void stepsAfterTheirPicturesAreNoDragAChangeAheadOfThePictureIs() {
        DraftQuality q = new DraftQuality();
        long t = 5_000_000_000L;
        for (int i = 0; i < 5; i++) {   // a change every other pulse, each after its predecessor's picture
            q.changed(t + 2 * i * PULSE, false);
            assertFalse(q.draft(t + 2 * i * PULSE), "step " + i);
        }
        q.changed(t + 20 * PULSE, true);   // long after, but the previous picture is not shown yet
        assertTrue(q.draft(t + 20 * PULSE));
    }
}
