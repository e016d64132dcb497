package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable completed (or cancelled/diverged/stopped) run: the recorded frames, the setup behind them and,
 * once model.theory has attached it, the exact solution on the same t grid.
 */
public final class Trajectory {
    private final String name;
    private final String method;
    private final int[] widths;
    private final List<Frame> frames;
    private final boolean diverged;
    private final Long divergedAtStep;
    private final boolean complete;
    private final TheoryResult exact;
    private final long steps;
    private final Setup setup;
    private final Stop stopped;

    /**
     * Why a run ended before its duration without diverging: its step budget ran out ({@link #STEP_BUDGET}) or
     * its wall-time budget ({@link #TIME_BUDGET}); after steps steps, at time t (the last recorded frame's).
     */
    public record Stop(String reason, long steps, double t) {
        /** "stopped after 10000000 steps at t = 4.2 (step budget)" */
        public String describe() {
            return "stopped after " + steps + " steps at t = " + t + " (" + reason + ")";
        }
    }

    public static final String STEP_BUDGET = "step budget";
    public static final String TIME_BUDGET = "time budget";

    /** What the views need besides the frames: the task (targets, Σxx), the network (rates) and η. */
    public record Setup(Task task, Network network, double learningRate) {}

    public Trajectory(String name, String method, int[] widths, List<Frame> frames, boolean diverged,
                      Long divergedAtStep, boolean complete, long steps, TheoryResult exact) {
        this(name, method, widths, frames, diverged, divergedAtStep, complete, steps, exact, null);
    }

    public Trajectory(String name, String method, int[] widths, List<Frame> frames, boolean diverged,
                      Long divergedAtStep, boolean complete, long steps, TheoryResult exact, Setup setup) {
        this(name, method, widths, frames, diverged, divergedAtStep, complete, steps, exact, setup, null);
    }

    public Trajectory(String name, String method, int[] widths, List<Frame> frames, boolean diverged,
                      Long divergedAtStep, boolean complete, long steps, TheoryResult exact, Setup setup,
                      Stop stopped) {
        this.name = name;
        this.method = method;
        this.widths = widths.clone();
        this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
        this.diverged = diverged;
        this.divergedAtStep = divergedAtStep;
        this.complete = complete;
        this.steps = steps;
        this.exact = exact;
        this.setup = setup;
        this.stopped = stopped;
    }

    public Trajectory withExact(TheoryResult theory) {
        return new Trajectory(name, method, widths, frames, diverged, divergedAtStep, complete, steps, theory, setup, stopped);
    }

    /** A copy carrying the run's setup (task, network, η), for the views. */
    public Trajectory withSetup(Setup s) {
        return new Trajectory(name, method, widths, frames, diverged, divergedAtStep, complete, steps, exact, s, stopped);
    }

    /** why the run stopped before its duration (a budget), or null: it completed, diverged or was cancelled */
    public Stop stopped() { return stopped; }

    /** the task, network and η of the run, or null when not attached */
    public Setup setup() { return setup; }

    /** whether the run is of the two-layer piecewise-linear family (its setup's network says so) */
    public boolean isPiecewise() { return setup != null && setup.network().isPiecewise(); }

    public String name() { return name; }
    /** "gradient-flow" or "gradient-descent" (the engine's Method.outputName()) */
    public String method() { return method; }
    public int[] widths() { return widths.clone(); }
    public int depth() { return widths.length - 1; }
    public List<Frame> frames() { return frames; }
    public Frame last() { return frames.get(frames.size() - 1); }
    public boolean diverged() { return diverged; }
    /** the gradient-descent step at which the run diverged, or null */
    public Long divergedAtStep() { return divergedAtStep; }
    /** false when the run was cancelled before reaching its duration */
    public boolean complete() { return complete; }
    /** integrator / gradient-descent steps taken in all */
    public long steps() { return steps; }
    /** the exact solution on the same t grid, or null when none was computed */
    public TheoryResult exact() { return exact; }

    public double[] times() {
        double[] t = new double[frames.size()];
        for (int i = 0; i < t.length; i++) t[i] = frames.get(i).t();
        return t;
    }
}
