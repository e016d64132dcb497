package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.core.Task;

/**
 * Readouts of a task observed through measurements (matrix completion, sensing): the nuclear norm
 * ‖W_eff‖_* = Σ σ_i(W_eff) and the recovery error ‖W_eff − M‖_F against the matrix M behind the observations.
 */
public final class Recovery {
    private Recovery() {}

    /** ‖W_eff‖_* = Σ_i σ_i */
    public static double nuclearNorm(Frame f) {
        double s = 0;
        for (double v : f.singularValues()) s += v;
        return s;
    }

    /** ‖W_eff − M‖_F, NaN when the task does not know M */
    public static double error(Frame f, Task task) {
        if (!task.truthKnown()) return Double.NaN;
        double[] w = f.effectiveWeight(), m = task.target().data;
        double s = 0;
        for (int i = 0; i < w.length; i++) s += (w[i] - m[i]) * (w[i] - m[i]);
        return Math.sqrt(s);
    }
}
