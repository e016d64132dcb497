package org.dlnexplorer.app;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.Theories;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs simulations on one background thread (the runs of a compare set on two). Each {@link #submit} cancels the running computation and
 * replaces any waiting request (latest wins). Frames stream into an append-only history; snapshots of
 * it are published into a single slot that the FX thread {@link #poll()}s once per pulse, so the FX
 * thread sees at most one new state per pulse and never waits for or performs a computation.
 * Knows nothing of JavaFX.
 */
public final class SimulationService implements AutoCloseable {
    /** minimum spacing of partial (streaming) snapshots */
    static final long PUBLISH_INTERVAL_NANOS = 15_000_000L;
    /**
     * Partial results are shown only for runs that take longer than this: quick runs go from one
     * complete picture to the next without flashing half-drawn trajectories.
     */
    static final long STREAM_AFTER_NANOS = 120_000_000L;
    /**
     * A new request cancels the running computation once that has run this long; a younger one may
     * finish first (its result is shown, then the newest request runs). Without this grace a continuous
     * drag whose runs take longer than a pulse would cancel every run and never show a complete one.
     */
    static final long CANCEL_GRACE_NANOS = 50_000_000L;
    /** the longest a run waits for its exact solution before it is shown without one */
    static final long THEORY_BUDGET_MILLIS = 5_000;
    static final long THEORY_POLL_MILLIS = 10;
    /** at most this many theory evaluations at once (more: runs are shown without theory) */
    static final int MAX_THEORY_THREADS = 2;

    /** One request: the base preset and the controls to apply to it (null: the preset as written). */
    public record Request(long generation, Preset preset, String source, Params params) {}

    /**
     * What the FX thread receives: the run set so far, whether it is complete, timing, or an error; a run the
     * user cancelled is complete (nothing more will come) with its frames so far and the time it had reached,
     * cancelledAt (NaN when it was not cancelled).
     */
    public record Snapshot(long generation, Params params, RunSet runs, boolean complete, long millis, String error,
                           double cancelledAt) {
        public Snapshot(long generation, Params params, RunSet runs, boolean complete, long millis, String error) {
            this(generation, params, runs, complete, millis, error, Double.NaN);
        }

        /** true when the user cancelled this computation (its frames so far are kept) */
        public boolean cancelled() { return !Double.isNaN(cancelledAt); }
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dln-simulation");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final java.util.concurrent.ScheduledExecutorService graceTimer =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dln-simulation-grace");
                t.setDaemon(true);
                return t;
            });
    /** theory evaluations run here (they cannot be cancelled; a stuck one only costs its own thread) */
    private final ExecutorService theoryPool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dln-theory");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /**
     * The second thread of a compare set (its members are independent runs): null on a single core. Daemon,
     * same priority as the simulation thread.
     */
    private final ExecutorService memberHelper = Runtime.getRuntime().availableProcessors() < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dln-simulation-2");
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
    /** the slots of the theory pool: taken on submit, given back when the evaluation returns or is cancelled unstarted */
    private final TheorySlots theorySlots = new TheorySlots(MAX_THEORY_THREADS, theoryPool);
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private volatile CancellationToken current = new CancellationToken();
    /** how far the running computation has got, or null when none runs */
    private volatile RunProgress progress;
    private volatile long currentStart = Long.MIN_VALUE;
    private volatile long lastCompleteGeneration = -1;
    private volatile java.util.function.Consumer<Snapshot> onFinished = s -> { };

    /**
     * Called on the simulation thread once per request that finished (complete or failed; not for
     * cancelled ones, never per step), with the snapshot just published (the same object {@link #poll()}
     * returns, unless a newer one replaced it). Must not block.
     */
    public void setOnFinished(java.util.function.Consumer<Snapshot> r) { onFinished = r == null ? s -> { } : r; }

    /** Cancel whatever runs and compute this instead. Returns the request's generation. Any thread. */
    public long submit(Preset preset, String source, Params params) {
        long g = generations.incrementAndGet();
        // publish the request first, then cancel: drain() either sees it or its token gets cancelled
        boolean schedule = pending.getAndSet(new Request(g, preset, source, params)) == null;
        CancellationToken running = current;
        long age = System.nanoTime() - currentStart;
        if (this.running.get() == 0 || age >= CANCEL_GRACE_NANOS) {
            running.cancel();
        } else {
            // let it finish within the grace period; cancel it then if a request is still waiting
            graceTimer.schedule(() -> { if (pending.get() != null && current == running) running.cancel(); },
                    CANCEL_GRACE_NANOS - age, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if (schedule) executor.execute(this::drain);
        return g;
    }

    /** The newest unseen snapshot, or null; clears the slot (latest wins). */
    public Snapshot poll() {
        return latest.getAndSet(null);
    }

    /** generation of the newest request */
    public long generation() { return generations.get(); }

    /** computations in progress right now (0 or 1) */
    public int running() { return running.get(); }

    /** the most computations ever in progress at once (1 by construction) */
    public int maxRunning() { return maxRunning.get(); }

    /** computations started / finished (completed, cancelled or failed) since creation */
    public long started() { return started.get(); }
    public long finished() { return finished.get(); }

    /** How far the running computation has got (read once per pulse), or null when none runs. */
    RunProgress.Now progress() {
        RunProgress k = progress;
        return k == null ? null : k.now(System.nanoTime());
    }

    /**
     * Stop the running computation as the user asked: its frames so far are published as a finished snapshot
     * ({@link Snapshot#cancelled()}). False when nothing runs. Any thread.
     */
    public boolean cancelRunning() {
        RunProgress k = progress;
        if (k == null) return false;
        k.cancelByUser();
        return true;
    }

    /** true when the newest request has been computed completely */
    public boolean isIdle() {
        return pending.get() == null && running.get() == 0 && lastCompleteGeneration == generations.get();
    }

    private void drain() {
        Request r = pending.getAndSet(null);
        if (r == null) return;
        CancellationToken token = new CancellationToken();
        currentStart = System.nanoTime();
        current = token;
        if (pending.get() != null) return;   // superseded already: the newer request's drain follows
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        started.incrementAndGet();
        RunProgress k = new RunProgress(r.generation(), currentStart, token);
        progress = k;
        try {
            compute(r, token, k);
        } catch (Throwable e) {
            Snapshot failed = new Snapshot(r.generation(), r.params(), null, true, 0, message(e));
            latest.set(failed);
            lastCompleteGeneration = r.generation();
            onFinished.accept(failed);
        } finally {
            progress = null;
            running.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    private static String message(Throwable e) {
        if (e instanceof PresetException || e instanceof IllegalArgumentException) return e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * One request: the compare set through the one {@link CompareSetRunner} (a second thread takes every other
     * member), each member streaming its partial trajectory and getting its budgeted exact solution here.
     */
    private void compute(Request r, CancellationToken token, RunProgress k) throws PresetException {
        long t0 = System.nanoTime();
        Preset preset = r.params() == null ? r.preset() : r.params().applyTo(r.preset());
        List<CompareSetRunner.Member> members = PresetCompiler.compileSet(preset, r.source());
        String title = preset.name == null ? "" : preset.name;
        int n = members.size();
        double[] durations = new double[n];
        for (int i = 0; i < n; i++) durations[i] = members.get(i).spec().duration();
        k.members(durations);
        // member i's finished run (with its exact solution) and, while it runs, its newest partial trajectory
        AtomicReferenceArray<RunSet.Labeled> done = new AtomicReferenceArray<>(n), partial = new AtomicReferenceArray<>(n);
        AtomicLong lastPublish = new AtomicLong(t0);
        MemberStreams streams = new MemberStreams(members, partial, token, k,
                () -> publishPartial(r, title, t0, lastPublish, done, partial, token), done);
        RunSet set = CompareSetRunner.run(title, members, (spec, frames, cancel) -> runMember(spec, frames, cancel, k),
                streams, token, memberHelper);
        if (token.isCancelled()) {
            if (k.cancelledByUser()) publishCancelled(r, title, t0, done);
            return;
        }
        if (set == null) return;   // a member was cut short (cancelled)
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Snapshot complete = new Snapshot(r.generation(), r.params(), set, true, millis, null);
        latest.set(complete);
        lastCompleteGeneration = r.generation();
        onFinished.accept(complete);
    }

    /**
     * The user cancelled: the members that had begun, in order up to the first that had not, each with its
     * frames so far, as a finished snapshot; cancelledAt is the smallest time they reached.
     */
    private void publishCancelled(Request r, String title, long t0, AtomicReferenceArray<RunSet.Labeled> done) {
        List<RunSet.Labeled> runs = new ArrayList<>();
        double at = Double.POSITIVE_INFINITY;
        for (int j = 0; j < done.length() && done.get(j) != null; j++) {
            runs.add(done.get(j));
            List<Frame> fs = done.get(j).trajectory().frames();
            at = Math.min(at, fs.isEmpty() ? 0 : fs.get(fs.size() - 1).t());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Snapshot s = new Snapshot(r.generation(), r.params(), new RunSet(title, runs), true, millis, null,
                runs.isEmpty() ? 0 : at);
        latest.set(s);
        lastCompleteGeneration = r.generation();
        onFinished.accept(s);
    }

    /**
     * Simulate one member (on whichever thread took it); its exact solution is added when it finishes. Null
     * when cancelled (no member starts after a cancel), except by the user: then its frames so far.
     */
    private Trajectory runMember(SimulationSpec spec, FrameListener frames,
                                 CancellationToken token, RunProgress k) {
        if (token.isCancelled()) return null;
        Trajectory tr = Simulation.simulate(spec, frames, token);
        if (!token.isCancelled() && (tr.complete() || tr.diverged() || tr.stopped() != null)) {
            Trajectory withExact = withTheory(spec, tr, token);
            if (withExact == null && !token.isCancelled()) return null;   // interrupted: the service closes
            if (withExact != null) tr = withExact;
        }
        if (token.isCancelled()) {
            if (!k.cancelledByUser()) return null;
            if (tr.exact() == null) tr = tr.withExact(TheoryResult.unavailable("the run was cancelled"));
        }
        if (tr.setup() == null) tr = tr.withSetup(new Trajectory.Setup(spec.task(), spec.network(), spec.learningRate()));
        return tr;
    }

    /**
     * The set's progress as the app shows it: each recorded frame goes into the member's history, the
     * progress line, and (at most every PUBLISH_INTERVAL_NANOS) a partial trajectory for the views; a
     * finished member moves from partial to done. Called on the member's thread.
     */
    private static final class MemberStreams implements CompareSetRunner.Progress {
        private final List<CompareSetRunner.Member> members;
        private final AtomicReferenceArray<RunSet.Labeled> partial, done;
        private final CancellationToken token;
        private final RunProgress k;
        private final Runnable publish;
        private final List<List<Frame>> history;
        private final long[] lastPartial;

        MemberStreams(List<CompareSetRunner.Member> members, AtomicReferenceArray<RunSet.Labeled> partial,
                      CancellationToken token, RunProgress k, Runnable publish, AtomicReferenceArray<RunSet.Labeled> done) {
            this.members = members;
            this.partial = partial;
            this.done = done;
            this.token = token;
            this.k = k;
            this.publish = publish;
            this.history = new ArrayList<>(members.size());
            for (CompareSetRunner.Member m : members) history.add(new ArrayList<>(m.spec().samples()));
            this.lastPartial = new long[members.size()];
        }

        @Override
        public void onStart(int i) { lastPartial[i] = System.nanoTime(); }

        @Override
        public void onFrame(int i, Frame f) {
            List<Frame> h = history.get(i);
            h.add(f);
            k.frame(i, f.t());
            long now = System.nanoTime();
            if (now - lastPartial[i] < PUBLISH_INTERVAL_NANOS || token.isCancelled()) return;
            lastPartial[i] = now;
            SimulationSpec spec = members.get(i).spec();
            // a copy of the history so far (Trajectory copies the list): safe to hand to other threads
            partial.set(i, new RunSet.Labeled(members.get(i).label(), new Trajectory(spec.name(),
                    spec.method().outputName(), spec.network().widths(), h, false, null, false, f.step(), null)
                    .withSetup(new Trajectory.Setup(spec.task(), spec.network(), spec.learningRate()))));
            publish.run();
        }

        @Override
        public void onMember(int i, RunSet.Labeled run) {
            done.set(i, run);
            partial.set(i, null);
            if (!token.isCancelled()) k.finished(i);
        }
    }

    /**
     * Publish the run set so far (finished members in order, then the partial ones, up to the first
     * member not started), at most every PUBLISH_INTERVAL_NANOS and only once the request has run
     * STREAM_AFTER_NANOS. Any member thread.
     */
    private void publishPartial(Request r, String title, long t0, AtomicLong lastPublish,
                                AtomicReferenceArray<RunSet.Labeled> done, AtomicReferenceArray<RunSet.Labeled> partial,
                                CancellationToken token) {
        long now = System.nanoTime(), last = lastPublish.get();
        if (now - t0 < STREAM_AFTER_NANOS || now - last < PUBLISH_INTERVAL_NANOS || token.isCancelled()) return;
        if (!lastPublish.compareAndSet(last, now)) return;   // the other member thread publishes this one
        List<RunSet.Labeled> runs = new ArrayList<>();
        for (int j = 0; j < done.length(); j++) {
            RunSet.Labeled l = done.get(j) != null ? done.get(j) : partial.get(j);
            if (l == null) break;
            runs.add(l);
        }
        if (!token.isCancelled())
            latest.set(new Snapshot(r.generation(), r.params(), new RunSet(title, runs), false, (now - t0) / 1_000_000, null));
    }

    /**
     * The exact solution for a finished run (as TheoryRun.run adds it), computed on the theory pool and
     * awaited for at most {@link #THEORY_BUDGET_MILLIS} while watching for cancellation: a slow or stuck
     * theory evaluation can neither freeze the service nor delay a newer request. Null when cancelled.
     */
    private Trajectory withTheory(SimulationSpec spec, Trajectory tr, CancellationToken token) {
        double[] times = tr.times();
        TheorySlots.Task<TheoryResult> f = theorySlots.trySubmit(() -> Theories.evaluate(spec, times));
        if (f == null)
            return tr.withExact(TheoryResult.unavailable("exact solution not computed (theory evaluations still busy)"));
        long deadline = System.nanoTime() + THEORY_BUDGET_MILLIS * 1_000_000L;
        while (true) {
            if (token.isCancelled()) { f.cancel(); return null; }
            try {
                return tr.withExact(f.get(THEORY_POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    f.cancel();
                    return tr.withExact(TheoryResult.unavailable("exact solution took longer than "
                            + THEORY_BUDGET_MILLIS / 1000.0 + " s; not shown"));
                }
            } catch (InterruptedException e) {
                f.cancel();
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.CancellationException e) {
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                return tr.withExact(TheoryResult.unavailable("exact solution failed: "
                        + (c == null ? e : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()))));
            }
        }
    }

    @Override
    public void close() {
        theoryPool.shutdownNow();
        current.cancel();
        executor.shutdownNow();
        if (memberHelper != null) memberHelper.shutdownNow();
        graceTimer.shutdownNow();
    }
}
