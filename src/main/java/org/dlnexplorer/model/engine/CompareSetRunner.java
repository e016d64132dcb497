package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.parallel.CorePair;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The one way a compare set (one run per compare value, or a preset alone) becomes the {@link RunSet} every
 * view draws: used by the app's simulation service, export and bench. Members run in order on the calling
 * thread; with a helper executor a second thread takes every other member (they are independent), and each
 * member then runs on one thread ({@link CorePair#oneThread}). A
 * diverged or stopped member is a result: it stays in the set. Progress (a member starts, records a frame,
 * finishes) is reported on the thread that runs the member.
 */
public final class CompareSetRunner {
    private CompareSetRunner() {}

    /** One member of the set: its legend label ("δ = 2"), its compare value (NaN for a preset alone), its spec. */
    public record Member(String label, double value, SimulationSpec spec) {}

    /**
     * How one member is run: {@link Simulation#simulate} and whatever the caller attaches when it finishes
     * (export and bench: model.theory.TheoryRun::run, the exact solution; the app: its budgeted theory).
     */
    @FunctionalInterface
    public interface MemberRun {
        /**
         * The trajectory (frames go to {@code frames} as they are recorded), or null to cut the set short
         * (the app: its request was cancelled).
         */
        Trajectory run(SimulationSpec spec, FrameListener frames, CancellationToken cancel);
    }

    /** What the set tells about its progress, on the thread that runs the member. Must not block. */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** member i starts */
        default void onStart(int member) { }

        /** member i recorded a frame */
        default void onFrame(int member, Frame frame) { }

        /** member i finished (its labelled run, as it will stand in the set) */
        default void onMember(int member, RunSet.Labeled run) { }
    }

    /** The whole set, one member after another on this thread. */
    public static RunSet run(String title, List<Member> members, MemberRun run) {
        return run(title, members, run, Progress.NONE, CancellationToken.NEVER, null);
    }

    /**
     * The whole set. Every member runs, also after the token is cancelled (the engines then stop at once and
     * the member stands as not complete), unless a member's run returns null: then no further member starts
     * and the result is null. A member that fails cancels the token (the other thread's member need not
     * finish) and its exception propagates.
     *
     * @param helper the second thread's executor, or null to run every member on this thread
     */
    public static RunSet run(String title, List<Member> members, MemberRun run, Progress progress,
                             CancellationToken cancel, ExecutorService helper) {
        int n = members.size();
        AtomicReferenceArray<RunSet.Labeled> done = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean cutShort = new AtomicBoolean();
        Runnable worker = () -> {
            for (int i; !cutShort.get() && (i = next.getAndIncrement()) < n; ) {
                int member = i;
                Member m = members.get(i);
                progress.onStart(i);
                Trajectory tr = run.run(m.spec(), f -> progress.onFrame(member, f), cancel);
                if (tr == null) {
                    cutShort.set(true);
                    return;
                }
                RunSet.Labeled labeled = new RunSet.Labeled(m.label(), tr);
                done.set(i, labeled);
                progress.onMember(i, labeled);
            }
        };
        boolean sideBySide = n > 1 && helper != null;
        // members side by side already use both cores: one thread per trajectory
        Runnable scoped = sideBySide ? () -> CorePair.oneThread(worker) : worker;
        Future<?> second = sideBySide ? helper.submit(scoped) : null;
        try {
            scoped.run();
        } catch (RuntimeException | Error e) {
            cancel.cancel();   // the set failed: the helper's member need not finish
            cutShort.set(true);
            throw e;
        } finally {
            if (second != null) await(second, cancel, cutShort);
        }
        List<RunSet.Labeled> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (done.get(i) == null) return null;   // cut short
            runs.add(done.get(i));
        }
        return new RunSet(title, runs);
    }

    /** Wait for the helper's share of the members; its failure is the set's failure. */
    private static void await(Future<?> helper, CancellationToken cancel, AtomicBoolean cutShort) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            cancel.cancel();
            cutShort.set(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            cancel.cancel();
            cutShort.set(true);
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
