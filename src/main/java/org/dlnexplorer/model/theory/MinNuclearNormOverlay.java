package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Measurements;
import org.dlnexplorer.model.core.Task;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "min-nuclear-norm": the smallest nuclear norm among the matrices that fit the observations of a completion
 * or sensing task, min ‖X‖_* s.t. 𝒜(X) = y ({@link NuclearNormMinimum}), as "value", and the minimizer X
 * (row-major, n_L × n_0) as "matrix" when it has at most {@link #MATRIX_ENTRIES} entries. Solutions are cached
 * by the observations (a chart asks on every paint).
 */
final class MinNuclearNormOverlay implements Overlay {
    static final String ID = "min-nuclear-norm";
    /** the minimizer is written out up to this many entries */
    static final int MATRIX_ENTRIES = 400;
    private static final int CACHE = 16;
    private static final Map<String, NuclearNormMinimum.Solution> SOLVED = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, NuclearNormMinimum.Solution> e) { return size() > CACHE; }
    };

    @Override public String id() { return ID; }

    @Override
    public String whyNot(OverlayInput run) {
        Task task = run.task();
        if (task == null) return "the run carries no task";
        if (!task.isMeasured()) return "the nuclear-norm minimum is for tasks that observe W_eff through measurements (task.completion or task.sensing)";
        return null;
    }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        String why = whyNot(run);
        if (why != null) return OverlayResult.unavailable(ID, why);
        NuclearNormMinimum.Solution s = solution(run.task().measurements());
        Map<String, double[]> arrays = new LinkedHashMap<>();
        if (s.x().data.length <= MATRIX_ENTRIES) arrays.put("matrix", s.x().data.clone());
        return OverlayResult.of(ID, Map.of("value", s.value()), arrays);
    }

    static NuclearNormMinimum.Solution solution(Measurements ms) {
        StringBuilder key = new StringBuilder(ms.rows() + "x" + ms.cols() + ":" + Arrays.toString(ms.values()));
        for (int k = 0; k < ms.count(); k++) key.append(Arrays.hashCode(ms.matrix(k).data)).append(',');
        String k = key.toString();
        synchronized (SOLVED) {
            NuclearNormMinimum.Solution s = SOLVED.get(k);
            if (s != null) return s;
        }
        NuclearNormMinimum.Solution s = NuclearNormMinimum.solve(ms);
        synchronized (SOLVED) { SOLVED.put(k, s); }
        return s;
    }
}
