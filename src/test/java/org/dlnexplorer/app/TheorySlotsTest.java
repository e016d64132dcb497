package org.dlnexplorer.app;

import org.dlnexplorer.chart.Fixtures;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.Theories;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The theory slots cannot leak: a task cancelled before it starts gives its slot back (issue 18). */
class TheorySlotsTest {
    static final int CAPACITY = SimulationService.MAX_THEORY_THREADS;
    static final int CANCELLED_TASKS = 1_000;

    @Test
    void cancellingManyPendingTasksLeavesEverySlotFreeAndTheOverlayIsComputed() throws Exception {
        // one pool thread, held busy by a gate: every task submitted after it waits (pending) in the queue
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch gate = new CountDownLatch(1);
        try {
            pool.submit(() -> { gate.await(); return null; });
            TheorySlots slots = new TheorySlots(CAPACITY, pool);
            for (int i = 0; i < CANCELLED_TASKS; i++) {
                TheorySlots.Task<TheoryResult> t = slots.trySubmit(() -> TheoryResult.unavailable("never run"));
                assertNotNull(t, "a slot is free for task " + i + " (the cancelled ones gave theirs back)");
                t.cancel();
            }
            assertEquals(CAPACITY, slots.available(), "no slot leaked");
            gate.countDown();

            SimulationSpec spec = PresetCompiler.compile(PresetIo.parse(Fixtures.SAXE, "test"), "test");
            Trajectory tr = Simulation.simulate(spec, f -> { }, new org.dlnexplorer.model.engine.CancellationToken());
            double[] times = tr.times();
            TheorySlots.Task<TheoryResult> exact = slots.trySubmit(() -> Theories.evaluate(spec, times));
            assertNotNull(exact);
            TheoryResult r = exact.get(30, TimeUnit.SECONDS);
            assertTrue(r.available(), "the exact overlay is computed: " + r.reason());
            assertEquals(times.length, r.singularValues().length);
            for (int i = 0; i < 100 && slots.available() < CAPACITY; i++) Thread.sleep(10);
            assertEquals(CAPACITY, slots.available(), "the finished task gave its slot back");
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRunningTaskKeepsItsSlotUntilItReturnsEvenWhenCancelled() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        try {
            TheorySlots slots = new TheorySlots(1, pool);
            TheorySlots.Task<Integer> t = slots.trySubmit(() -> {
                started.countDown();
                while (true) {
                    try { release.await(); return 1; } catch (InterruptedException e) { /* cancel(true): keep running */ }
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            t.cancel();
            assertEquals(0, slots.available(), "its thread is still busy");
            assertNull(slots.trySubmit(() -> 2), "no second slot");
            release.countDown();
            for (int i = 0; i < 500 && slots.available() < 1; i++) Thread.sleep(10);
            assertEquals(1, slots.available());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void raceOfSubmitAndCancelNeverLeaks() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            TheorySlots slots = new TheorySlots(CAPACITY, pool);
            List<TheorySlots.Task<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < CANCELLED_TASKS; i++) {
                TheorySlots.Task<Integer> t = slots.trySubmit(() -> 1);
                if (t != null) { t.cancel(); tasks.add(t); }
            }
            for (int i = 0; i < 500 && slots.available() < CAPACITY; i++) Thread.sleep(10);
            assertEquals(CAPACITY, slots.available(), "every slot came back after " + tasks.size() + " cancelled tasks");
        } finally {
            pool.shutdownNow();
        }
    }
}
