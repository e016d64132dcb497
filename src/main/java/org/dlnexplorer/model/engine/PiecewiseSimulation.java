package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.relu.PiecewiseNet;
import org.dlnexplorer.model.relu.PiecewiseObservables;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of the two-layer piecewise-linear network (issue #13): gradient flow with its switching surfaces
 * located ({@link FilippovFlow}; the fixed-step RK4 reference is not offered for this family and runs the
 * same adaptive flow), or gradient descent with the subgradient σ'(0) = γ. Frames from
 * {@link PiecewiseObservables}. Budgets, cancellation and divergence as in {@link Simulation}.
 */
final class PiecewiseSimulation {
    private PiecewiseSimulation() {}

    static Trajectory simulate(SimulationSpec spec, FrameListener listener, CancellationToken cancel) {
        Dataset data = spec.task().dataset();
        PiecewiseNet net = new PiecewiseNet(spec.network(), data);
        PiecewiseObservables obs = new PiecewiseObservables(spec.network(), data);
        double[] theta0 = spec.theta0();
        obs.setInitial(theta0);
        double[] grid = spec.grid();
        List<Frame> frames = new ArrayList<>(grid.length);
        boolean diverged = false, complete, budgetExhausted;
        Long divergedAt = null;
        long steps;
        if (spec.method() == Method.GRADIENT_DESCENT) {
            GradientDescent gd = new GradientDescent(new GradientDescent.Model() {
                @Override public double gradient(double[] theta, double[] g) { return net.gradient(theta, g); }
                @Override public double loss(double[] theta) { return net.loss(theta); }
            }, rates(net));
            GradientDescent.Result r = gd.run(theta0, spec.learningRate(), grid, spec.maxSteps(),
                    (i, step, t, theta) -> record(obs.frame(i, step, t, theta), frames, listener, cancel), cancel);
            steps = r.steps();
            complete = r.completed();
            budgetExhausted = r.budgetExhausted();
            if (r.diverged()) { diverged = true; divergedAt = r.divergedAtStep(); }
        } else {
            IntegrationResult r = new FilippovFlow(net).integrate(theta0, grid, spec.rtol(), spec.atol(),
                    spec.maxSteps(), cancel, (i, t, y, n) -> record(obs.frame(i, n, t, y), frames, listener, cancel));
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
            diverged = true;   // a frame with non-finite observables
            divergedAt = steps;
        }
        return new Trajectory(spec.name(), spec.method().outputName(), spec.network().widths(), frames, diverged,
                divergedAt, complete, steps, null,
                new Trajectory.Setup(spec.task(), spec.network(), spec.learningRate()), stop);
    }

    /** η_w for W, η_a for a */
    static double[] rates(PiecewiseNet net) {
        double[] r = new double[net.parameterCount()];
        for (int j = 0; j < r.length; j++) r[j] = j < net.aOffset() ? net.etaW() : net.etaA();
        return r;
    }

    private static boolean record(Frame f, List<Frame> frames, FrameListener listener, CancellationToken cancel) {
        if (cancel.isCancelled()) return false;
        if (!finite(f)) return false;
        frames.add(f);
        listener.onFrame(f);
        return true;
    }

    private static boolean finite(Frame f) {
        return Double.isFinite(f.loss()) && Double.isFinite(f.kernelDistance()) && Double.isFinite(f.balanceDrift())
                && Double.isFinite(f.parameterDistance()) && (!f.hasTestLoss() || Double.isFinite(f.testLoss()));
    }
}
