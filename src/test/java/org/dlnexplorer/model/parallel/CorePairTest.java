package org.dlnexplorer.model.parallel;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CorePairTest {
    /** jobs run until the helper has taken part (it is asleep or descheduled at first on a busy machine) */
    private static final long HELPER_WAIT_NANOS = 20_000_000_000L;

    /**
     * The pair, waiting a moment if a simulation of another test still holds it; the tests need two
     * processors (a one-processor machine never offers the pair).
     */
    static CorePair acquire() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && CorePair.available(), "two processors");
        long until = System.nanoTime() + 5_000_000_000L;
        CorePair p;
        while ((p = CorePair.acquire()) == null && System.nanoTime() < until) Thread.onSpinWait();
        return p;
    }

    /** chunks in three phases; each records how many chunks had finished when it started */
    private static final class Phased implements CorePair.Job {
        final int n = 12;
        final AtomicIntegerArray runs = new AtomicIntegerArray(n);
        final AtomicIntegerArray finishedBefore = new AtomicIntegerArray(n);
        final AtomicInteger finished = new AtomicInteger();

        @Override public int chunks() { return n; }

        @Override public int phaseStart(int chunk) { return chunk >= 8 ? 8 : chunk >= 3 ? 3 : 0; }

        @Override public void run(int chunk) {
            finishedBefore.set(chunk, finished.get());
            runs.incrementAndGet(chunk);
            double x = 0;
            for (int i = 0; i < 2000; i++) x += Math.sqrt(i + chunk);
            if (x < 0) throw new AssertionError();
            finished.incrementAndGet();
        }
    }

    @Test
    void everyChunkRunsOnceAndPhasesWaitForTheEarlierOnes() {
        long helperBefore = CorePair.helperChunks();
        long start = System.nanoTime();
        int jobs = 0;
        do {
            CorePair pair = acquire();
            assertNotNull(pair, "two processors and no one-thread scope: the pair is offered");
            Phased job = new Phased();
            try {
                pair.run(job);
            } finally {
                pair.release();
            }
            jobs++;
            for (int c = 0; c < job.n; c++) {
                assertEquals(1, job.runs.get(c), "chunk " + c + " ran once");
                int phaseStart = job.phaseStart(c);
                assertTrue(job.finishedBefore.get(c) >= phaseStart, "chunk " + c + " started after its earlier phases");
            }
        } while ((jobs < 50 || CorePair.helperChunks() == helperBefore) && System.nanoTime() - start < HELPER_WAIT_NANOS);
        assertTrue(CorePair.helperChunks() > helperBefore, "the helper thread took chunks");
    }

    /** how long a {@link Lockstep} chunk waits for its partner to start (a late helper: then it goes on) */
    private static final long PARTNER_WAIT_NANOS = 2_000_000_000L;

    /**
     * Three phases of four chunks; chunks 2m and 2m + 1 are partners, and each waits (up to
     * {@link #PARTNER_WAIT_NANOS}) until its partner has started, so that both threads are inside the job before
     * either can finish a chunk and reach for the next: which thread runs which chunk is then decided by the
     * claiming order alone, not by who happened to be free first. Each chunk records the thread that ran it.
     */
    private static final class Lockstep implements CorePair.Job {
        final int n = 12;
        final Thread[] ranBy = new Thread[n];
        final AtomicIntegerArray started = new AtomicIntegerArray(n);

        @Override public int chunks() { return n; }

        @Override public int phaseStart(int chunk) { return chunk & ~3; }

        @Override public void run(int chunk) {
            ranBy[chunk] = Thread.currentThread();
            started.set(chunk, 1);
            long until = System.nanoTime() + PARTNER_WAIT_NANOS;
            while (started.get(chunk ^ 1) == 0 && System.nanoTime() < until) Thread.onSpinWait();
        }
    }

    /**
     * Each thread runs its own places of every phase, job after job (the caller the even ones, the helper the odd
     * ones), so the data of a chunk stays in one core's cache. With one shared counter (the earlier design) the
     * chunk after a pair went to whichever thread was free first, about half the time the other one.
     */
    @Test
    void eachThreadRunsItsOwnPlacesOfEveryPhaseJobAfterJob() {
        Thread caller = Thread.currentThread();
        CorePair pair = acquire();
        assertNotNull(pair);
        try {
            for (int jobs = 0; jobs < 200; jobs++) {
                Lockstep job = new Lockstep();
                pair.run(job);
                for (int c = 0; c < job.n; c++) {
                    boolean callersPlace = ((c - job.phaseStart(c)) & 1) == 0;
                    assertEquals(callersPlace, job.ranBy[c] == caller,
                            "job " + jobs + ": chunk " + c + " ran on " + job.ranBy[c].getName());
                }
            }
        } finally {
            pair.release();
        }
    }

    /** two chunks of no work: the caller usually finishes it alone, at once, and publishes the next job */
    private static final class Tiny implements CorePair.Job {
        final AtomicIntegerArray runs = new AtomicIntegerArray(2);
        @Override public int chunks() { return 2; }
        @Override public int phaseStart(int chunk) { return 0; }
        @Override public void run(int chunk) { runs.incrementAndGet(chunk); }
    }

    /**
     * Jobs of different sizes one after another (the integrator's two-chunk loops between the gradient's
     * many-chunk passes): a chunk of a job is never run under the previous job's epoch, so every chunk of every
     * job runs once and after its earlier phases. A helper that read the new job with the old epoch ran chunk 2
     * of the larger job before its first phase and counted it twice.
     */
    @Test
    void jobsOfDifferentSizesInTurnEachRunEveryChunkOnce() {
        long start = System.nanoTime();
        int pairs = 0;
        CorePair pair = acquire();
        assertNotNull(pair);
        try {
            while (System.nanoTime() - start < 2_000_000_000L) {
                Tiny tiny = new Tiny();
                pair.run(tiny);
                assertEquals(1, tiny.runs.get(0), "tiny chunk 0 ran once");
                assertEquals(1, tiny.runs.get(1), "tiny chunk 1 ran once");
                Phased job = new Phased();
                pair.run(job);
                for (int c = 0; c < job.n; c++) {
                    assertEquals(1, job.runs.get(c), "job " + pairs + ": chunk " + c + " ran once");
                    assertTrue(job.finishedBefore.get(c) >= job.phaseStart(c),
                            "job " + pairs + ": chunk " + c + " started after its earlier phases");
                }
                pairs++;
            }
        } finally {
            pair.release();
        }
        assertTrue(pairs > 1000, pairs + " pairs of jobs");
    }

    @Test
    void oneThreadScopesWithholdThePairAndNest() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "two processors");
        assertTrue(CorePair.available());
        CorePair.oneThread(() -> {
            assertFalse(CorePair.available());
            assertNull(CorePair.acquire());
            String inner = CorePair.oneThread(() -> CorePair.available() ? "two" : "one");
            assertEquals("one", inner);
            assertNull(CorePair.acquire(), "still one thread after the inner scope");
        });
        assertTrue(CorePair.available());
    }

    @Test
    void thePairServesOneThreadAtATime() throws Exception {
        CorePair pair = acquire();
        assertNotNull(pair);
        try {
            assertNull(CompletableFuture.supplyAsync(CorePair::acquire).get(), "taken: another thread computes alone");
            assertNull(CorePair.acquire(), "not reentrant");
        } finally {
            pair.release();
        }
        CorePair again = CompletableFuture.supplyAsync(() -> {
            CorePair p = CorePair.acquire();
            if (p != null) p.release();
            return p;
        }).get();
        assertSame(pair, again, "released: the one pair is free again");
    }

    @Test
    void aFailingChunkFailsTheRunAndLeavesThePairUsable() {
        CorePair pair = acquire();
        assertNotNull(pair);
        try {
            CorePair.Job failing = new CorePair.Job() {
                @Override public int chunks() { return 4; }
                @Override public int phaseStart(int chunk) { return 0; }
                @Override public void run(int chunk) {
                    if (chunk == 2) throw new IllegalStateException("chunk 2");
                }
            };
            assertEquals("chunk 2", assertThrows(IllegalStateException.class, () -> pair.run(failing)).getMessage());
            Phased ok = new Phased();
            pair.run(ok);
            for (int c = 0; c < ok.n; c++) assertEquals(1, ok.runs.get(c));
        } finally {
            pair.release();
        }
    }
}
