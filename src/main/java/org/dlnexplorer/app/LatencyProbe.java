package org.dlnexplorer.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;

/**
 * In-app latency probe: scripted parameter changes on a shown {@link MainWindow}, measured from the
 * property change to the views redrawn, plus the duration of every FX pulse's work.
 * <ul>
 * <li><b>step</b>: change the δ slider (log τ when δ is disabled) once, wait until every rendered chart
 *     view shows the complete run set of that change's request, then the next change. Latency = from
 *     System.nanoTime() at the property set to the end of the first pulse in which the complete picture
 *     is in the scene graph (the scene's post-layout pulse listener; the render thread draws it next).</li>
 * <li><b>drag</b>: one change per pulse for a few seconds, sweeping the range; counts the complete
 *     pictures shown per second and their age (from the change they answer), and the CPU time each group
 *     of threads used per complete picture ({@link ThreadCpu}).</li>
 * </ul>
 * Per pulse it records our AnimationTimer handler's wall and FX-thread CPU time (MainWindow measures
 * them), the scene's CSS + layout pass (pre- to post-layout pulse listener), the FX-thread work of the
 * pulse we can see (handler start to post-layout) and the gap between consecutive pulses, into
 * preallocated arrays. Nothing is recorded during settling and warm-up. FX thread only, except
 * {@link #measure}, which waits for the result on the calling thread.
 */
public final class LatencyProbe {
    /** a pulse slower than this misses a 60 Hz frame */
    public static final double FRAME_BUDGET_MILLIS = 16.0;
    /** pulse records kept (about 9 minutes at 60 Hz); later pulses are counted as dropped */
    static final int PULSE_CAPACITY = 1 << 15;
    /** consecutive settled pulses required before the probe starts (and between warm-up and timing) */
    static final int QUIET_PULSES = 10;
    /**
     * The warm-up goes on (up to Settings.warmupMaxSeconds) until the JIT compilers used less than this
     * share of one core over the last {@link #JIT_WINDOW_NANOS}: JavaFX, Java2D, JFreeChart and the engine
     * keep C2 busy for tens of seconds after start, on the same two cores that paint and compute.
     */
    static final double JIT_QUIET_SHARE = 0.05;
    static final long JIT_WINDOW_NANOS = 2_000_000_000L;

    /**
     * What to run: timed step changes, untimed warm-up step changes before them (JIT), at most how long the
     * warm-up goes on after those while the JIT compiler is still busy (0: exactly warmupChanges), the drag's
     * length in seconds (0: no drag), the longest wait for one step's picture, the longest wait for the
     * window to settle, and whether settling includes the phase diagram's background sweep.
     */
    public record Settings(int changes, int warmupChanges, double warmupMaxSeconds, double dragSeconds, long stepTimeoutMillis,
                           long settleTimeoutMillis, boolean awaitPhaseDiagram) {
        public Settings {
            if (changes < 1) throw new IllegalArgumentException("changes must be at least 1, got " + changes);
            if (warmupChanges < 0) throw new IllegalArgumentException("warm-up changes must be ≥ 0, got " + warmupChanges);
            if (!(warmupMaxSeconds >= 0) || warmupMaxSeconds > 600) throw new IllegalArgumentException("warm-up seconds must be in [0, 600], got " + warmupMaxSeconds);
            if (!(dragSeconds >= 0) || dragSeconds > 600) throw new IllegalArgumentException("drag seconds must be in [0, 600], got " + dragSeconds);
            if (stepTimeoutMillis < 1 || settleTimeoutMillis < 1) throw new IllegalArgumentException("timeouts must be positive");
        }

        public static Settings of(int changes) {
            return new Settings(changes, 5, 0, 3.0, 30_000, 180_000, true);
        }
    }

    /** Nearest-rank percentiles of a sample (NaN when it is empty; written as null in JSON). */
    public record Stats(int count, double p50, double p95, double p99, double max) {
        static Stats of(double[] v, int n) {
            if (n == 0) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            double[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return new Stats(n, rank(s, 0.50), rank(s, 0.95), rank(s, 0.99), s[n - 1]);
        }

        private static double rank(double[] sorted, double p) {
            int k = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("p50", round(p50));
            o.addProperty("p95", round(p95));
            o.addProperty("p99", round(p99));
            o.addProperty("max", round(max));
            o.addProperty("count", count);
            return o;
        }
    }

    /**
     * One timed step change: the value set, its request's generation, the latency to the end of the pulse
     * showing the complete picture, to the end of our handler that installed it, to the pulse in which our
     * handler took the finished run set from the service (then it went to the chart renderer), and the
     * service's own compute time of that request (whole milliseconds, truncated).
     */
    public record Step(double value, long generation, double latencyMillis, double installMillis, double polledMillis,
                       long computeMillis) {}

