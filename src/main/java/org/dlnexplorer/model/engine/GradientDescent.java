package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Objective;

/**
 * Discrete gradient descent W_ℓ ← W_ℓ − η·η_ℓ ∂ℒ/∂W_ℓ. Step k is plotted at t = η·k; a requested
 * sample time falls on the nearest step. A run diverges at the first step whose loss is not finite or
 * exceeds {@link #DIVERGENCE_FACTOR}·max(ℒ(0), 1); frames before it are kept.
 */
public final class GradientDescent {
    public static final double DIVERGENCE_FACTOR = 1e10;

    /** Outcome: steps taken, the step at which the run diverged (or −1), and whether the step budget ran out. */
    public record Result(long steps, boolean completed, long divergedAtStep, boolean budgetExhausted) {
        public Result(long steps, boolean completed, long divergedAtStep) {
            this(steps, completed, divergedAtStep, false);
        }

        public boolean diverged() { return divergedAtStep >= 0; }
    }

    /** Callback at recorded steps; θ is valid only during the call. */
    public interface StepListener {
        boolean onStep(int index, long step, double t, double[] theta);
    }

    /** ℒ and ∇ℒ of some model: the gradient into grad, ℒ returned */
    public interface Model {
        double gradient(double[] theta, double[] grad);

        double loss(double[] theta);
    }

    private final Model objective;
    private final double[] rates;
    private final double[] grad;

    public GradientDescent(Objective objective) {
        this(new Model() {
            @Override public double gradient(double[] theta, double[] g) { return objective.gradient(theta, g); }
            @Override public double loss(double[] theta) { return objective.loss(theta); }
        }, parameterRates(objective.network()));
    }

    /** gradient descent on any model, parameter j moving at rate η·rates[j] */
    public GradientDescent(Model model, double[] rates) {
        this.objective = model;
        this.rates = rates.clone();
        this.grad = new double[rates.length];
    }

    /** η_ℓ for every parameter of W_ℓ */
    public static double[] parameterRates(Network net) {
        double[] r = new double[net.parameterCount()];
        for (int l = 1; l <= net.depth(); l++) {
            int off = net.offset(l), len = net.rows(l) * net.cols(l);
            for (int i = 0; i < len; i++) r[off + i] = net.rate(l);
        }
        return r;
    }

    /** The recorded steps k_i = round(t_i/η) for the grid (strictly non-decreasing). */
    public static long[] recordedSteps(double[] grid, double eta) {
        long[] k = new long[grid.length];
        for (int i = 0; i < grid.length; i++) k[i] = Math.round(grid[i] / eta);
        return k;
    }

    public Result run(double[] theta0, double eta, double[] grid, StepListener listener, CancellationToken cancel) {
        return run(theta0, eta, grid, Long.MAX_VALUE, listener, cancel);
    }

    /** As above, stopping after maxSteps steps (budgetExhausted). */
    public Result run(double[] theta0, double eta, double[] grid, long maxSteps, StepListener listener,
                      CancellationToken cancel) {
        double[] theta = theta0.clone();
        long[] record = recordedSteps(grid, eta);
        long total = record[record.length - 1];
        double[] stepRate = new double[theta.length];
        for (int i = 0; i < theta.length; i++) stepRate[i] = eta * rates[i];
        // ∇ℒ and ℒ come from one pass: the gradient at the new θ is computed right after each update, its
        // loss serves the divergence check, and the next step reuses the gradient (bit-identical results)
        double loss0 = objective.gradient(theta, grad);
        double limit = DIVERGENCE_FACTOR * Math.max(loss0, 1.0);
        int next = 0;
        long step = 0;
        while (true) {
            while (next < record.length && record[next] == step) {
                if (!listener.onStep(next, step, eta * step, theta)) return new Result(step, false, -1);
                next++;
            }
            if (step >= total) return new Result(step, true, -1);
            if (cancel.isCancelled()) return new Result(step, false, -1);
            if ((step & 63) == 0) cancel.reportSteps(step);
            if (step >= maxSteps) return new Result(step, false, -1, true);
            for (int i = 0; i < theta.length; i++) theta[i] -= stepRate[i] * grad[i];
            step++;
            double loss = step < total ? objective.gradient(theta, grad) : objective.loss(theta);
            if (!(loss <= limit) || !finite(theta)) return new Result(step, false, step);
        }
    }

    private static boolean finite(double[] x) {
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }
}
