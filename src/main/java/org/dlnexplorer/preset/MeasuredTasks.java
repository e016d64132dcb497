package org.dlnexplorer.preset;

import org.dlnexplorer.model.core.Measurements;
import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * The measured tasks of a preset: task.completion {matrix M, mask} (ℒ = ½ Σ_observed ((W_eff)_ij − M_ij)²) and
 * task.sensing {A: [A_1 … A_m], y, optional matrix} (ℒ = ½ Σ_k (⟨A_k, W_eff⟩ − y_k)²): validation and the task.
 */
final class MeasuredTasks {
    /** observations of one sensing task at most (each A_k is n_L × n_0) */
    static final int MAX_MEASUREMENTS = 4096;

    private MeasuredTasks() {}

    static boolean given(Preset.TaskSection task) { return task.completion != null || task.sensing != null; }

    static void validate(Preset.TaskSection task, int n0, int nL, String src) throws PresetException {
        if (task.inputs != null && !(task.inputs.isJsonPrimitive() && "whitened".equals(task.inputs.getAsString())))
            throw new PresetException(src, "task.inputs", "must be omitted for completion and sensing (W_eff is observed directly)");
        if (task.completion != null) {
            Preset.CompletionSection c = task.completion;
            PresetValidator.matrix(c.matrix, nL, n0, "task.completion.matrix", src);
            PresetValidator.matrix(c.mask, nL, n0, "task.completion.mask", src);
            int observed = 0;
            for (int i = 0; i < nL; i++)
                for (int j = 0; j < n0; j++) {
                    double v = c.mask[i][j];
                    if (v != 0 && v != 1)
                        throw new PresetException(src, "task.completion.mask[" + i + "][" + j + "]", "must be 0 or 1, got " + v);
                    if (v == 1) observed++;
                }
            if (observed == 0) throw new PresetException(src, "task.completion.mask", "observes no entry (needs at least one 1)");
        } else {
            Preset.SensingSection s = task.sensing;
            if (s.A == null) throw new PresetException(src, "task.sensing.A", "missing");
            if (s.y == null) throw new PresetException(src, "task.sensing.y", "missing");
            if (s.A.length == 0) throw new PresetException(src, "task.sensing.A", "needs at least one matrix");
            if (s.A.length > MAX_MEASUREMENTS)
                throw new PresetException(src, "task.sensing.A", s.A.length + " matrices exceed the limit of " + MAX_MEASUREMENTS);
            for (int k = 0; k < s.A.length; k++) PresetValidator.matrix(s.A[k], nL, n0, "task.sensing.A[" + k + "]", src);
            if (s.y.length != s.A.length)
                throw new PresetException(src, "task.sensing.y", "needs one value per matrix of A (" + s.A.length + "), got " + s.y.length);
            for (int k = 0; k < s.y.length; k++)
                if (!(Math.abs(s.y[k]) <= Limits.MAX_MAGNITUDE))
                    throw new PresetException(src, "task.sensing.y[" + k + "]", "must be a finite number of size at most "
                            + Limits.show(Limits.MAX_MAGNITUDE) + " (the limit), got " + s.y[k]);
            if (s.matrix != null) PresetValidator.matrix(s.matrix, nL, n0, "task.sensing.matrix", src);
        }
    }

    /** the task of a validated preset */
    static Task task(Preset.TaskSection task) {
        if (task.completion != null) {
            DMatrixRMaj m = new DMatrixRMaj(task.completion.matrix);
            return Task.measured(Measurements.completion(m, new DMatrixRMaj(task.completion.mask)), m);
        }
        Preset.SensingSection s = task.sensing;
        DMatrixRMaj[] a = new DMatrixRMaj[s.A.length];
        for (int k = 0; k < a.length; k++) a[k] = new DMatrixRMaj(s.A[k]);
        return Task.measured(Measurements.sensing(a, s.y), s.matrix == null ? null : new DMatrixRMaj(s.matrix));
    }
}
