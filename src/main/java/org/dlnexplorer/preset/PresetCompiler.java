package org.dlnexplorer.preset;

import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.CompareSetRunner.Member;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.init.TeacherTask;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Turns a validated preset into model objects: the task, the network, θ(0) and the simulation spec. */
public final class PresetCompiler {
    private PresetCompiler() {}

    /** The preset as written (compare set ignored). */
    public static SimulationSpec compile(Preset p, String source) throws PresetException {
        PresetValidator.validate(p, source);
        Network net = new Network(p.network.widths, p.training.layerRates, PiecewiseChecks.activation(p.network, source),
                Boolean.TRUE.equals(p.training.freezeOutput));
        Task task = task(p, source);
        Scheme scheme = Scheme.fromId(p.init.scheme);
        double tau = p.init.scale == null ? PresetDefaults.SCALE : p.init.scale;
        double delta = p.init.delta == null ? PresetDefaults.DELTA : p.init.delta;
        long seed = p.init.seed == null ? PresetDefaults.SEED : p.init.seed;
        DMatrixRMaj[] explicit = null;
        if (scheme == Scheme.EXPLICIT) {
            explicit = new DMatrixRMaj[p.init.weights.length];
            for (int l = 0; l < explicit.length; l++) explicit[l] = new DMatrixRMaj(p.init.weights[l]);
        }
        double[] theta0 = Initializer.initialize(net, task, scheme, tau, delta, seed, explicit, p.init.direction);
        Method method = p.training.method == null ? PresetDefaults.METHOD : Method.fromId(p.training.method);
        int samples = p.training.samples == null ? PresetDefaults.SAMPLES : p.training.samples;
        // gradient flow has no η (0); a gradient-descent preset gives one (the validator requires it)
        double eta = p.training.learningRate != null ? p.training.learningRate
                : method == Method.GRADIENT_DESCENT ? PresetDefaults.LEARNING_RATE : 0.0;
        double rtol = p.training.rtol == null ? PresetDefaults.RTOL : p.training.rtol;
        double atol = p.training.atol == null ? PresetDefaults.ATOL : p.training.atol;
        boolean sharp = Boolean.TRUE.equals(p.training.sharpness);
        long maxSteps = p.training.maxSteps == null ? PresetDefaults.MAX_STEPS : p.training.maxSteps;
        return SimulationSpec.builder(net, task, theta0).name(p.name).scheme(scheme).scale(tau).delta(delta).seed(seed)
                .method(method).grid(p.training.duration, samples).learningRate(eta).tolerances(rtol, atol)
                .rk4Step(PresetDefaults.RK4_STEP).sharpness(sharp).maxSteps(maxSteps)
                .hessian(Boolean.TRUE.equals(p.training.hessian)).build();
    }

    /** The whole set: one member per compare value, or the preset alone (label = its name). */
    public static List<Member> compileSet(Preset p, String source) throws PresetException {
        List<Member> out = new ArrayList<>();
        if (p.compare == null) {
            out.add(new Member(p.name, Double.NaN, compile(p, source)));
            return out;
        }
        PresetValidator.validate(p, source);
        Preset base = PresetValidator.withoutCompare(p);   // each variant copies the preset: not its compare set
        for (int i = 0; i < p.compare.values.length; i++) {
            double v = p.compare.values[i];
            Preset variant = PresetPaths.with(base, p.compare.parameter, v);
            String label = label(p.compare.parameter, v);
            // a frozen readout pᵀ: the depth the seed calls L is that of the trained layers, one less
            if (p.compare.parameter.equals("network.depth") && Boolean.TRUE.equals(p.training.freezeOutput))
                label = label(p.compare.parameter, v - 1) + " + pᵀ";
            if (p.compare.with != null)
                for (var e : p.compare.with.entrySet()) {
                    variant = PresetPaths.with(variant, e.getKey(), e.getValue()[i]);
                    label = label(e.getKey(), e.getValue()[i]) + ", " + label;
                }
            variant.compare = null;
            out.add(new Member(label, v, compile(variant, source)));
        }
        return out;
    }