    /**
     * Everything measured; immutable. Step latency splits into polledMillis (change → our handler takes
     * the finished run set: submit, compute, wait for a pulse) and renderMillis (→ the complete picture at
     * the end of a pulse: chart painting, wait for a pulse, pixel copies, layout); pipelineMillis is the
     * latency minus the service's own compute time.
     */
    public record Result(String parameter, double from, double to, int changes, List<Step> steps,
                         Stats latencyMillis, Stats computeMillis, Stats pipelineMillis, Stats polledMillis, Stats renderMillis,
                         Stats handlerWallMillis, Stats handlerCpuMillis, Stats layoutMillis, Stats fxPulseMillis,
                         Stats pulseGapMillis, int pulses, int pulsesDropped, int pulsesOver16ms,
                         int handlerCpuOver16ms, int fxPulsesOver16ms,
                         double dragSeconds, int dragChanges, int dragCompletePictures, double dragCompletePerSecond,
                         Stats dragLatencyMillis, long dragComputationsStarted,
                         int warmupChangesMade, int warmupDragChanges, double warmupSeconds, double jitBusyAfterWarmup,
                         java.util.Map<String, Double> dragCpuMillisPerPicture) {
        public Result {
            steps = List.copyOf(steps);
            dragCpuMillisPerPicture = java.util.Map.copyOf(dragCpuMillisPerPicture);
        }

        /** step changes whose complete picture was observed */
        public int completed() { return steps.size(); }

        public JsonObject toJsonObject() {
            JsonObject o = new JsonObject();
            o.addProperty("parameter", parameter);
            o.addProperty("from", round(from));
            o.addProperty("to", round(to));
            o.addProperty("changes", changes);
            o.addProperty("completed", completed());
            o.add("latencyMillis", latencyMillis.toJson());
            o.add("computeMillis", computeMillis.toJson());
            o.add("pipelineMillis", pipelineMillis.toJson());
            o.add("polledMillis", polledMillis.toJson());
            o.add("renderMillis", renderMillis.toJson());
            o.add("handlerCpuMillis", handlerCpuMillis.toJson());
            o.add("handlerWallMillis", handlerWallMillis.toJson());
            o.add("layoutMillis", layoutMillis.toJson());
            o.add("fxPulseMillis", fxPulseMillis.toJson());
            o.add("pulseGapMillis", pulseGapMillis.toJson());
            o.addProperty("pulses", pulses);
            o.addProperty("pulsesDropped", pulsesDropped);
            o.addProperty("pulsesOver16ms", pulsesOver16ms);
            o.addProperty("handlerCpuOver16ms", handlerCpuOver16ms);
            o.addProperty("fxPulsesOver16ms", fxPulsesOver16ms);
            o.addProperty("dragSeconds", round(dragSeconds));
            o.addProperty("dragChanges", dragChanges);
            o.addProperty("dragCompletePictures", dragCompletePictures);
            o.addProperty("dragCompletePerSecond", round(dragCompletePerSecond));
            o.addProperty("warmupChangesMade", warmupChangesMade);
            o.addProperty("warmupDragChanges", warmupDragChanges);   // untimed drag changes (drafts) in the warm-up
            o.addProperty("warmupSeconds", round(warmupSeconds));
            o.addProperty("jitBusyAfterWarmup", round(jitBusyAfterWarmup));
            o.add("dragLatencyMillis", dragLatencyMillis.toJson());
            o.addProperty("dragComputationsStarted", dragComputationsStarted);
            JsonObject cpu = new JsonObject();   // where a drag picture's time goes: CPU ms per complete picture
            for (String g : ThreadCpu.GROUPS) if (dragCpuMillisPerPicture.containsKey(g)) cpu.addProperty(g, round(dragCpuMillisPerPicture.get(g)));
            o.add("dragCpuMillisPerPicture", cpu);
            return o;
        }

        public String toJson() {
            return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(toJsonObject());
        }
    }

    /** null for NaN/∞ (no NaN is ever written), else rounded to µs */
    private static Double round(double ms) {
        return Double.isFinite(ms) ? Math.round(ms * 1000.0) / 1000.0 : null;
    }

    /**
     * Run the probe on a shown window and wait for its result (not on the FX thread).
     *
     * @throws IllegalStateException on the FX thread, when the window does not settle, or on timeout
     */
    public static Result measure(MainWindow window, Settings settings, long timeoutMillis) throws Exception {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("LatencyProbe.measure must not run on the FX thread");
        CompletableFuture<CompletableFuture<Result>> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                started.complete(start(window, settings));
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        try {
            return started.get(timeoutMillis, TimeUnit.MILLISECONDS).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception c) throw c;
            throw e;
        }
    }

