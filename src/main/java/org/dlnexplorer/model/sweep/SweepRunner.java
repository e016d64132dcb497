package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.parallel.CorePair;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep: one simulation per grid cell, in parallel on a fixed pool of worker threads (default: one
 * per available processor), coarse cells first so the whole map takes shape early. Finished cells go into
 * the {@link SweepResult} and to the listener as soon as they are done. Cancelling the token stops the
 * running simulations at their next step and skips the cells not yet started; those stay absent.
 */
public final class SweepRunner {
    /** how often the waiting caller checks the token while cells run */
    static final long CANCEL_POLL_MILLIS = 20;
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int parallelism;
    private final Foreground foreground;

    public SweepRunner() { this(Runtime.getRuntime().availableProcessors()); }

    public SweepRunner(int parallelism) { this(parallelism, Foreground.NONE); }

    /** a runner whose workers start no cell while foreground is busy (the app's background map) */
    public SweepRunner(int parallelism, Foreground foreground) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be ≥ 1");
        this.parallelism = parallelism;
        this.foreground = foreground;
    }

    public int parallelism() { return parallelism; }

    /** Runs the whole grid and blocks until every cell is done or the sweep is cancelled. */
    public SweepResult run(String title, Axis x, Axis y, CellSpecFactory factory, SweepListener listener,
                           CancellationToken cancel) {
        SweepResult result = new SweepResult(title, x, y);
        run(result, factory, listener, cancel);
        return result;
    }

    /** Runs one shard's cells of the grid (the others stay absent) and blocks until they are done or cancelled. */
    public SweepResult run(String title, Axis x, Axis y, CellSpecFactory factory, SweepListener listener,
                           CancellationToken cancel, Shard shard) {
        SweepResult result = new SweepResult(title, x, y);
        run(result, factory, listener, cancel, shard);
        return result;
    }

    /** Fills an empty result (so that a caller can hand it to a view before the cells arrive). */
    public void run(SweepResult into, CellSpecFactory factory, SweepListener listener, CancellationToken cancel) {
        run(into, factory, listener, cancel, Shard.ALL);
    }

    /** Fills an empty result with one shard's cells (coarse to fine within the shard). */
    public void run(SweepResult into, CellSpecFactory factory, SweepListener listener, CancellationToken cancel,
                    Shard shard) {
        Axis x = into.x(), y = into.y();
        into.markStarted();
        int pool = POOL_COUNTER.incrementAndGet();
        AtomicInteger threadCounter = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "dln-sweep-" + pool + "-" + threadCounter.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        ExecutorService exec = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, shard.count(into.size()))), tf);
        try {
            for (int cell : order(x.n(), y.n())) {
                if (!shard.contains(cell)) continue;
                int ix = cell % x.n(), iy = cell / x.n();
                exec.execute(() -> {
                    // give way to the interactive work: the cell's token waits while it is busy, here before
                    // the cell starts and then between its steps
                    CancellationToken cellCancel = foreground == Foreground.NONE ? cancel
                            : CancellationToken.pausing(cancel, foreground::busy);
                    if (cellCancel.isCancelled()) return;
                    CellResult c = CorePair.oneThread(() -> runCell(ix, iy, x.value(ix), y.value(iy), factory, cellCancel));
                    if (c == null || cancel.isCancelled()) return;
                    into.put(c);
                    listener.onCell(c);
                });
            }
            exec.shutdown();
            while (!exec.awaitTermination(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) exec.shutdownNow();
            }
        } catch (InterruptedException e) {
            exec.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            into.markFinished(cancel.isCancelled());
        }
    }

    /**
     * One cell: build its spec, simulate, reduce to metrics, add the theory's prediction. Null when the
     * simulation was cancelled before it finished.
     */
    public static CellResult runCell(int ix, int iy, double x, double y, CellSpecFactory factory,
                                     CancellationToken cancel) {
        SimulationSpec spec;
        try {
            spec = factory.spec(x, y);
        } catch (Exception e) {
            return CellResult.failed(ix, iy, x, y, message(e));
        }
        try {
            // the metrics read no Hessian spectrum, and the sharpness only in the convergence window
            if (spec.hessian()) spec = spec.toBuilder().hessian(false).build();
            Trajectory tr = Simulation.simulate(spec, FrameListener.NONE, cancel,
                    Convergence.windowStart(Simulation.frameTimes(spec)));
            if (!tr.complete() && !tr.diverged() && (tr.stopped() == null || cancel.isCancelled())) return null;
            return CellMetrics.of(ix, iy, x, y, spec, tr, LambdaBalancedPrediction.predict(spec));
        } catch (RuntimeException e) {
            return CellResult.failed(ix, iy, x, y, message(e));
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /**
     * Cell indices (iy·nx + ix) coarse to fine: first every 8th cell in both directions, then every 4th,
     * 2nd, and the rest, each pass row by row.
     */
    static int[] order(int nx, int ny) {
        int[] out = new int[nx * ny];
        boolean[] seen = new boolean[nx * ny];
        int k = 0;
        for (int stride = 8; stride >= 1; stride /= 2) {
            for (int iy = 0; iy < ny; iy += stride)
                for (int ix = 0; ix < nx; ix += stride) {
                    int c = iy * nx + ix;
                    if (!seen[c]) { seen[c] = true; out[k++] = c; }
                }
        }
        return out;
    }
}
