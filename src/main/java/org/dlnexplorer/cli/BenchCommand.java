package org.dlnexplorer.cli;

import org.dlnexplorer.app.LatencyProbe;
import org.dlnexplorer.bench.PeerWorkload;
import org.dlnexplorer.bench.TrajectoryTimer;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.BundledPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `bench PRESET.json [--repeat N]`: times the full trajectory computation (TheoryRun.run of the preset's
 * spec, or of every member of its compare set, all observables and the theory overlay) in-process after
 * warm-up, on one thread, and prints one JSON object
 * {"medianMillis", "minMillis", "repeat", "steps", …}. With --peer-config LxN it times the workload of
 * ../shared/bench/numpy_peer.py instead (optionally the peer's very problem, read from its --dump DIR).
 */
@Command(name = "bench", description = "Time the full trajectory computation of a preset (or of the numpy peer's workload).")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    public static final int DEFAULT_REPEAT = 21;
    public static final double DEFAULT_WARMUP_SECONDS = 3.0;

    @Spec
    CommandSpec commandSpec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET.json", description = "the preset to time")
    Path preset;

    @Option(names = "--repeat", paramLabel = "N", description = "timed runs after warm-up (default ${DEFAULT-VALUE})")
    int repeat = DEFAULT_REPEAT;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "warm-up time before timing (default ${DEFAULT-VALUE}; at least one run)")
    double warmupSeconds = DEFAULT_WARMUP_SECONDS;

    @Option(names = "--peer-config", paramLabel = "LxN",
            description = "time the numpy peer's workload: depth L, width N, whitened, s = 5,3,1,0.5,…, t ∈ [0,20], DP5(4) at rtol = atol = 1e-6")
    String peerConfig;

    @Option(names = "--peer-init", paramLabel = "product|entry", description = "the peer's init mode (default ${DEFAULT-VALUE})")
    String peerInit = "product";

    @Option(names = "--peer-dump", paramLabel = "DIR", description = "read T and W0 from numpy_peer.py --dump DIR (the identical problem)")
    Path peerDump;

    @Option(names = "--peer-scale", paramLabel = "S", description = "with --peer-config: the peer's --init-scale (default ${DEFAULT-VALUE}; 30 with product init is its stiff workload)")
    double peerScale = PeerWorkload.INIT_SCALE;

    @Option(names = "--peer-t-end", paramLabel = "T", description = "with --peer-config: the peer's --t-end (default ${DEFAULT-VALUE})")
    double peerTEnd = PeerWorkload.T_END;

    @Option(names = "--peer-seed", paramLabel = "SEED", description = "seed of the Java-drawn peer problem when no dump is given (default ${DEFAULT-VALUE})")
    long peerSeed = 0;

    @Option(names = "--samples", paramLabel = "N",
            description = "recorded frames of the peer workload (default ${DEFAULT-VALUE}: t = 0 and t = 20, like the peer's final state)")
    int samples = 2;

    @Option(names = "--accuracy", description = "with --peer-config: also integrate at rtol = atol = 1e-12 and report "
            + "the final W_eff error of our run and of the peer's (--peer-dump) against it, and our field evaluations")
    boolean accuracy;

    @Option(names = "--sweep", description = "time the preset's phase-diagram sweep instead (default axes "
            + "init.scale=0.01:10:41:log × init.delta=-4:4:41, all cores); prints cells per second")
    boolean sweep;

    @Option(names = "--x", paramLabel = "FIELD=FROM:TO:N[:log]", description = "with --sweep: the horizontal axis")
    String sweepX;

    @Option(names = "--y", paramLabel = "FIELD=FROM:TO:N[:log]", description = "with --sweep: the vertical axis")
    String sweepY;

    @Option(names = "--app", description = "measure the app instead: open the main window on the preset, change δ "
            + "(or log τ) step by step and in a drag, report latency from the change to the redrawn views and FX pulse durations")
    boolean app;

    @Option(names = "--headless", description = "with --app: no display needed (Monocle headless platform, software rendering)")
    boolean headless;

    @Option(names = "--changes", paramLabel = "N", description = "with --app: timed step changes (default " + APP_CHANGES + ")")
    Integer changes;

    @Option(names = "--warmup-changes", paramLabel = "N", description = "with --app: untimed step changes first, at least (default " + APP_WARMUP_CHANGES + ")")
    Integer warmupChanges;

    @Option(names = "--warmup-max-seconds", paramLabel = "S", description = "with --app: after those, warm up on while the JIT compilers are busy, "
            + "for at most S seconds (default " + APP_WARMUP_MAX_SECONDS + "; 0: exactly --warmup-changes)")
    Double warmupMaxSeconds;

    @Option(names = "--drag-seconds", paramLabel = "S", description = "with --app: length of the drag, one change per pulse (default " + APP_DRAG_SECONDS + "; 0: none)")
    Double dragSeconds;

    @Option(names = "--no-phase-diagram", description = "with --app: without the phase diagram's background sweep")
    boolean noPhaseDiagram;

    /**
     * untimed changes first: the chart painters reach their steady (JIT-compiled) speed after ~50 redraws,
     * and the JIT compilers (C2) keep a core busy for some 20–40 s after start: the warm-up waits for them
     */
    public static final int APP_CHANGES = 40, APP_WARMUP_CHANGES = 60;
    public static final double APP_WARMUP_MAX_SECONDS = 60;
    public static final double APP_DRAG_SECONDS = 3.0;

    @Override
    public Integer call() throws Exception {
        if (app) return benchApp();
        if (headless || changes != null || warmupChanges != null || warmupMaxSeconds != null || dragSeconds != null || noPhaseDiagram)
            throw new UsageError("--headless, --changes, --warmup-changes, --warmup-max-seconds, --drag-seconds and --no-phase-diagram need --app");
        if (sweep) return benchSweep();
        if (repeat < 1) throw new UsageError("--repeat: must be at least 1, got " + repeat);
        if (!(warmupSeconds >= 0) || warmupSeconds > 600) throw new UsageError("--warmup: must be between 0 and 600 seconds");
        if (samples < 2) throw new UsageError("--samples: must be at least 2, got " + samples);
        Map<String, Object> json = new LinkedHashMap<>();
        List<CompareSetRunner.Member> specs = new ArrayList<>();
        PeerWorkload peer = null;
        if (peerConfig != null) {
            if (preset != null) throw new UsageError("give either PRESET.json or --peer-config, not both");
            int[] ln;
            try {
                ln = PeerWorkload.parseConfig(peerConfig);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--peer-config: " + e.getMessage());
            }
            if (!peerInit.equals("product") && !peerInit.equals("entry"))
                throw new UsageError("--peer-init: must be product or entry, got '" + peerInit + "'");
            try {
                peer = peerDump == null
                        ? PeerWorkload.generate(ln[0], ln[1], peerInit, peerScale, peerSeed)
                        : PeerWorkload.fromDump(peerDump, ln[0], ln[1], peerInit);
            } catch (IOException e) {
                throw new UsageError("--peer-dump: " + e.getMessage());
            }
            if (!(peerScale > 0) || !Double.isFinite(peerScale)) throw new UsageError("--peer-scale: must be positive, got " + peerScale);
            if (!(peerTEnd > 0) || !Double.isFinite(peerTEnd)) throw new UsageError("--peer-t-end: must be positive, got " + peerTEnd);
            specs.add(new CompareSetRunner.Member("peer", Double.NaN, peer.spec(samples, peerTEnd)));
            json.put("workload", "peer");
            json.put("config", peerConfig);
            json.put("init", peerInit);
            json.put("problem", peer.source());
        } else {
            if (preset == null) throw new UsageError("bench: give PRESET.json or --peer-config LxN");
            if (accuracy) throw new UsageError("--accuracy: only with --peer-config");
            try {
                Preset p = BundledPresets.readFileOrName(preset);
                specs.addAll(PresetCompiler.compileSet(p, preset.toString()));
            } catch (PresetException e) {
                throw new UsageError(e.getMessage());
            }
            json.put("workload", "preset");
            json.put("preset", preset.toString());
        }
        long helperBefore = org.dlnexplorer.model.parallel.CorePair.helperChunks();
        TrajectoryTimer.Timing timing = TrajectoryTimer.time(specs, repeat, warmupSeconds);
        long helperChunks = org.dlnexplorer.model.parallel.CorePair.helperChunks() - helperBefore;
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("medianMillis", round(timing.median()));
        head.put("minMillis", round(timing.min()));
        head.put("repeat", repeat);
        head.put("steps", timing.steps());
        if (Double.isFinite(timing.cpuMedian())) {
            head.put("cpuMedianMillis", round(timing.cpuMedian()));
            head.put("cpuMinMillis", round(timing.cpuMin()));
        }
        head.putAll(json);
        head.put("kernels", org.dlnexplorer.model.objective.Kernels.kind());
        // 2: a large enough trajectory may use the second core (-Ddln.trajectoryThreads=1: never); the chunks
        // the second core computed over warm-up and timed runs (0: every run stayed on one thread)
        head.put("trajectoryThreads", org.dlnexplorer.model.parallel.CorePair.available() ? 2 : 1);
        head.put("secondCoreChunks", helperChunks);
        head.put("runs", specs.size());
        head.put("frames", timing.frames());
        head.put("warmupRuns", timing.warmupRuns());
        boolean diverged = false;
        for (Trajectory t : timing.last()) diverged |= t.diverged();
        head.put("diverged", diverged);
        if (peer != null) {
            Trajectory t = timing.last().get(0);
            head.put("finalLoss", finite(t.last().loss()));
            // the peer's final W_eff, read once from its dump, for the comparison and the accuracy check
            double[] theirs = null;
            if (peerDump != null) {
                try {
                    theirs = PeerWorkload.peerFinalEffectiveWeight(peerDump, peer.depth(), peer.width(), peerInit);
                } catch (IOException e) {
                    throw new UsageError("--peer-dump: " + e.getMessage());
                }
            }
            // ‖W_eff − W_eff,peer‖_F / ‖W_eff‖_F
            if (theirs != null)
                head.put("weffRelDiffVsPeer", finite(PeerWorkload.relativeError(theirs, t.last().effectiveWeight())));
            if (accuracy) {
                PeerWorkload.Accuracy a = peer.accuracy(theirs);
                head.put("evaluations", a.evaluations());
                head.put("weffErrorVsReference", finite(a.ours()));
                if (theirs != null) head.put("peerWeffErrorVsReference", finite(a.peer()));
                head.put("referenceTolerance", PeerWorkload.REFERENCE_TOLERANCE);
            }
        }
        commandSpec.commandLine().getOut().println(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(head));
        commandSpec.commandLine().getOut().flush();
        return DlnCommand.OK;
    }

    /** `--app`: the in-app latency probe (AppBench). */
    private Integer benchApp() throws Exception {
        if (sweep || peerConfig != null) throw new UsageError("--app cannot be combined with --sweep or --peer-config");
        if (preset == null) throw new UsageError("bench --app: give PRESET.json");
        LatencyProbe.Settings settings;
        try {
            LatencyProbe.Settings d = LatencyProbe.Settings.of(changes == null ? APP_CHANGES : changes);
            settings = new LatencyProbe.Settings(d.changes(), warmupChanges == null ? APP_WARMUP_CHANGES : warmupChanges,
                    warmupMaxSeconds == null ? APP_WARMUP_MAX_SECONDS : warmupMaxSeconds,
                    dragSeconds == null ? APP_DRAG_SECONDS : dragSeconds, d.stepTimeoutMillis(), d.settleTimeoutMillis(),
                    d.awaitPhaseDiagram());
        } catch (IllegalArgumentException e) {
            throw new UsageError("bench --app: " + e.getMessage());
        }
        return AppBench.run(preset, settings, headless, !noPhaseDiagram, commandSpec.commandLine().getOut());
    }

    /** One warm-up sweep, then `repeat` timed sweeps of the preset's grid (SweepRunner, all cores). */
    private Integer benchSweep() {
        if (preset == null) throw new UsageError("bench --sweep: give PRESET.json");
        if (repeat < 1) throw new UsageError("--repeat: must be at least 1, got " + repeat);
        org.dlnexplorer.model.sweep.Axis x, y;
        Preset p;
        try {
            x = sweepX == null ? org.dlnexplorer.preset.PresetGrid.DEFAULT_X : org.dlnexplorer.model.sweep.Axis.parse(sweepX);
            y = sweepY == null ? org.dlnexplorer.preset.PresetGrid.DEFAULT_Y : org.dlnexplorer.model.sweep.Axis.parse(sweepY);
            p = BundledPresets.readFileOrName(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--x/--y: " + e.getMessage());
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        org.dlnexplorer.preset.PresetGrid grid;
        try {
            grid = new org.dlnexplorer.preset.PresetGrid(p, preset.toString(), x, y,
                    org.dlnexplorer.model.sweep.SweepSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        org.dlnexplorer.model.sweep.SweepRunner runner = new org.dlnexplorer.model.sweep.SweepRunner();
        List<Double> millis = new ArrayList<>();
        int cells = 0;
        for (int r = 0; r <= repeat; r++) {
            long t0 = System.nanoTime();
            org.dlnexplorer.model.sweep.SweepResult res = runner.run(grid.title(), x, y, grid,
                    org.dlnexplorer.model.sweep.SweepListener.NONE, new org.dlnexplorer.model.engine.CancellationToken());
            double ms = (System.nanoTime() - t0) / 1e6;
            cells = res.size();
            if (r > 0) millis.add(ms); // the first sweep is the warm-up
        }
        java.util.Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("medianMillis", round(median));
        head.put("minMillis", round(millis.get(0)));
        head.put("repeat", repeat);
        head.put("workload", "sweep");
        head.put("preset", preset.toString());
        head.put("cells", cells);
        head.put("threads", runner.parallelism());
        head.put("cellsPerSecond", round(cells / (median / 1000.0)));
        head.put("kernels", org.dlnexplorer.model.objective.Kernels.kind());
        commandSpec.commandLine().getOut().println(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(head));
        commandSpec.commandLine().getOut().flush();
        return DlnCommand.OK;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
