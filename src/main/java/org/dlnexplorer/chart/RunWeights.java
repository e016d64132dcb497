package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.List;

/**
 * The recorded weights of a trajectory's frames, and of its exact solution, read out once per trajectory for every
 * view that draws them ({@link Frame#weights()} and {@link TheoryResult#weights()} hand out deep copies; the
 * single-neuron views, the App. A panels and function space each read all of them). Trajectories and theory
 * results are immutable, so an entry is never stale. Read only.
 */
final class RunWeights {
    private RunWeights() {}

    /** the last few run sets' trajectories (a compare set of 7 single-neuron runs, drafts and full pictures) */
    private static final Memo<Memo.Identity, double[][][]> FRAMES = new Memo<>(24), EXACT = new Memo<>(24);

    /** W per frame ([frame][layer][row-major entries]; a frame without recorded weights: null) */
    static double[][][] frames(Trajectory tr) {
        return FRAMES.get(new Memo.Identity(List.of(tr)), k -> {
            List<Frame> fs = tr.frames();
            double[][][] w = new double[fs.size()][][];
            for (int i = 0; i < w.length; i++) w[i] = fs.get(i).hasWeights() ? fs.get(i).weights() : null;
            return w;
        });
    }

    /** the exact solution's weights per time, or null when it has none */
    static double[][][] exact(TheoryResult ex) {
        if (ex == null) return null;
        double[][][] w = EXACT.get(new Memo.Identity(List.of(ex)), k -> {
            double[][][] c = ex.weights();
            return c == null ? NONE : c;
        });
        return w == NONE ? null : w;
    }

    /** a theory result without weights (the memo holds no nulls) */
    private static final double[][][] NONE = new double[0][][];
}
