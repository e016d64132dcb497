package org.dlnexplorer.bench;

import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.model.observe.Trajectory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Times the full trajectory computation ({@link TheoryRun#run}: every observable and the exact solution) of a
 * compare set in-process, through {@link CompareSetRunner} as the app and export run it: warm-up first (JIT),
 * then {@code repeat} timed runs of the whole set, its members one after another on the calling thread.
 */
public final class TrajectoryTimer {
    /** warm-up runs at least once (a multi-second run JIT-compiles everything it needs)… */
    public static final int MIN_WARMUP_RUNS = 1;
    /** …and stops after this many, even if the warm-up time is not used up */
    public static final int MAX_WARMUP_RUNS = 2000;

    private TrajectoryTimer() {}

    /** Timing of a set: per-repeat wall times (ms), accepted steps and frames of one pass. */
    public record Timing(double[] millis, double[] cpuMillis, long steps, int frames, int warmupRuns,
                         List<Trajectory> last) {
        /** median wall time of one pass (ms) */
        public double median() { return median(millis); }

        public double min() { return Arrays.stream(millis).min().orElse(Double.NaN); }

        /** median CPU time of the timing thread for one pass (ms; robust against a busy machine), NaN if unsupported */
        public double cpuMedian() { return median(cpuMillis); }

        public double cpuMin() { return Arrays.stream(cpuMillis).min().orElse(Double.NaN); }

        static double median(double[] x) {
            double[] s = x.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    }

    public static Timing time(List<CompareSetRunner.Member> specs, int repeat, double warmupSeconds) {
        if (repeat < 1) throw new IllegalArgumentException("repeat must be at least 1");
        long warmupNanos = (long) (warmupSeconds * 1e9);
        long start = System.nanoTime();
        int warm = 0;
        while (warm < MAX_WARMUP_RUNS && (warm < MIN_WARMUP_RUNS || System.nanoTime() - start < warmupNanos)) {
            runAll(specs);
            warm++;
        }
        double[] ms = new double[repeat];
        double[] cpu = new double[repeat];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuOk = mx.isCurrentThreadCpuTimeSupported();
        List<Trajectory> last = null;
        for (int r = 0; r < repeat; r++) {
            long c0 = cpuOk ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            last = runAll(specs);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = cpuOk ? (mx.getCurrentThreadCpuTime() - c0) / 1e6 : Double.NaN;
        }
        long steps = 0;
        int frames = 0;
        for (Trajectory t : last) {
            steps += t.steps();
            frames += t.frames().size();
        }
        return new Timing(ms, cpu, steps, frames, warm, last);
    }

    static List<Trajectory> runAll(List<CompareSetRunner.Member> members) {
        RunSet set = CompareSetRunner.run("bench", members, TheoryRun::run);
        return set.runs().stream().map(RunSet.Labeled::trajectory).toList();
    }
}
