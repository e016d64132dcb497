package org.dlnexplorer.cli;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.engine.SimulationSpec;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The wall-time guard of run, export and sweep (--max-seconds), and the progress of a command's runs. */
final class TimeBudget {
    /** generous: an hour; a bundled preset runs in under a second */
    static final double DEFAULT_SECONDS = 3600;
    /** the largest budget accepted (about 11.6 days) */
    static final double MAX_SECONDS = 1e6;
    /** the engines report their steps between frames; progress looks at them this often */
    static final long POLL_MILLIS = 200;

    private TimeBudget() {}

    /** A token that cancels itself after seconds (a usage error unless 0 < seconds ≤ MAX_SECONDS). */
    static CancellationToken token(double seconds) {
        if (!(seconds > 0 && seconds <= MAX_SECONDS))
            throw new UsageError("--max-seconds must be between 0 and " + (long) MAX_SECONDS + ", got " + seconds);
        CancellationToken t = new CancellationToken();
        t.cancelAt(System.nanoTime() + (long) (seconds * 1e9));
        return t;
    }

    /**
     * The progress of a sequence of runs: run i of n counts 1/n, and within a run the larger of the share of
     * frames recorded and the share of the step budget used (a run may end either way). Frames push; the
     * steps between frames are polled from the token. Close to stop polling and end the progress line.
     */
    static final class Watch implements AutoCloseable {
        private final Progress progress;
        private final CancellationToken token;
        private final ScheduledExecutorService poller;
        private volatile int member, members = 1, frames = 2;
        private volatile long budget = Long.MAX_VALUE;
        private volatile double frameShare;

        Watch(Progress progress, CancellationToken token) {
            this.progress = progress;
            this.token = token;
            this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dln-progress");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleAtFixedRate(this::show, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** The listener of run i of n (call as each run starts). */
        FrameListener member(int i, int n, SimulationSpec spec) {
            member = i;
            members = Math.max(1, n);
            frames = Math.max(2, spec.samples());
            budget = spec.maxSteps();
            frameShare = 0;
            token.reportSteps(0);
            return f -> {
                frameShare = f.index() / (double) (frames - 1);
                show();
            };
        }

        private void show() {
            double stepShare = budget == Long.MAX_VALUE ? 0 : token.steps() / (double) budget;
            progress.update((member + Math.min(1, Math.max(frameShare, stepShare))) / members);
        }

        @Override
        public void close() {
            poller.shutdownNow();
            progress.done();
        }
    }
}
