package org.dlnexplorer.model.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The second core for one computation at a time. One persistent daemon thread (started on first use) joins the
 * calling thread on the chunks of a {@link Job}. Chunks come in phases: a chunk starts once every chunk of the
 * earlier phases has finished. Within a phase each thread has its own chunks, the same ones job after job (the
 * caller the even places of the phase, the helper the odd ones), so a chunk's buffers stay in one core's cache
 * from one job to the next; a thread that has run its own chunks takes any the other has not claimed yet, so a
 * helper that is late (asleep, or descheduled on a busy machine) only means that the caller does more chunks
 * itself, and nobody waits for a chunk that has not started. Handing a job over is one counter write (and an
 * unpark only when the helper has gone to sleep: between jobs it spins for {@link #SPIN_NANOS} first). Nothing
 * is allocated per job.
 * <p>
 * {@link #acquire} gives the pair only when asked for ({@code -Ddln.trajectoryThreads=2}; off by default) and
 * where it can gain: two or more processors, not inside {@link #oneThread} (sweeps and compare sets that already
 * run trajectories side by side), and not in use by another thread at that moment.
 */
public final class CorePair {
    /**
     * {@code -Ddln.trajectoryThreads=2} lets a large trajectory use the second core; the default (1) keeps every
     * trajectory on one thread: measured on this machine the split pays 1.1–1.5× on depth 8 width 64 (the halves
     * of θ and of the partial gradients cross between the cores at every stage), and less when the other core is
     * busy (docs/PERFORMANCE.md)
     */
    public static final String THREADS_PROPERTY = "dln.trajectoryThreads";
    /** how long the idle helper spins for the next job before it parks */
    static final long SPIN_NANOS = 200_000;
    /** spins of a waiting caller between yields (lets a descheduled helper run on a busy machine) */
    private static final int SPINS_PER_YIELD = 256;

    /** A computation in chunks, run by the caller and the helper together. */
    public interface Job {
        int chunks();

        /** the first chunk of this chunk's phase: every chunk before it finishes before this one starts */
        int phaseStart(int chunk);

        /** runs one chunk (on either thread, each chunk exactly once) */
        void run(int chunk);
    }

    private static final boolean ENABLED = "2".equals(System.getProperty(THREADS_PROPERTY, "1").trim())
            && Runtime.getRuntime().availableProcessors() >= 2;
    private static final ThreadLocal<int[]> ONE_THREAD = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile CorePair instance;

    private final AtomicBoolean inUse = new AtomicBoolean();
    /** the epoch of the current job in the high 32 bits, its claimed chunks (a bit each) in the low 32 */
    private final AtomicLong claim = new AtomicLong();
    /** the most chunks a job may have (one claim bit each) */
    public static final int MAX_CHUNKS = 32;
    /** chunks of the current job that have finished */
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong helperChunks = new AtomicLong();
    private volatile Job job;
    /**
     * the epoch of {@link #job}, written before it (and both before the claim counter): a helper that read
     * epoch e from the counter and then the job may have read the next job already; the job is e's only when
     * this still reads e after it
     */
    private volatile long jobEpoch;
    private volatile boolean sleeping;
    private volatile Throwable failure;
    private long epoch;   // written by the owner only (ownership passes through inUse)
    private final Thread helper;

    private CorePair() {
        helper = new Thread(this::helperLoop, "dln-second-core");
        helper.setDaemon(true);
        helper.start();
    }

    /** whether a trajectory on this thread would be offered the second core now (the property, processors, scope) */
    public static boolean available() {
        return ENABLED && ONE_THREAD.get()[0] == 0;
    }

    /**
     * The pair, for the calling thread alone until {@link #release}; null when it is not {@link #available} or
     * another thread has it (then compute on one thread).
     */
    public static CorePair acquire() {
        if (!available()) return null;
        CorePair p = instance;
        if (p == null) p = create();
        return p.inUse.compareAndSet(false, true) ? p : null;
    }

    private static synchronized CorePair create() {
        if (instance == null) instance = new CorePair();
        return instance;
    }

    public void release() {
        inUse.set(false);
    }

    /** Runs body with trajectories on this thread kept to one thread (nests). */
    public static <T> T oneThread(Supplier<T> body) {
        int[] depth = ONE_THREAD.get();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }

    /** Runs body with trajectories on this thread kept to one thread (nests). */
    public static void oneThread(Runnable body) {
        oneThread(() -> {
            body.run();
            return null;
        });
    }

    /** chunks run by the helper thread since the start (0 before first use) */
    public static long helperChunks() {
        CorePair p = instance;
        return p == null ? 0 : p.helperChunks.get();
    }

    /** Runs every chunk of the job, on this thread and on the helper; returns when all have finished. */
    public void run(Job j) {
        int n = j.chunks();
        if (n > MAX_CHUNKS) throw new IllegalArgumentException(n + " chunks: at most " + MAX_CHUNKS);
        done.set(0);
        failure = null;
        epoch = (epoch + 1) & 0xFFFF_FFFFL;
        jobEpoch = epoch;
        job = j;
        claim.set(epoch << 32);
        if (sleeping) LockSupport.unpark(helper);
        work(epoch, j, false);
        awaitDone(n);
        Throwable f = failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
    }

    /**
     * runs chunks of job e, phase by phase: in each phase first this thread's own chunks (the caller's the even
     * places, the helper's the odd ones), then any the other thread has not claimed; returns when every chunk has
     * been claimed (or a newer job has replaced e)
     */
    private void work(long e, Job j, boolean onHelper) {
        int n = j.chunks(), mine = onHelper ? 1 : 0;
        for (int a = 0, b; a < n; a = b) {
            b = a + 1;
            while (b < n && j.phaseStart(b) == a) b++;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = a; k < b; k++) {
                    if ((((k - a) & 1) == mine) != (pass == 0)) continue;
                    int got = claim(e, k);
                    if (got < 0) return;
                    if (got == 0) continue;
                    try {
                        awaitDone(a);
                        j.run(k);
                    } catch (RuntimeException | Error t) {
                        failure = t;
                    }
                    if (onHelper) helperChunks.incrementAndGet();
                    done.incrementAndGet();
                }
            }
        }
    }

    /** claims chunk k of job e: 1 when this thread has it, 0 when the other one has, −1 when e is over */
    private int claim(long e, int k) {
        long bit = 1L << k;
        for (;;) {
            long c = claim.get();
            if ((c >>> 32) != e) return -1;
            if ((c & bit) != 0) return 0;
            if (claim.compareAndSet(c, c | bit)) return 1;
        }
    }

    /** spins (yielding now and then) until at least target chunks have finished */
    private void awaitDone(int target) {
        for (int spins = 0; done.get() < target; spins++) {
            if (spins % SPINS_PER_YIELD == SPINS_PER_YIELD - 1) Thread.yield();
            else Thread.onSpinWait();
        }
    }

    private void helperLoop() {
        long seen = 0;
        long idleSince = System.nanoTime();
        for (int spins = 0; ; spins++) {
            long e = claim.get() >>> 32;
            if (e != seen) {
                seen = e;
                Job j = job;
                // job e's own, unless the owner has finished e and is publishing the next one: then there is
                // nothing of e left, and the next epoch comes with the counter (its chunks must not be taken as
                // e's: the counter still reads e's, and the next job may have more chunks than e had)
                if (jobEpoch == e) work(e, j, true);
                idleSince = System.nanoTime();
                spins = 0;
            } else if ((spins & 63) != 63 || System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                // sleep until run() hands over the next job (it unparks when it sees sleeping)
                sleeping = true;
                if (claim.get() >>> 32 == seen) LockSupport.park(this);
                sleeping = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