    /** Start the probe (FX thread); the future completes on the FX thread. */
    public static CompletableFuture<Result> start(MainWindow window, Settings settings) {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("LatencyProbe.start must run on the FX thread");
        return new LatencyProbe(window, settings).result;
    }

    // ------------------------------------------------------------------ state machine

    private enum Phase { SETTLE, WARMUP, WARMUP_DRAG, QUIET, STEPS, DRAG, DONE }

    private final MainWindow window;
    private final Settings settings;
    private final Scene scene;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final String parameter;
    private final DoubleProperty property;
    private final double from, to, original;
    private final AnimationTimer driver;
    private final Runnable preLayout = this::preLayout, postLayout = this::postLayout;

    private Phase phase = Phase.SETTLE;
    private long phaseStart = System.nanoTime();
    private int quiet;
    // the step in flight
    private boolean waiting;
    private int stepIndex;
    private double stepValue;
    private long stepSetNanos, stepGenerationBefore, stepGeneration = -1;
    private final List<Step> steps = new ArrayList<>();
    // the drag
    private long dragStart = -1, dragLastChange, dragGenerationBefore, dragPicturesSeen, dragStartedBefore;
    private int dragChanges, dragPictures;
    private java.util.Map<String, Long> dragCpu;
    private final double[] dragAges = new double[PULSE_CAPACITY];
    // per pulse
    private long preLayoutNanos = -1, lastHandlerStart = -1;
    private boolean recording;
    private int pulses, dropped;
    private final double[] handlerWall = new double[PULSE_CAPACITY], handlerCpu = new double[PULSE_CAPACITY],
            layout = new double[PULSE_CAPACITY], fxPulse = new double[PULSE_CAPACITY], gap = new double[PULSE_CAPACITY];
    private int gaps, cpus;

    private LatencyProbe(MainWindow window, Settings settings) {
        this.window = window;
        this.settings = settings;
        this.scene = window.stage().getScene();
        ViewModel vm = window.viewModel();
        // the control a lecturer drags: δ, or log τ when the preset fixes δ (explicit init, δ compare set)
        if (enabled("#delta-slider")) {
            parameter = "delta";
            property = vm.delta;
            from = ControlRanges.DELTA_MIN;
            to = ControlRanges.DELTA_MAX;
        } else if (enabled("#scale-slider")) {
            parameter = "logScale";
            property = vm.logScale;
            from = Math.log10(ControlRanges.TAU_MIN);
            to = Math.log10(ControlRanges.TAU_MAX);
        } else {
            throw new IllegalStateException("the loaded preset has neither δ nor τ enabled: nothing to drag");
        }
        original = property.get();
        scene.addPreLayoutPulseListener(preLayout);
        scene.addPostLayoutPulseListener(postLayout);
        driver = new AnimationTimer() {
            @Override
            public void handle(long now) { drive(); }
        };
        driver.start();   // after MainWindow's timer: runs right after our handler in every pulse
    }

    private boolean enabled(String id) {
        Node n = scene.lookup(id);
        return n != null && !n.isDisabled();
    }

    private boolean settled() {
        var phaseView = window.phaseDiagram();
        return window.isSettled() && (!settings.awaitPhaseDiagram() || phaseView == null || !phaseView.isRunning());
    }

    /** the i-th of n values spread over the range, never the current value (a set must be a change) */
    private double value(int i, int n, double offset) {
        double v = from + (to - from) * (i + offset) / n;
        if (Math.abs(v - property.get()) < 1e-9) v += (to - from) * 1e-3;
        return v;
    }

