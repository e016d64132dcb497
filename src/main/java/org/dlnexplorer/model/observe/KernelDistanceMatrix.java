package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Kunin et al. (seed 002 §2, "Notation") kernel distance between any two times,
 * S(t₁, t₂) = 1 − ⟨K_{t₁}, K_{t₂}⟩_F / (‖K_{t₁}‖_F ‖K_{t₂}‖_F), from the NTK K of a linear network at recorded frames
 * ({@link Observables#ntkMatrix}, the same kernel as the frames' S(0, t)). At most {@link #MAX_FRAMES} frames,
 * evenly spaced in index, the first and the last always among them.
 */
public final class KernelDistanceMatrix {
    /** the heat map's side: S at up to 64 × 64 pairs of times */
    public static final int MAX_FRAMES = 64;

    /** the frames used (their indices and times) and S between each pair (symmetric, zero diagonal) */
    public record Result(int[] frames, double[] t, double[][] s) {}

    private KernelDistanceMatrix() {}

    /** why S(t₁, t₂) cannot be computed from the recorded run (one sentence), or null */
    public static String whyNot(Trajectory tr) {
        if (tr.isPiecewise()) return "the kernel-distance matrix is computed for linear networks";
        if (tr.frames().size() < 2) return "the run has fewer than two frames";
        if (!tr.frames().get(0).hasWeights())
            return "the weights are recorded only for networks of at most " + Frame.MAX_WEIGHT_PARAMETERS + " parameters";
        if (tr.setup() == null) return "the run carries no task";
        return null;
    }

    /** S over at most maxFrames frames of the run (whyNot must be null) */
    public static Result of(Trajectory tr, int maxFrames) {
        Trajectory.Setup setup = tr.setup();
        Observables obs = new Observables(setup.network(), setup.task(), new Objective(setup.network(), setup.task()), false);
        List<Frame> fs = tr.frames();
        int[] idx = subsample(fs.size(), maxFrames);
        DMatrixRMaj[] k = new DMatrixRMaj[idx.length];
        double[] t = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            Frame f = fs.get(idx[i]);
            k[i] = obs.ntkMatrix(f.theta());
            t[i] = f.t();
        }
        double[][] s = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++)
            for (int j = i; j < idx.length; j++) {
                // S(t_i, t_j) = 1 − ⟨K_i, K_j⟩_F / (‖K_i‖_F ‖K_j‖_F)
                double v = Observables.kernelDistance(k[i], k[j]);
                s[i][j] = v;
                s[j][i] = v;
            }
        return new Result(idx, t, s);
    }

    /** up to max indices of 0 … n − 1, evenly spaced, first and last included */
    static int[] subsample(int n, int max) {
        int m = Math.min(n, Math.max(2, max));
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = (int) Math.round((double) i * (n - 1) / (m - 1));
        return out;
    }
}
