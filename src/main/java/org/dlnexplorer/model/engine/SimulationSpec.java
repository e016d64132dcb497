package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything needed to simulate one run, resolved to numbers (the model's view of a preset). Immutable:
 * build one with {@link #builder}, derive a variant with {@code spec.toBuilder().method(m).build()}.
 *
 * @param name         the run's name (a preset's name)
 * @param theta0       θ(0), flat (W_1, …, W_L), each row-major; copied in and out
 * @param scheme       the scheme that produced θ(0) (informational; theory checks the weights themselves)
 * @param scale        τ
 * @param delta        δ
 * @param duration     the simulated time T
 * @param samples      recorded frames, evenly spaced in [0, T]
 * @param learningRate η (gradient descent; 0 for gradient flow, which has none)
 * @param rtol         the adaptive integrator's relative tolerance
 * @param atol         the adaptive integrator's absolute tolerance
 * @param rk4Step      the fixed step of the RK4 reference integrator
 * @param sharpness    whether sharpness is recorded (read it through {@link #sharpness()})
 * @param maxSteps     the step budget, 0 for the default (read it through {@link #maxSteps()})
 * @param hessian      whether frames carry the Hessian's spectrum (λ_min, index; model.observe.HessianSpectrum)
 */
public record SimulationSpec(String name, Network network, Task task, double[] theta0, Scheme scheme, double scale,
                             double delta, long seed, Method method, double duration, int samples,
                             double learningRate, double rtol, double atol, double rk4Step, boolean sharpness,
                             long maxSteps, boolean hessian) {
    /** default adaptive tolerances: tight enough for 1e-8 agreement with the exact solutions */
    public static final double DEFAULT_RTOL = 1e-11;
    public static final double DEFAULT_ATOL = 1e-13;
    public static final double DEFAULT_RK4_STEP = 1e-3;
    /** the step budget of a flow (adaptive or RK4) when the preset gives none; gradient descent has none by default */
    public static final long DEFAULT_MAX_STEPS = 10_000_000L;

    public SimulationSpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        if (theta0 == null || theta0.length != network.parameterCount())
            throw new IllegalArgumentException("initial parameters do not match the network");
        if (maxSteps < 0) throw new IllegalArgumentException("maxSteps must be ≥ 0");
        theta0 = theta0.clone();
    }

    /** A builder for a run of this network on this task from θ(0); every other field has its default. */
    public static Builder builder(Network network, Task task, double[] theta0) {
        return new Builder(network, task, theta0);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder(network, task, theta0).name(name).scheme(scheme).scale(scale).delta(delta).seed(seed)
                .method(method).grid(duration, samples).learningRate(learningRate).tolerances(rtol, atol)
                .rk4Step(rk4Step).sharpness(sharpness).maxSteps(maxSteps).hessian(hessian);
    }

    /** θ(0), flat (W_1, …, W_L), each row-major (a copy) */
    @Override
    public double[] theta0() { return theta0.clone(); }

    /** whether sharpness is recorded (always for gradient descent) */
    @Override
    public boolean sharpness() { return sharpness || method == Method.GRADIENT_DESCENT; }

    /** the step budget: as given, else DEFAULT_MAX_STEPS for a flow and none (Long.MAX_VALUE) for gradient descent */
    @Override
    public long maxSteps() {
        return maxSteps > 0 ? maxSteps : method.isFlow() ? DEFAULT_MAX_STEPS : Long.MAX_VALUE;
    }

    /** The requested sample times: samples points evenly spaced in [0, duration], both ends included. */
    public double[] grid() {
        int m = Math.max(2, samples);
        double[] t = new double[m];
        for (int i = 0; i < m; i++) t[i] = duration * i / (m - 1);
        t[m - 1] = duration;
        return t;
    }

    /** Equal when every field is, θ(0) compared by its entries. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SimulationSpec s && Objects.equals(name, s.name) && Objects.equals(network, s.network)
                && Objects.equals(task, s.task)
                && Arrays.equals(theta0, s.theta0) && scheme == s.scheme && Double.compare(scale, s.scale) == 0
                && Double.compare(delta, s.delta) == 0 && seed == s.seed && method == s.method
                && Double.compare(duration, s.duration) == 0 && samples == s.samples
                && Double.compare(learningRate, s.learningRate) == 0 && Double.compare(rtol, s.rtol) == 0
                && Double.compare(atol, s.atol) == 0 && Double.compare(rk4Step, s.rk4Step) == 0
                && sharpness == s.sharpness && maxSteps == s.maxSteps && hessian == s.hessian;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, method, duration, samples, learningRate, seed) * 31 + Arrays.hashCode(theta0);
    }

    @Override
    public String toString() {
        return "SimulationSpec[" + name + ", widths " + Arrays.toString(network.widths()) + ", " + method.id()
                + ", T = " + duration + ", " + samples + " samples]";
    }

    /**
     * Builds a {@link SimulationSpec}. Defaults: name "run", scheme explicit, τ = δ = 0, seed 0, gradient
     * flow, T = 1 with 2 samples, η = 0, the default tolerances and RK4 step, sharpness off, the default step budget.
     */
    public static final class Builder {
        private final Network network;
        private final Task task;
        private final double[] theta0;
        private String name = "run";
        private Scheme scheme = Scheme.EXPLICIT;
        private double scale, delta;
        private long seed;
        private Method method = Method.GRADIENT_FLOW;
        private double duration = 1.0;
        private int samples = 2;
        private double learningRate;
        private double rtol = DEFAULT_RTOL, atol = DEFAULT_ATOL, rk4Step = DEFAULT_RK4_STEP;
        private boolean sharpness;
        private long maxSteps;
        private boolean hessian;

        private Builder(Network network, Task task, double[] theta0) {
            this.network = network;
            this.task = task;
            this.theta0 = theta0 == null ? null : theta0.clone();
        }

        public Builder name(String v) { name = v; return this; }
        public Builder scheme(Scheme v) { scheme = v; return this; }
        /** τ */
        public Builder scale(double v) { scale = v; return this; }
        /** δ */
        public Builder delta(double v) { delta = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder method(Method v) { method = v; return this; }
        public Builder duration(double v) { duration = v; return this; }
        public Builder samples(int v) { samples = v; return this; }
        /** T and the number of recorded frames */
        public Builder grid(double duration, int samples) { this.duration = duration; this.samples = samples; return this; }
        /** η */
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder rtol(double v) { rtol = v; return this; }
        public Builder atol(double v) { atol = v; return this; }
        public Builder tolerances(double rtol, double atol) { this.rtol = rtol; this.atol = atol; return this; }
        public Builder rk4Step(double v) { rk4Step = v; return this; }
        public Builder sharpness(boolean v) { sharpness = v; return this; }
        /** the step budget (0: the default) */
        public Builder maxSteps(long v) { maxSteps = v; return this; }
        /** frames carry the Hessian's spectrum */
        public Builder hessian(boolean v) { hessian = v; return this; }

        /** @throws IllegalArgumentException when θ(0) does not match the network */
        public SimulationSpec build() {
            return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, method, duration,
                    samples, learningRate, rtol, atol, rk4Step, sharpness, maxSteps, hessian);
        }
    }
}