    /** Our AnimationTimer: makes the changes (after MainWindow's handler in the same pulse). */
    private void drive() {
        long now = System.nanoTime();
        try {
            switch (phase) {
                case SETTLE, QUIET -> {
                    quiet = settled() ? quiet + 1 : 0;
                    if (quiet >= QUIET_PULSES) {
                        quiet = 0;
                        enter(phase == Phase.SETTLE && settings.warmupChanges() > 0 ? Phase.WARMUP : Phase.STEPS);
                    } else if (now - phaseStart > settings.settleTimeoutMillis() * 1_000_000L) {
                        throw new IllegalStateException("the window did not settle within " + settings.settleTimeoutMillis() / 1000.0 + " s");
                    }
                }
                case WARMUP, STEPS -> {
                    if (waiting) {
                        if (now - stepSetNanos > settings.stepTimeoutMillis() * 1_000_000L) waiting = false;   // missing from steps
                        else return;
                    }
                    int n = phase == Phase.WARMUP ? settings.warmupChanges() : settings.changes();
                    if (stepIndex >= n && !(phase == Phase.WARMUP && warmingUp(now))) {
                        if (phase == Phase.WARMUP) warmupMade = stepIndex;
                        stepIndex = 0;
                        // a drag paints drafts (other code than the full pictures): the JIT warms it up too
                        if (phase == Phase.WARMUP) enter(settings.dragSeconds() > 0 ? Phase.WARMUP_DRAG : Phase.QUIET);
                        else if (settings.dragSeconds() > 0) enter(Phase.DRAG);
                        else finish();
                        return;
                    }
                    stepValue = value(stepIndex++ % n, n, phase == Phase.WARMUP ? 0.25 : 0.5);
                    stepGenerationBefore = window.latency().submittedGeneration();
                    stepGeneration = -1;
                    waiting = true;
                    stepSetNanos = System.nanoTime();
                    property.set(stepValue);
                }
                case WARMUP_DRAG -> {
                    // untimed sweeps of the range as long as the timed drag, at least one, more while the JIT
                    // compilers are busy (within Settings.warmupMaxSeconds)
                    double s = (now - sweepStart) / 1e9;
                    if (s > settings.dragSeconds()) {
                        if (warmingUp(now)) { sweepStart = now; s = 0; }
                        else { enter(Phase.QUIET); return; }
                    }
                    warmupDragChanges++;
                    property.set(from + (to - from) * s / settings.dragSeconds());
                }
                case DRAG -> {
                    if (dragStart < 0) {
                        dragStart = now;
                        dragGenerationBefore = window.latency().submittedGeneration();
                        dragPicturesSeen = window.latency().pictureCount();
                        dragStartedBefore = window.service().started();
                        dragCpu = ThreadCpu.now();
                    }
                    double s = (now - dragStart) / 1e9;
                    if (s > settings.dragSeconds()) { finish(); return; }
                    dragChanges++;
                    dragLastChange = now;
                    property.set(from + (to - from) * s / settings.dragSeconds());   // sweep the range once
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            stop();
            result.completeExceptionally(e);
        }
    }

    /**
     * After the minimum warm-up changes: true while the JIT compilers were busier than JIT_QUIET_SHARE of
     * a core over the last window, within Settings.warmupMaxSeconds of the warm-up's start.
     */
    private boolean warmingUp(long now) {
        if (settings.warmupMaxSeconds() <= 0 || JIT == null || !JIT.isCompilationTimeMonitoringSupported()) return false;
        if (now - phaseStart > settings.warmupMaxSeconds() * 1e9) return false;   // per warm-up phase (steps, drags)
        long compiled = JIT.getTotalCompilationTime();
        if (jitMarkNanos < 0) { jitMarkNanos = now; jitMarkMillis = compiled; return true; }
        if (now - jitMarkNanos < JIT_WINDOW_NANOS) return true;
        jitBusy = (compiled - jitMarkMillis) * 1e6 / (now - jitMarkNanos);
        jitMarkNanos = now;
        jitMarkMillis = compiled;
        return jitBusy >= JIT_QUIET_SHARE;
    }

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private long jitMarkNanos = -1, jitMarkMillis;
    /** the JIT compilers' share of a core over the last warm-up window (NaN: not measured) */
    private double jitBusy = Double.NaN;
    private int warmupMade, warmupDragChanges;
    private long warmupNanos, sweepStart;

    private void enter(Phase p) {
        if (phase == Phase.WARMUP || phase == Phase.WARMUP_DRAG) warmupNanos += System.nanoTime() - phaseStart;
        if (p == Phase.WARMUP_DRAG) { jitMarkNanos = -1; sweepStart = System.nanoTime(); }
        phase = p;
        phaseStart = System.nanoTime();
        recording = p == Phase.STEPS || p == Phase.DRAG;
    }

    private void preLayout() {
        preLayoutNanos = System.nanoTime();
    }

    /** End of the pulse's CSS and layout: the scene graph as the render thread will draw it. */
    private void postLayout() {
        long now = System.nanoTime();
        long start = window.latency().handlerStartNanos();
        if (recording && start != lastHandlerStart && start >= 0) {
            if (pulses < PULSE_CAPACITY) {
                handlerWall[pulses] = window.latency().handlerWallNanos() / 1e6;
                if (window.latency().handlerCpuNanos() >= 0) handlerCpu[cpus++] = window.latency().handlerCpuNanos() / 1e6;
                layout[pulses] = preLayoutNanos >= start ? (now - preLayoutNanos) / 1e6 : Double.NaN;
                fxPulse[pulses] = (now - start) / 1e6;
                if (lastHandlerStart >= 0) gap[gaps++] = (start - lastHandlerStart) / 1e6;
                pulses++;
            } else {
                dropped++;
            }
        }
        lastHandlerStart = recording ? start : -1;
        if (waiting) {
            if (stepGeneration < 0 && window.latency().submittedGeneration() > stepGenerationBefore)
                stepGeneration = window.latency().submittedGeneration();
            if (stepGeneration >= 0 && window.latency().pictureGeneration() >= stepGeneration) {
                waiting = false;
                if (phase == Phase.STEPS)
                    steps.add(new Step(stepValue, stepGeneration, (now - stepSetNanos) / 1e6,
                            (window.latency().pictureNanos() - stepSetNanos) / 1e6, (window.latency().picturePolledNanos() - stepSetNanos) / 1e6,
                            window.latency().pictureGeneration() == stepGeneration ? window.latency().pictureComputeMillis() : -1));
            }
        }
        if (phase == Phase.DRAG && dragStart >= 0 && window.latency().pictureCount() > dragPicturesSeen) {
            dragPicturesSeen = window.latency().pictureCount();
            if (window.latency().pictureGeneration() > dragGenerationBefore) {
                if (dragPictures < dragAges.length)
                    dragAges[dragPictures] = window.latency().pictureChangeNanos() >= 0 ? (now - window.latency().pictureChangeNanos()) / 1e6 : Double.NaN;
                dragPictures++;
            }
        }
    }

    private void stop() {
        driver.stop();
        scene.removePreLayoutPulseListener(preLayout);
        scene.removePostLayoutPulseListener(postLayout);
        recording = false;
        phase = Phase.DONE;
    }

    private void finish() {
        long computations = dragStart >= 0 ? window.service().started() - dragStartedBefore : 0;
        double dragSeconds = dragStart >= 0 ? Math.max(1e-9, (dragLastChange - dragStart) / 1e9) : 0;
        java.util.Map<String, Double> cpuPerPicture = dragCpu == null || dragPictures == 0 ? java.util.Map.of()
                : ThreadCpu.between(dragCpu, ThreadCpu.now(), dragPictures);
        stop();
        property.set(original);
        int n = steps.size();
        double[] lat = new double[n], comp = new double[n], pipe = new double[n], polled = new double[n], render = new double[n];
        int withCompute = 0;
        for (Step s : steps) {
            polled[n - 1] = s.polledMillis();
            render[n - 1] = s.latencyMillis() - s.polledMillis();
            lat[--n] = s.latencyMillis();
            if (s.computeMillis() >= 0) {
                comp[withCompute] = s.computeMillis();
                pipe[withCompute++] = s.latencyMillis() - s.computeMillis();
            }
        }
        int over = 0, cpuOver = 0, fxOver = 0;
        for (int i = 0; i < pulses; i++) {
            if (handlerWall[i] > FRAME_BUDGET_MILLIS) over++;
            if (fxPulse[i] > FRAME_BUDGET_MILLIS) fxOver++;
        }
        for (int i = 0; i < cpus; i++) if (handlerCpu[i] > FRAME_BUDGET_MILLIS) cpuOver++;
        int layouts = 0;
        double[] lay = new double[pulses];
        for (int i = 0; i < pulses; i++) if (!Double.isNaN(layout[i])) lay[layouts++] = layout[i];
        int ages = Math.min(dragPictures, dragAges.length);
        int aged = 0;
        double[] age = new double[ages];
        for (int i = 0; i < ages; i++) if (!Double.isNaN(dragAges[i])) age[aged++] = dragAges[i];
        Result r = new Result(parameter, from, to, settings.changes(), steps,
                Stats.of(lat, lat.length), Stats.of(comp, withCompute), Stats.of(pipe, withCompute),
                Stats.of(polled, polled.length), Stats.of(render, render.length),
                Stats.of(handlerWall, pulses), Stats.of(handlerCpu, cpus), Stats.of(lay, layouts), Stats.of(fxPulse, pulses),
                Stats.of(gap, gaps), pulses, dropped, over, cpuOver, fxOver,
                dragSeconds, dragChanges, dragPictures, dragStart >= 0 ? dragPictures / dragSeconds : Double.NaN,
                Stats.of(age, aged), computations, warmupMade, warmupDragChanges, warmupNanos / 1e9, jitBusy, cpuPerPicture);
        result.complete(r);
    }
}
