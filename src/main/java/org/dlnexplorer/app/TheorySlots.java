package org.dlnexplorer.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most a fixed number of theory evaluations at once. A slot is taken when a task is submitted and given
 * back exactly once: by the task when its evaluation returns (or throws), or by {@link Task#cancel} when the
 * task had not started yet (a cancelled task that never runs would otherwise hold its slot for ever). A task
 * already running keeps its slot until it returns, since its thread is busy until then.
 */
final class TheorySlots {
    private static final int PENDING = 0, RUNNING = 1, CANCELLED = 2;

    private final Semaphore slots;
    private final ExecutorService pool;

    TheorySlots(int capacity, ExecutorService pool) {
        this.slots = new Semaphore(capacity);
        this.pool = pool;
    }

    /** free slots right now */
    int available() { return slots.availablePermits(); }

    /** The evaluation, submitted to the pool; null when every slot is busy or the pool refuses work. */
    <T> Task<T> trySubmit(Callable<T> work) {
        if (!slots.tryAcquire()) return null;
        AtomicInteger state = new AtomicInteger(PENDING);
        Future<T> f;
        try {
            f = pool.submit(() -> {
                if (!state.compareAndSet(PENDING, RUNNING)) return null;   // cancelled first: the canceller released
                try {
                    return work.call();
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            return null;
        }
        return new Task<>(f, state);
    }

    /** One submitted evaluation. */
    final class Task<T> {
        private final Future<T> future;
        private final AtomicInteger state;

        private Task(Future<T> future, AtomicInteger state) {
            this.future = future;
            this.state = state;
        }

        T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return future.get(timeout, unit);
        }

        /** Cancels the task; its slot comes back now if it had not started, else when its evaluation returns. */
        void cancel() {
            future.cancel(true);
            if (state.compareAndSet(PENDING, CANCELLED)) slots.release();
        }
    }
}