    /** "δ = 2", "τ = 0.01", "L = 4", … (the symbol from {@link AxisLabels}) */
    public static String label(String parameter, double v) {
        String num = v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : trim(v);
        return AxisLabels.symbol(parameter) + " = " + num;
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    static Task task(Preset p, String src) throws PresetException {
        int n0 = p.network.widths[0], nL = p.network.widths[p.network.widths.length - 1];
        Preset.TaskSection ts = p.task;
        if (MeasuredTasks.given(ts)) return MeasuredTasks.task(ts);
        if (ts.teacher != null) {
            Preset.TeacherSection t = ts.teacher;
            return Task.fromDataset(TeacherTask.generate(n0, t.hidden, t.samples,
                    t.testSamples == null ? 0 : t.testSamples, t.seed == null ? PresetDefaults.SEED : t.seed,
                    PiecewiseChecks.activation(p.network, src)));
        }
        if (ts.data != null && ts.data.testX != null) {
            int n = ts.data.X.length, m = ts.data.testX.length;
            return Task.fromDataset(new Dataset(n, n0, new DMatrixRMaj(ts.data.X).data, new DMatrixRMaj(ts.data.Y).data,
                    m, new DMatrixRMaj(ts.data.testX).data, new DMatrixRMaj(ts.data.testY).data, null));
        }
        if (ts.data != null) {
            return Task.fromData(new DMatrixRMaj(ts.data.X), new DMatrixRMaj(ts.data.Y));
        }
        DMatrixRMaj target;
        Preset.TargetSection t = ts.target;
        if (t.matrix != null) {
            target = new DMatrixRMaj(t.matrix);
        } else {
            target = new DMatrixRMaj(nL, n0);
            int k = t.singularValues.length;
            if ("random".equals(t.basis)) {
                Random rng = new Random(t.seed == null ? 0L : t.seed);
                DMatrixRMaj u = Initializer.randomOrthogonal(nL, Math.min(nL, n0), rng);
                DMatrixRMaj v = Initializer.randomOrthogonal(n0, Math.min(nL, n0), rng);
                DMatrixRMaj us = u.copy();
                for (int i = 0; i < us.numRows; i++)
                    for (int a = 0; a < us.numCols; a++) us.set(i, a, a < k ? u.get(i, a) * t.singularValues[a] : 0.0);
                CommonOps_DDRM.multTransB(us, v, target);
            } else {
                for (int a = 0; a < k; a++) target.set(a, a, t.singularValues[a]);
            }
        }
        DMatrixRMaj cov = PresetValidator.covarianceOf(ts.inputs, n0, src);
        return cov == null ? Task.whitened(target) : Task.withCovariance(target, cov);
    }

    /**
     * a copy whose frames carry the Hessian's spectrum (the hessian view asks for it), when the network is small
     * enough (HessianSpectrum.MAX_PARAMETERS); else the preset itself
     */
    public static Preset withHessian(Preset p) {
        if (p.network == null || p.network.widths == null) return p;
        long n = 0;
        for (int l = 1; l < p.network.widths.length; l++) n += (long) p.network.widths[l] * p.network.widths[l - 1];
        if (n > org.dlnexplorer.model.observe.HessianSpectrum.MAX_PARAMETERS) return p;
        Preset c = PresetIo.copy(p);
        if (c.training == null) c.training = new Preset.TrainingSection();
        c.training.hessian = true;
        return c;
    }

    /** a copy that records the sharpness under gradient flow too (the sharpness view asks for it) */
    public static Preset withSharpness(Preset p) {
        Preset c = PresetIo.copy(p);
        if (c.training == null) c.training = new Preset.TrainingSection();
        c.training.sharpness = true;
        return c;
    }
}
