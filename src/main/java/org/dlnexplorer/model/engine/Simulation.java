package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Observables;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * One run: integrates the spec, computes observables only on recorded frames, streams each frame to the
 * listener as it is produced, and returns the immutable trajectory. Cancellable; the trajectory of a
 * cancelled run has complete() == false. A run whose step budget (spec.maxSteps) or wall-time budget (a
 * token with a deadline) runs out is a result, not a divergence: its frames so far, marked
 * {@link Trajectory#stopped()}. The engine knows no theory: model.theory.TheoryRun attaches the
 * exact solution, model.theory.Overlays evaluates every overlay for a run.
 */
public final class Simulation {
    private Simulation() {}

    /**
     * The times the frames of a complete run come at: the grid for a flow; η·round(t_i/η) for gradient
     * descent ({@link GradientDescent#recordedSteps}), the very products its listener is given.
     */
    public static double[] frameTimes(SimulationSpec spec) {
        double[] grid = spec.grid();
        if (spec.method() != Method.GRADIENT_DESCENT) return grid;
        long[] k = GradientDescent.recordedSteps(grid, spec.learningRate());
        double[] t = new double[k.length];
        for (int i = 0; i < k.length; i++) t[i] = spec.learningRate() * k[i];
        return t;
    }

    public static Trajectory simulate(SimulationSpec spec) {
        return simulate(spec, FrameListener.NONE, CancellationToken.NEVER);
    }

    public static Trajectory simulate(SimulationSpec spec, FrameListener listener, CancellationToken cancel) {
        return simulate(spec, listener, cancel, Double.NEGATIVE_INFINITY);
    }

    /**
     * As above, with sharpness (when recorded) only on the frames at t ≥ sharpnessFrom: a sweep cell reads it
     * in the convergence window only ({@link org.dlnexplorer.model.observe.Convergence#windowStart}).
     */
    public static Trajectory simulate(SimulationSpec spec, FrameListener listener, CancellationToken cancel,
                                      double sharpnessFrom) {
        if (spec.network().isPiecewise()) return PiecewiseSimulation.simulate(spec, listener, cancel);
        Objective objective = new Objective(spec.network(), spec.task());
        Observables obs = new Observables(spec.network(), spec.task(), new Objective(spec.network(), spec.task()),
                spec.sharpness(), spec.hessian());
        obs.sharpnessFrom(sharpnessFrom);
        double[] theta0 = spec.theta0();
        obs.setInitial(theta0);
        double[] grid = spec.grid();
        List<Frame> frames = new ArrayList<>(grid.length);
        boolean diverged = false;
        Long divergedAt = null;
        boolean complete;
        boolean budgetExhausted;
        long steps;
        if (spec.method() == Method.GRADIENT_DESCENT) {
            GradientDescent gd = new GradientDescent(objective);
            GradientDescent.Result r = gd.run(theta0, spec.learningRate(), grid, spec.maxSteps(), (i, step, t, theta) -> {
                if (cancel.isCancelled()) return false;
                Frame f = obs.frame(i, step, t, theta);
                if (!isFinite(f)) return false;
                frames.add(f);
                listener.onFrame(f);
                return true;
            }, cancel);
            steps = r.steps();
            complete = r.completed();
            budgetExhausted = r.budgetExhausted();
            if (r.diverged()) { diverged = true; divergedAt = r.divergedAtStep(); }
        } else {
            GridListener gl = (i, t, y, n) -> {
                if (cancel.isCancelled()) return false;
                Frame f = obs.frame(i, n, t, y);
                if (!isFinite(f)) return false;
                frames.add(f);
                listener.onFrame(f);
                return true;
            };
            VectorField field = objective::flow;
            IntegrationResult r = spec.method() == Method.GRADIENT_FLOW
                    ? new AutoStiffFlow(objective, new Objective(spec.network(), spec.task()))
                            .integrate(theta0, grid, spec.rtol(), spec.atol(), spec.maxSteps(), cancel, gl)
                    : new RungeKutta4(theta0.length).integrate(field, theta0, grid, spec.rk4Step(), spec.maxSteps(), cancel, gl);
            steps = r.steps();
            complete = r.completed();
            budgetExhausted = r.budgetExhausted();
            if (r.failed()) { diverged = true; divergedAt = r.steps(); }
        }
        Trajectory.Stop stop = null;
        double lastT = frames.isEmpty() ? 0.0 : frames.get(frames.size() - 1).t();
        if (budgetExhausted) stop = new Trajectory.Stop(Trajectory.STEP_BUDGET, steps, lastT);
        else if (!complete && !diverged && cancel.timedOut()) stop = new Trajectory.Stop(Trajectory.TIME_BUDGET, steps, lastT);
        if (!complete && !diverged && stop == null && !cancel.isCancelled() && frames.size() < grid.length) {
            // a frame with non-finite observables: treat as divergence at that point
            diverged = true;
            divergedAt = steps;
        }
        String method = spec.method().outputName();
        return new Trajectory(spec.name(), method, spec.network().widths(), frames, diverged, divergedAt,
                complete, steps, null, new Trajectory.Setup(spec.task(), spec.network(), spec.learningRate()), stop);
    }

    private static boolean isFinite(Frame f) {
        if (!Double.isFinite(f.loss()) || !Double.isFinite(f.kernelDistance()) || !Double.isFinite(f.balanceDrift()))
            return false;
        for (int i = 0; i < f.modes(); i++) if (!Double.isFinite(f.singularValue(i))) return false;   // no copy per frame
        if (f.hasHessian() && !Double.isFinite(f.hessianMin())) return false;
        return !f.hasSharpness() || Double.isFinite(f.sharpness());
    }
}
