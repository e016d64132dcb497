package org.dlnexplorer.app;

import org.dlnexplorer.model.engine.CancellationToken;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How far one request of the {@link SimulationService} has got, written by its member threads once per
 * recorded frame (never per step) and read by the FX thread once per pulse. The fraction is that of the time
 * horizon reached, averaged over the members of a compare set:
 *   fraction = (1/n) Σ_i min(1, t_i / T_i),
 * t_i the time of member i's newest frame, T_i its duration; the steps are the engines' own count, polled
 * from the cancellation token. A user's cancel is told apart from the cancels of newer requests. No JavaFX.
 */
final class RunProgress {
    /** What the status bar shows of a running computation. */
    record Now(long generation, double fraction, double t, double horizon, long steps, long elapsedNanos) {}

    private final long generation;
    private final long startNanos;
    private final CancellationToken token;
    private volatile double[] horizons = new double[0];
    /** Double.doubleToLongBits of each member's newest frame time */
    private volatile AtomicLongArray reached = new AtomicLongArray(0);
    private volatile boolean cancelledByUser;

    RunProgress(long generation, long startNanos, CancellationToken token) {
        this.generation = generation;
        this.startNanos = startNanos;
        this.token = token;
    }

    /** The members' durations, once the set is compiled (before, the fraction is 0). */
    void members(double[] durations) {
        AtomicLongArray r = new AtomicLongArray(durations.length);
        for (int i = 0; i < durations.length; i++) r.set(i, Double.doubleToLongBits(0.0));
        reached = r;
        horizons = durations.clone();
    }

    /** Member i recorded a frame at time t. */
    void frame(int i, double t) {
        AtomicLongArray r = reached;
        if (i < r.length()) r.set(i, Double.doubleToLongBits(t));
    }

    /** Member i finished (complete, diverged or stopped): it counts whole. */
    void finished(int i) {
        double[] h = horizons;
        if (i < h.length) frame(i, h[i]);
    }

    /** Stop the computation as the user asked: its frames so far are kept. */
    void cancelByUser() {
        cancelledByUser = true;
        token.cancel();
    }

    boolean cancelledByUser() { return cancelledByUser; }

    long generation() { return generation; }

    /**
     * The time every member has reached (the smallest newest-frame time; for one run, its own), 0 before
     * the first frame.
     */
    double t() {
        AtomicLongArray r = reached;
        if (r.length() == 0) return 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r.length(); i++) min = Math.min(min, Double.longBitsToDouble(r.get(i)));
        return min;
    }

    Now now(long nowNanos) {
        double[] h = horizons;
        AtomicLongArray r = reached;
        double sum = 0, horizon = 0;
        int n = Math.min(h.length, r.length());
        for (int i = 0; i < n; i++) {
            double ti = Double.longBitsToDouble(r.get(i));
            if (h[i] > 0) sum += Math.min(1, Math.max(0, ti / h[i]));
            horizon = Math.max(horizon, h[i]);
        }
        return new Now(generation, n == 0 ? 0 : sum / n, t(), horizon, token.steps(), nowNanos - startNanos);
    }
}
