package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;

/**
 * Everything needed to simulate one run, resolved to numbers (the model's view of a preset).
 * Immutable; use the with-methods to derive variants.
 */
public final class SimulationSpec {
    /** default adaptive tolerances: tight enough for 1e-8 agreement with the exact solutions */
    public static final double DEFAULT_RTOL = 1e-11;
    public static final double DEFAULT_ATOL = 1e-13;
    public static final double DEFAULT_RK4_STEP = 1e-3;

    private final String name;
    private final Network network;
    private final Task task;
    private final double[] theta0;
    private final Scheme scheme;
    private final double scale;
    private final double delta;
    private final long seed;
    private final Method method;
    private final double duration;
    private final int samples;
    private final double learningRate;
    private final double rtol;
    private final double atol;
    private final double rk4Step;
    private final boolean sharpness;

    public SimulationSpec(String name, Network network, Task task, double[] theta0, Scheme scheme, double scale,
                          double delta, long seed, Method method, double duration, int samples, double learningRate,
                          double rtol, double atol, double rk4Step, boolean sharpness) {
        if (theta0.length != network.parameterCount())
            throw new IllegalArgumentException("initial parameters do not match the network");
        this.name = name;
        this.network = network;
        this.task = task;
        this.theta0 = theta0.clone();
        this.scheme = scheme;
        this.scale = scale;
        this.delta = delta;
        this.seed = seed;
        this.method = method;
        this.duration = duration;
        this.samples = samples;
        this.learningRate = learningRate;
        this.rtol = rtol;
        this.atol = atol;
        this.rk4Step = rk4Step;
        this.sharpness = sharpness;
    }

    public String name() { return name; }
    public Network network() { return network; }
    public Task task() { return task; }
    /** θ(0), flat (W_1, …, W_L), each row-major */
    public double[] theta0() { return theta0.clone(); }
    /** the scheme that produced θ(0) (informational; theory checks the weights themselves) */
    public Scheme scheme() { return scheme; }
    /** τ */
    public double scale() { return scale; }
    /** δ */
    public double delta() { return delta; }
    public long seed() { return seed; }
    public Method method() { return method; }
    public double duration() { return duration; }
    public int samples() { return samples; }
    /** η (gradient descent) */
    public double learningRate() { return learningRate; }
    public double rtol() { return rtol; }
    public double atol() { return atol; }
    public double rk4Step() { return rk4Step; }
    /** whether sharpness is recorded (always for gradient descent) */
    public boolean sharpness() { return sharpness || method == Method.GRADIENT_DESCENT; }

    public SimulationSpec withMethod(Method m) {
        return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, m, duration, samples,
                learningRate, rtol, atol, rk4Step, sharpness);
    }

    public SimulationSpec withTolerances(double rtol, double atol) {
        return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, method, duration, samples,
                learningRate, rtol, atol, rk4Step, sharpness);
    }

    public SimulationSpec withRk4Step(double h) {
        return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, method, duration, samples,
                learningRate, rtol, atol, h, sharpness);
    }

    public SimulationSpec withSharpness(boolean on) {
        return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, method, duration, samples,
                learningRate, rtol, atol, rk4Step, on);
    }

    public SimulationSpec withGrid(double duration, int samples) {
        return new SimulationSpec(name, network, task, theta0, scheme, scale, delta, seed, method, duration, samples,
                learningRate, rtol, atol, rk4Step, sharpness);
    }

    /** The requested sample times: samples points evenly spaced in [0, duration], both ends included. */
    public double[] grid() {
        int m = Math.max(2, samples);
        double[] t = new double[m];
        for (int i = 0; i < m; i++) t[i] = duration * i / (m - 1);
        t[m - 1] = duration;
        return t;
    }
}
