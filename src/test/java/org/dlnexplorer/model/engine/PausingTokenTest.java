package org.dlnexplorer.model.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pausing token: its check waits while the pause holds, and ends with its parent's cancel. */
class PausingTokenTest {
    @Test
    @Timeout(20)
    void theCheckWaitsWhileThePauseHolds() throws Exception {
        AtomicBoolean paused = new AtomicBoolean(true);
        CancellationToken parent = new CancellationToken();
        CancellationToken t = CancellationToken.pausing(parent, paused::get);
        AtomicLong returnedAt = new AtomicLong();
        Thread w = new Thread(() -> {
            assertFalse(t.isCancelled());
            returnedAt.set(System.nanoTime());
        });
        w.start();
        Thread.sleep(200);
        assertTrue(w.isAlive(), "still waiting while paused");
        long released = System.nanoTime();
        paused.set(false);
        w.join();
        assertTrue(returnedAt.get() >= released, "returned only after the pause ended");
        assertFalse(t.isCancelled(), "not paused: returns at once");
    }

    @Test
    @Timeout(20)
    void aParentCancelEndsTheWait() throws Exception {
        CancellationToken parent = new CancellationToken();
        CancellationToken t = CancellationToken.pausing(parent, () -> true);
        AtomicBoolean result = new AtomicBoolean();
        Thread w = new Thread(() -> result.set(t.isCancelled()));
        w.start();
        Thread.sleep(50);
        parent.cancel();
        w.join();
        assertTrue(result.get(), "cancelled with its parent");
        assertTrue(t.isCancelled());
    }
}
