package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Teacher;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-layer views' data ({@link StudentRun}) read from a run set: the members of the piecewise-linear
 * family whose frames carry their weights [W (h × d), aᵀ (1 × h)], with the task's training inputs and teacher.
 */
final class StudentRuns {
    private StudentRuns() {}

    /** whether a run is of the two-layer piecewise-linear family with its weights and data on every frame */
    static boolean applies(Trajectory t) {
        if (!t.isPiecewise() || t.frames().isEmpty() || t.setup().task().dataset() == null) return false;
        for (Frame f : t.frames()) if (!f.hasWeights()) return false;
        return true;
    }

    /** and with two inputs (the input-space picture and the direction angle) */
    static boolean appliesIn2d(Trajectory t) {
        return applies(t) && t.widths()[0] == 2;
    }

    static List<StudentRun> of(RunSet rs) {
        List<StudentRun> out = new ArrayList<>();
        if (rs == null) return out;
        for (RunSet.Labeled l : rs.runs()) if (applies(l.trajectory())) out.add(of(l.label(), l.trajectory()));
        return out;
    }

    static StudentRun of(String label, Trajectory tr) {
        int d = tr.widths()[0], h = tr.widths()[1];
        List<Frame> fs = tr.frames();
        int n = fs.size();
        double[] t = new double[n];
        double[][] w = new double[n][], a = new double[n][];
        for (int f = 0; f < n; f++) {
            double[][] layers = fs.get(f).weights();
            t[f] = fs.get(f).t();
            w[f] = layers[0];
            a[f] = layers[1];
        }
        Dataset data = tr.setup().task().dataset();
        Teacher teacher = data.teacher();
        int k = teacher == null || teacher.inputDim() != d ? 0 : teacher.hidden();
        return new StudentRun(label, d, h, t, w, a, data.x(), data.y(), k,
                k == 0 ? null : teacher.weights(), k == 0 ? null : teacher.output());
    }
}
