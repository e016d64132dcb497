package org.dlnexplorer.preset;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.init.IsotropicInit;
import org.dlnexplorer.model.init.NeuronInit;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Field-by-field validation of a preset (SPEC §3). The first problem found is thrown as a
 * {@link PresetException} naming the source and the JSON path of the field.
 */
public final class PresetValidator {
    public static final int MAX_WIDTH = Limits.MAX_WIDTH;
    public static final int MAX_DEPTH = Limits.MAX_DEPTH;
    public static final int MAX_SAMPLES = Limits.MAX_SAMPLES;
    public static final double MAX_GD_STEPS = Limits.MAX_GD_STEPS;
    /** relative tolerance on Σxx symmetry and on negative eigenvalues (round-off) */
    public static final double PSD_TOLERANCE = 1e-10;

    private PresetValidator() {}

    public static void validate(Preset p, String src) throws PresetException {
        if (p.schema == null) throw new PresetException(src, "schema", "missing (expected 1)");
        if (p.schema != 1) throw new PresetException(src, "schema", "unsupported version " + p.schema + " (expected 1)");
        if (p.name == null || p.name.isBlank()) throw new PresetException(src, "name", "missing");
        if (p.network == null) throw new PresetException(src, "network", "missing");
        int[] widths = p.network.widths;
        if (widths == null) throw new PresetException(src, "network.widths", "missing");
        if (widths.length < 2)
            throw new PresetException(src, "network.widths", "needs at least two widths (depth ≥ 1), got " + widths.length);
        if (widths.length - 1 > MAX_DEPTH)
            throw new PresetException(src, "network.widths", "depth " + (widths.length - 1) + " exceeds " + MAX_DEPTH);
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] <= 0)
                throw new PresetException(src, "network.widths[" + i + "]", "must be positive, got " + widths[i]);
            if (widths[i] > MAX_WIDTH)
                throw new PresetException(src, "network.widths[" + i + "]", "exceeds " + MAX_WIDTH);
        }
        int n0 = widths[0], nL = widths[widths.length - 1], depth = widths.length - 1;
        long parameters = 0;
        for (int l = 1; l <= depth; l++) parameters += (long) widths[l] * widths[l - 1];
        if (parameters > Limits.MAX_PARAMETERS)
            throw new PresetException(src, "network.widths", parameters + " parameters exceed the limit of "
                    + Limits.MAX_PARAMETERS + " (Σ n_ℓ·n_ℓ₋₁; memory)");
        Activation activation = PiecewiseChecks.activation(p.network, src);
        validateTask(p.task, n0, nL, depth, src);
        PiecewiseChecks.task(p.task, activation, widths, src);
        if (p.init != null && p.init.scheme != null) PiecewiseChecks.init(p.init, activation, widths, src);
        validateInit(p.init, widths, src);
        validateTraining(p.training, depth, src);
        if (Boolean.TRUE.equals(p.training.freezeOutput) && activation.isPiecewise())
            throw new PresetException(src, "training.freezeOutput", "applies to linear networks only (network.activation "
                    + p.network.activation + ")");
        if (Boolean.TRUE.equals(p.training.hessian) && parameters > org.dlnexplorer.model.observe.HessianSpectrum.MAX_PARAMETERS)
            throw new PresetException(src, "training.hessian", "the Hessian's spectrum is computed for networks up to "
                    + org.dlnexplorer.model.observe.HessianSpectrum.MAX_PARAMETERS + " parameters, this one has " + parameters);
        int members = p.compare == null || p.compare.values == null ? 1 : p.compare.values.length;
        if (members > Limits.MAX_COMPARE_VALUES)
            throw new PresetException(src, "compare.values", members + " values exceed the limit of "
                    + Limits.MAX_COMPARE_VALUES + " (one run each)");
        recordedNumbers(p, widths, members, src);
        if (p.compare != null) validateCompare(p, src);
    }

    /**
     * Every compare value gives a valid preset. Linear in the number of values: each variant is built from
     * the preset without its compare set (which would otherwise be copied once per value).
     */
    private static void validateCompare(Preset p, String src) throws PresetException {
        if (p.compare.parameter == null || p.compare.parameter.isBlank())
            throw new PresetException(src, "compare.parameter", "missing");
        if (p.compare.values == null || p.compare.values.length == 0)
            throw new PresetException(src, "compare.values", "must list at least one value");
        if (p.compare.values.length > Limits.MAX_COMPARE_VALUES)
            throw new PresetException(src, "compare.values", p.compare.values.length + " values exceed the limit of "
                    + Limits.MAX_COMPARE_VALUES + " (one run each)");
        finite(p.compare.values, "compare.values", src);
        Preset base = withoutCompare(p);
        try {
            PresetPaths.checkSettable(base, p.compare.parameter);
        } catch (IllegalArgumentException e) {
            throw new PresetException(src, "compare.parameter", e.getMessage());
        }
        if (p.compare.with != null)
            for (var e : p.compare.with.entrySet()) {
                String f = "compare.with." + e.getKey();
                if (e.getValue() == null || e.getValue().length != p.compare.values.length)
                    throw new PresetException(src, f, "needs one value per compare value (" + p.compare.values.length + ")");
                finite(e.getValue(), f, src);
                try {
                    PresetPaths.checkSettable(base, e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new PresetException(src, f, ex.getMessage());
                }
            }
        for (int i = 0; i < p.compare.values.length; i++) {
            Preset variant;
            try {
                variant = PresetPaths.with(base, p.compare.parameter, p.compare.values[i]);
                if (p.compare.with != null)
                    for (var e : p.compare.with.entrySet()) variant = PresetPaths.with(variant, e.getKey(), e.getValue()[i]);
            } catch (IllegalArgumentException e) {
                throw new PresetException(src, "compare.values[" + i + "]", e.getMessage());
            }
            try {
                validate(variant, src);
            } catch (PresetException e) {
                throw new PresetException(src, "compare.values[" + i + "]",
                        "gives an invalid preset (" + e.field() + ": " + e.problem() + ")");
            }
        }
    }

    /** p without its compare set (a shallow copy: the sections are shared, not changed) */
    static Preset withoutCompare(Preset p) {
        Preset c = new Preset();
        c.schema = p.schema;
        c.name = p.name;
        c.description = p.description;
        c.network = p.network;
        c.task = p.task;
        c.init = p.init;
        c.training = p.training;
        c.view = p.view;
        return c;
    }

    /** members × frames × numbers per frame (W_eff, the singular values of every layer, a few scalars) */
    private static void recordedNumbers(Preset p, int[] widths, int members, String src) throws PresetException {
        int depth = widths.length - 1;
        long perFrame = (long) widths[0] * widths[depth] + Math.min(widths[0], widths[depth]) + 16;
        for (int l = 1; l <= depth; l++) perFrame += Math.min(widths[l], widths[l - 1]);
        long frames = p.training.samples == null ? PresetDefaults.SAMPLES : p.training.samples;
        long total = members * frames * perFrame;
        if (total > Limits.MAX_RECORDED_NUMBERS)
            throw new PresetException(src, "training.samples", members + " run(s) × " + frames + " frames × " + perFrame
                    + " numbers per frame exceed the limit of " + Limits.MAX_RECORDED_NUMBERS
                    + " recorded numbers (1 GiB); record at most "
                    + Math.max(2, Limits.MAX_RECORDED_NUMBERS / (members * perFrame)) + " frames");
    }

    private static void validateTask(Preset.TaskSection task, int n0, int nL, int depth, String src) throws PresetException {
        if (task == null) throw new PresetException(src, "task", "missing");
        if (MeasuredTasks.given(task)) {
            if (task.target != null || task.data != null || task.teacher != null || (task.completion != null && task.sensing != null))
                throw new PresetException(src, "task", "give one of target, data, teacher, completion or sensing");
            MeasuredTasks.validate(task, n0, nL, src);
            return;
        }
        boolean hasTarget = task.target != null, hasData = task.data != null, hasTeacher = task.teacher != null;
        int sources = (hasTarget ? 1 : 0) + (hasData ? 1 : 0) + (hasTeacher ? 1 : 0);
        if (sources != 1)
            throw new PresetException(src, "task", sources > 1 ? "give one of target, data or teacher, not several"
                    : "needs a target, data or a teacher");
        if (hasTeacher) return;   // PiecewiseChecks.task
        if (hasTarget) {
            Preset.TargetSection t = task.target;
            if ((t.singularValues == null) == (t.matrix == null))
                throw new PresetException(src, "task.target",
                        t.matrix == null ? "needs singularValues or matrix" : "give either singularValues or matrix, not both");
            if (t.singularValues != null) {
                int k = Math.min(n0, nL);
                if (t.singularValues.length == 0 || t.singularValues.length > k)
                    throw new PresetException(src, "task.target.singularValues",
                            "needs 1 to " + k + " values (min(n_0, n_L)), got " + t.singularValues.length);
                bounded(t.singularValues, "task.target.singularValues", src);
                for (int i = 0; i < t.singularValues.length; i++)
                    if (t.singularValues[i] < 0)
                        throw new PresetException(src, "task.target.singularValues[" + i + "]", "must be ≥ 0");
                String basis = t.basis == null ? "identity" : t.basis;
                if (!basis.equals("identity") && !basis.equals("random"))
                    throw new PresetException(src, "task.target.basis",
                            "unknown basis \"" + t.basis + "\" (expected identity or random)");
            } else {
                matrix(t.matrix, nL, n0, "task.target.matrix", src);
            }
            if (task.inputs == null) throw new PresetException(src, "task.inputs", "missing (\"whitened\" or {\"covariance\": …})");
            covarianceOf(task.inputs, n0, src);
        } else {
            if (task.inputs != null && !(task.inputs.isJsonPrimitive() && "whitened".equals(task.inputs.getAsString())))
                throw new PresetException(src, "task.inputs", "must be omitted when data is given");
            if (task.data.X == null) throw new PresetException(src, "task.data.X", "missing");
            if (task.data.Y == null) throw new PresetException(src, "task.data.Y", "missing");
            int n = task.data.X.length;
            if (n == 0) throw new PresetException(src, "task.data.X", "needs at least one row");
            if (n > Limits.MAX_DATA_ROWS)
                throw new PresetException(src, "task.data.X", n + " rows exceed the limit of " + Limits.MAX_DATA_ROWS
                        + " (the kernel distance keeps n×n blocks)");
            if ((long) depth * n * n > Limits.MAX_KERNEL_ENTRIES)
                throw new PresetException(src, "task.data.X", n + " rows at depth " + depth + " exceed the limit of "
                        + Limits.MAX_KERNEL_ENTRIES + " kernel entries (depth × rows²; at most "
                        + (long) Math.sqrt((double) Limits.MAX_KERNEL_ENTRIES / depth) + " rows at this depth)");
            matrix(task.data.X, n, n0, "task.data.X", src);
            matrix(task.data.Y, n, nL, "task.data.Y", src);
        }
    }

    /** Returns Σxx (null for whitened), validating shape, symmetry and positive semi-definiteness. */
    static DMatrixRMaj covarianceOf(JsonElement inputs, int n0, String src) throws PresetException {
        if (inputs.isJsonPrimitive()) {
            if ("whitened".equals(inputs.getAsString())) return null;
            throw new PresetException(src, "task.inputs", "unknown value \"" + inputs.getAsString()
                    + "\" (expected \"whitened\" or {\"covariance\": …})");
        }
        if (!inputs.isJsonObject() || !((JsonObject) inputs).has("covariance"))
            throw new PresetException(src, "task.inputs", "expected \"whitened\" or {\"covariance\": [[…]]}");
        double[][] c;
        try {
            c = PresetIo.gson().fromJson(((JsonObject) inputs).get("covariance"), double[][].class);
        } catch (RuntimeException e) {
            throw new PresetException(src, "task.inputs.covariance", "must be a matrix of numbers");
        }
        String f = "task.inputs.covariance";
        matrix(c, n0, n0, f, src);
        double scale = 0;
        for (double[] row : c) for (double v : row) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < n0; i++)
            for (int j = 0; j < i; j++)
                if (Math.abs(c[i][j] - c[j][i]) > PSD_TOLERANCE * Math.max(scale, 1e-300))
                    throw new PresetException(src, f, "not symmetric (entries [" + i + "][" + j + "] and [" + j + "][" + i + "] differ)");
        DMatrixRMaj m = new DMatrixRMaj(c);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n0, false, true);
        if (!eig.decompose(m.copy())) throw new PresetException(src, f, "eigen-decomposition failed");
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n0; i++) min = Math.min(min, eig.getEigenvalue(i).real);
        if (min < -PSD_TOLERANCE * Math.max(scale, 1e-300))
            throw new PresetException(src, f, "not positive semi-definite (smallest eigenvalue " + min + ")");
        if (scale == 0) throw new PresetException(src, f, "is zero");
        return m;
    }

    private static void validateInit(Preset.InitSection init, int[] widths, String src) throws PresetException {
        if (init == null) throw new PresetException(src, "init", "missing");
        if (init.scheme == null) throw new PresetException(src, "init.scheme", "missing");
        Scheme scheme = Scheme.fromId(init.scheme);
        if (scheme == null)
            throw new PresetException(src, "init.scheme", "unknown scheme \"" + init.scheme
                    + "\" (expected aligned, orthogonal, gaussian, residual, explicit, neuron, isotropic or symmetrized)");
        if (init.delta != null && !(Math.abs(init.delta) <= Limits.MAX_MAGNITUDE))
            throw new PresetException(src, "init.delta", "must be a finite number of size at most "
                    + Limits.show(Limits.MAX_MAGNITUDE) + " (the limit), got " + init.delta);
        if (scheme == Scheme.EXPLICIT) {
            if (init.weights == null) throw new PresetException(src, "init.weights", "missing (required by the explicit scheme)");
            int depth = widths.length - 1;
            if (init.weights.length != depth)
                throw new PresetException(src, "init.weights", "needs " + depth + " matrices (one per layer), got " + init.weights.length);
            for (int l = 1; l <= depth; l++)
                matrix(init.weights[l - 1], widths[l], widths[l - 1], "init.weights[" + (l - 1) + "]", src);
            return;
        }
        if (init.scale == null) throw new PresetException(src, "init.scale", "missing");
        if (!Double.isFinite(init.scale)) throw new PresetException(src, "init.scale", "must be a finite number");
        boolean zeroScaleAllowed = scheme == Scheme.RESIDUAL || scheme == Scheme.ISOTROPIC;
        if (zeroScaleAllowed ? init.scale < 0 : init.scale <= 0)
            throw new PresetException(src, "init.scale", "must be " + (zeroScaleAllowed ? "≥ 0" : "> 0") + ", got " + init.scale);
        if (init.scale > Limits.MAX_SCALE)
            throw new PresetException(src, "init.scale", "must be at most " + Limits.show(Limits.MAX_SCALE)
                    + " (the limit), got " + init.scale);
        if (scheme == Scheme.RESIDUAL && init.delta != null && init.delta != 0.0)
            throw new PresetException(src, "init.delta", "the residual scheme has no relative scale (omit it or use 0)");
        if (init.weights != null) throw new PresetException(src, "init.weights", "only the explicit scheme takes weights");
        if (scheme == Scheme.NEURON) neuron(init, widths, src);
        else if (init.direction != null && scheme != Scheme.ISOTROPIC)
            throw new PresetException(src, "init.direction", "only the neuron and isotropic schemes take a direction");
        if (scheme == Scheme.ISOTROPIC) isotropic(init, widths, src);
    }

    /** one hidden neuron, a direction of the right length, finite and non-zero */
    private static void neuron(Preset.InitSection init, int[] widths, String src) throws PresetException {
        if (!NeuronInit.accepts(widths))
            throw new PresetException(src, "network.widths", "the neuron scheme needs one hidden neuron: widths [d, 1, 1] or [1, 1, c]");
        if (init.direction == null) throw new PresetException(src, "init.direction", "missing (required by the neuron scheme)");
        int n = NeuronInit.directionLength(widths);
        if (init.direction.length != n)
            throw new PresetException(src, "init.direction", "needs " + n + " entries, got " + init.direction.length);
        bounded(init.direction, "init.direction", src);
        boolean zero = true;
        for (double v : init.direction) zero &= v == 0;
        if (zero) throw new PresetException(src, "init.direction", "must not be the zero vector");
    }

    /** widths [d, d, …, d, 1]; aaᵀ − δI ⪰ 0 needs δ ≤ 0 when d > 1; τ = 0 needs δ < 0 (else every weight is 0) */
    private static void isotropic(Preset.InitSection init, int[] widths, String src) throws PresetException {
        if (!IsotropicInit.accepts(widths))
            throw new PresetException(src, "network.widths", "the isotropic scheme needs widths [d, d, …, d, 1] (at least one d × d layer)");
        double delta = init.delta == null ? PresetDefaults.DELTA : init.delta;
        if (delta > 0 && widths[0] > 1)
            throw new PresetException(src, "init.delta", "the isotropic scheme needs δ ≤ 0 (aaᵀ − W_LW_Lᵀ = δI with a rank-one aaᵀ), got " + delta);
        if (init.scale == 0 && delta == 0)
            throw new PresetException(src, "init.scale", "τ = 0 with δ = 0 starts every weight at 0; give τ > 0 or δ < 0");
        if (init.direction != null) {
            if (init.direction.length != widths[0])
                throw new PresetException(src, "init.direction", "needs " + widths[0] + " entries (β(0)'s direction), got " + init.direction.length);
            bounded(init.direction, "init.direction", src);
            boolean zero = true;
            for (double v : init.direction) zero &= v == 0;
            if (zero) throw new PresetException(src, "init.direction", "must not be the zero vector");
        }
    }

    private static void validateTraining(Preset.TrainingSection tr, int depth, String src) throws PresetException {
        if (tr == null) throw new PresetException(src, "training", "missing");
        Method method = tr.method == null ? Method.GRADIENT_FLOW : Method.fromId(tr.method);
        if (method == null)
            throw new PresetException(src, "training.method", "unknown method \"" + tr.method
                    + "\" (expected gradient-flow or gradient-descent)");
        if (tr.duration == null) throw new PresetException(src, "training.duration", "missing");
        if (!(tr.duration > 0) || !Double.isFinite(tr.duration))
            throw new PresetException(src, "training.duration", "must be a positive finite number, got " + tr.duration);
        if (tr.duration < Limits.MIN_DURATION || tr.duration > Limits.MAX_DURATION)
            throw new PresetException(src, "training.duration", "must be between " + Limits.MIN_DURATION + " and "
                    + Limits.MAX_DURATION + " (the limits), got " + tr.duration);
        if (tr.maxSteps != null && (tr.maxSteps < 1 || tr.maxSteps > Limits.MAX_MAX_STEPS))
            throw new PresetException(src, "training.maxSteps", "must be between 1 and " + Limits.MAX_MAX_STEPS
                    + " (the limit), got " + tr.maxSteps);
        if (tr.samples != null && (tr.samples < 2 || tr.samples > MAX_SAMPLES))
            throw new PresetException(src, "training.samples", "must be between 2 and " + MAX_SAMPLES + ", got " + tr.samples);
        if (method == Method.GRADIENT_DESCENT) {
            if (tr.learningRate == null)
                throw new PresetException(src, "training.learningRate", "missing (required by gradient-descent)");
            if (!(tr.learningRate > 0) || !Double.isFinite(tr.learningRate))
                throw new PresetException(src, "training.learningRate", "must be a positive finite number, got " + tr.learningRate);
            if (tr.duration / tr.learningRate > MAX_GD_STEPS)
                throw new PresetException(src, "training.duration", "duration/learningRate exceeds " + (long) MAX_GD_STEPS + " steps");
        } else if (tr.learningRate != null && (!(tr.learningRate > 0) || !Double.isFinite(tr.learningRate))) {
            throw new PresetException(src, "training.learningRate", "must be a positive finite number, got " + tr.learningRate);
        }
        if (tr.layerRates != null) {
            if (tr.layerRates.length != depth)
                throw new PresetException(src, "training.layerRates", "needs " + depth + " values (one per layer), got " + tr.layerRates.length);
            for (int i = 0; i < depth; i++)
                if (!(tr.layerRates[i] > 0) || !Double.isFinite(tr.layerRates[i]))
                    throw new PresetException(src, "training.layerRates[" + i + "]", "must be a positive finite number");
        }
        if (Boolean.TRUE.equals(tr.freezeOutput) && depth < 2)
            throw new PresetException(src, "training.freezeOutput", "needs two layers or more (with one, nothing would train)");
        between(tr.rtol, Limits.MIN_RTOL, Limits.MAX_RTOL, "training.rtol", src);
        between(tr.atol, Limits.MIN_ATOL, Limits.MAX_ATOL, "training.atol", src);
    }

    private static void between(Double v, double min, double max, String f, String src) throws PresetException {
        if (v != null && !(v >= min && v <= max))
            throw new PresetException(src, f, "must be between " + min + " and " + max + " (the limits), got " + v);
    }

    /** finite and of size at most Limits.MAX_MAGNITUDE */
    private static void bounded(double[] v, String f, String src) throws PresetException {
        for (int i = 0; i < v.length; i++)
            if (!(Math.abs(v[i]) <= Limits.MAX_MAGNITUDE))
                throw new PresetException(src, f + "[" + i + "]", "must be a finite number of size at most "
                        + Limits.show(Limits.MAX_MAGNITUDE) + " (the limit), got " + v[i]);
    }

    private static void finite(double[] v, String f, String src) throws PresetException {
        for (int i = 0; i < v.length; i++)
            if (!Double.isFinite(v[i])) throw new PresetException(src, f + "[" + i + "]", "must be a finite number");
    }

    static void matrix(double[][] m, int rows, int cols, String f, String src) throws PresetException {
        if (m == null) throw new PresetException(src, f, "missing");
        if (m.length != rows)
            throw new PresetException(src, f, "must be " + rows + "×" + cols + ", got " + m.length + " rows");
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols)
                throw new PresetException(src, f + "[" + i + "]", "must have " + cols + " entries, got "
                        + (m[i] == null ? 0 : m[i].length) + " (shape " + rows + "×" + cols + ")");
            for (int j = 0; j < cols; j++)
                if (!(Math.abs(m[i][j]) <= Limits.MAX_MAGNITUDE))
                    throw new PresetException(src, f + "[" + i + "][" + j + "]", "must be a finite number of size at most "
                            + Limits.show(Limits.MAX_MAGNITUDE) + " (the limit), got " + m[i][j]);
        }
    }
}
