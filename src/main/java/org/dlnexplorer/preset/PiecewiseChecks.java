package org.dlnexplorer.preset;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.init.Scheme;

import java.util.Arrays;

/**
 * The preset fields of the two-layer piecewise-linear family (issue #13): network.activation and
 * network.leak, the teacher task and test data, and which initializations it takes. Each problem is one
 * {@link PresetException} naming the file and the field.
 */
final class PiecewiseChecks {
    private PiecewiseChecks() {}

    /** test inputs a preset may ask a teacher for (each is one output of the teacher, test loss costs m·h·d a frame) */
    static final int MAX_TEST_SAMPLES = 100_000;

    /** the network's activation, checked: linear takes no leak, relu a leak of 0 at most, leaky-relu one in [0, 1) */
    static Activation activation(Preset.NetworkSection net, String src) throws PresetException {
        String id = net.activation == null ? Activation.Kind.LINEAR.id() : net.activation;
        Activation.Kind kind = Activation.Kind.fromId(id);
        if (kind == null)
            throw new PresetException(src, "network.activation", "unknown activation \"" + net.activation
                    + "\" (expected linear, relu or leaky-relu)");
        Double leak = net.leak;
        if (leak != null && !Double.isFinite(leak))
            throw new PresetException(src, "network.leak", "must be a finite number, got " + leak);
        Activation act = switch (kind) {
            case LINEAR -> {
                if (leak != null) throw new PresetException(src, "network.leak", "only a leaky-relu network has a leak");
                yield Activation.LINEAR;
            }
            case RELU -> {
                if (leak != null && leak != 0.0)
                    throw new PresetException(src, "network.leak", "a relu network has leak 0 (use leaky-relu for γ = " + leak + ")");
                yield Activation.RELU;
            }
            case LEAKY_RELU -> {
                if (leak == null) throw new PresetException(src, "network.leak", "missing (required by leaky-relu: γ in [0, 1))");
                if (!(leak >= 0 && leak < 1))
                    throw new PresetException(src, "network.leak", "must be in [0, 1), got " + leak);
                yield Activation.leaky(leak);
            }
        };
        int[] w = net.widths;
        if (act.isPiecewise() && (w.length != 3 || w[2] != 1))
            throw new PresetException(src, "network.widths", "a " + id + " network needs widths [d, h, 1], got "
                    + Arrays.toString(w));
        return act;
    }

    /** the teacher task and the test data: piecewise-linear networks only, and the target form is not for them */
    static void task(Preset.TaskSection task, Activation act, int[] widths, String src) throws PresetException {
        boolean piecewise = act.isPiecewise();
        if (piecewise && task.target != null)
            throw new PresetException(src, "task.target", "a " + act.kind().id()
                    + " network trains on data: give task.data or task.teacher");
        if (task.data != null && (task.data.testX != null || task.data.testY != null)) {
            if (!piecewise)
                throw new PresetException(src, "task.data.testX", "test data is for relu and leaky-relu networks");
            if (task.data.testX == null) throw new PresetException(src, "task.data.testX", "missing (testY is given)");
            if (task.data.testY == null) throw new PresetException(src, "task.data.testY", "missing (testX is given)");
            int m = task.data.testX.length;
            if (m == 0) throw new PresetException(src, "task.data.testX", "needs at least one row");
            if (m > MAX_TEST_SAMPLES)
                throw new PresetException(src, "task.data.testX", m + " rows exceed the limit of " + MAX_TEST_SAMPLES);
            PresetValidator.matrix(task.data.testX, m, widths[0], "task.data.testX", src);
            PresetValidator.matrix(task.data.testY, m, 1, "task.data.testY", src);
        }
        Preset.TeacherSection t = task.teacher;
        if (t == null) return;
        if (!piecewise)
            throw new PresetException(src, "task.teacher", "a teacher task is for relu and leaky-relu networks "
                    + "(network.activation)");
        if (t.hidden == null) throw new PresetException(src, "task.teacher.hidden", "missing (the teacher's k)");
        if (t.hidden < 1 || t.hidden > Limits.MAX_WIDTH)
            throw new PresetException(src, "task.teacher.hidden", "must be between 1 and " + Limits.MAX_WIDTH + ", got " + t.hidden);
        if (t.samples == null) throw new PresetException(src, "task.teacher.samples", "missing (training inputs n)");
        if (t.samples < 1 || t.samples > Limits.MAX_DATA_ROWS)
            throw new PresetException(src, "task.teacher.samples", "must be between 1 and " + Limits.MAX_DATA_ROWS
                    + ", got " + t.samples);
        long n = t.samples;
        if (2 * n * n > Limits.MAX_KERNEL_ENTRIES)
            throw new PresetException(src, "task.teacher.samples", n + " samples exceed the limit of "
                    + Limits.MAX_KERNEL_ENTRIES + " kernel entries (2 × samples²; at most "
                    + (long) Math.sqrt(Limits.MAX_KERNEL_ENTRIES / 2.0) + " samples)");
        if (t.testSamples != null && (t.testSamples < 0 || t.testSamples > MAX_TEST_SAMPLES))
            throw new PresetException(src, "task.teacher.testSamples", "must be between 0 and " + MAX_TEST_SAMPLES
                    + ", got " + t.testSamples);
        if (task.inputs != null)
            throw new PresetException(src, "task.inputs", "must be omitted when a teacher is given (inputs are on the sphere)");
    }

    /** the piecewise family starts explicit, symmetrized, gaussian or orthogonal; symmetrized needs [d, h, 1], h even */
    static void init(Preset.InitSection init, Activation act, int[] widths, String src) throws PresetException {
        Scheme scheme = Scheme.fromId(init.scheme);
        if (scheme == Scheme.SYMMETRIZED && (widths.length != 3 || widths[2] != 1 || widths[1] % 2 != 0))
            throw new PresetException(src, "init.scheme", "symmetrized needs widths [d, h, 1] with h even, got "
                    + Arrays.toString(widths));
        if (act.isPiecewise() && (scheme == Scheme.ALIGNED || scheme == Scheme.RESIDUAL || scheme == Scheme.NEURON
                || scheme == Scheme.ISOTROPIC))
            throw new PresetException(src, "init.scheme", init.scheme + " is for linear networks; a "
                    + act.kind().id() + " network starts symmetrized, gaussian, orthogonal or explicit");
    }
}
