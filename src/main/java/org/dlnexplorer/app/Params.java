package org.dlnexplorer.app;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetDefaults;
import org.dlnexplorer.preset.PresetIo;
import org.dlnexplorer.preset.PresetPaths;

import java.util.Arrays;

/**
 * An immutable snapshot of the controls: what one computation is asked to simulate. Applied to the
 * base preset field by field (only fields that differ from the base, so a preset's own structure,
 * e.g. non-uniform hidden widths, survives untouched controls). {@link Taught} carries the compare set,
 * basis and inputs (null: the base's).
 */
public record Params(double delta, double tau, int depth, int width, double learningRate, Method method,
                     double[] targets, long seed, double duration, double leak, Taught taught) {

    public Params {
        targets = targets == null ? new double[0] : targets.clone();
    }

    /** the deep linear network's controls (γ = 0: no leak to apply); the compare set, basis and inputs as the base has them */
    public Params(double delta, double tau, int depth, int width, double learningRate, Method method,
                  double[] targets, long seed, double duration) {
        this(delta, tau, depth, width, learningRate, method, targets, seed, duration, 0, null);
    }

    /** with γ of a piecewise-linear network */
    public Params(double delta, double tau, int depth, int width, double learningRate, Method method,
                  double[] targets, long seed, double duration, double leak) {
        this(delta, tau, depth, width, learningRate, method, targets, seed, duration, leak, null);
    }

    /** with the compare set, basis and inputs as edited (null: the base's) */
    public Params(double delta, double tau, int depth, int width, double learningRate, Method method,
                  double[] targets, long seed, double duration, Taught taught) {
        this(delta, tau, depth, width, learningRate, method, targets, seed, duration, 0, taught);
    }

    @Override
    public double[] targets() { return targets.clone(); }

    /** The controls' values as read from a preset (defaults where the preset is silent). */
    public static Params of(Preset p) {
        double delta = p.init != null && p.init.delta != null ? p.init.delta : PresetDefaults.DELTA;
        // the τ control is logarithmic: a preset without a positive τ shows the default
        double tau = p.init != null && p.init.scale != null && p.init.scale > 0 ? p.init.scale : PresetDefaults.SCALE;
        int depth = p.network.widths.length - 1;
        int width = p.network.widths.length >= 3 ? p.network.widths[1] : Math.max(p.network.widths[0], p.network.widths[depth]);
        Method m = p.training != null && Method.fromId(p.training.method) == Method.GRADIENT_DESCENT
                ? Method.GRADIENT_DESCENT : PresetDefaults.METHOD;
        double eta = p.training != null && p.training.learningRate != null && p.training.learningRate > 0
                ? p.training.learningRate : PresetDefaults.LEARNING_RATE;
        double[] t = p.task != null && p.task.target != null && p.task.target.singularValues != null
                ? p.task.target.singularValues.clone() : new double[0];
        long seed = p.init != null && p.init.seed != null ? p.init.seed : PresetDefaults.SEED;
        double duration = p.training != null && p.training.duration != null ? p.training.duration : PresetDefaults.DURATION;
        double leak = p.network.leak != null ? p.network.leak : 0;
        return new Params(delta, tau, depth, width, eta, m, t, seed, duration, leak, Taught.of(p));
    }

    /** The base preset with these values applied (a new object; the base is not changed). */
    public Preset applyTo(Preset base) {
        Params b = of(base);
        Preset p = PresetIo.copy(base);
        if (delta != b.delta || (base.init != null && base.init.delta == null && delta != 0)) p = PresetPaths.with(p, "init.delta", delta);
        if (tau != b.tau) p = PresetPaths.with(p, "init.scale", tau);
        if (depth != b.depth) p = PresetPaths.with(p, "network.depth", depth);
        if (width != b.width && p.network.widths.length >= 3) p = PresetPaths.with(p, "network.width", width);
        if (seed != b.seed) p = PresetPaths.with(p, "init.seed", seed);
        if (leak != b.leak) {   // γ of σ(z) = max(z, γz): a ReLU with a leak is a leaky ReLU
            p = PresetPaths.with(p, "network.leak", leak);
            if ("relu".equals(p.network.activation) && leak != 0) p.network.activation = "leaky-relu";
        }
        if (duration != b.duration) p = PresetPaths.with(p, "training.duration", duration);
        if (method == Method.GRADIENT_DESCENT) {
            if (learningRate != b.learningRate || p.training.learningRate == null)
                p = PresetPaths.with(p, "training.learningRate", learningRate);
            p.training.method = Method.GRADIENT_DESCENT.id();
        } else {
            p.training.method = Method.GRADIENT_FLOW.id();
        }
        if (!Arrays.equals(targets, b.targets) && p.task.target != null && p.task.target.singularValues != null)
            p.task.target.singularValues = targets.clone();
        if (taught != null) p = taught.applyTo(base, p);   // null: the base's compare set, basis and inputs
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params q && q.delta == delta && q.tau == tau && q.depth == depth && q.width == width
                && q.learningRate == learningRate && q.method == method && Arrays.equals(q.targets, targets)
                && q.seed == seed && q.duration == duration && q.leak == leak && java.util.Objects.equals(q.taught, taught);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[]{delta, tau, depth, width, learningRate, method.ordinal(), seed, duration, leak})
                * 31 + Arrays.hashCode(targets) + 17 * java.util.Objects.hashCode(taught);
    }
}
