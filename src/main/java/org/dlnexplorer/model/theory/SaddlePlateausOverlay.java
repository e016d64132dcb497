package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Task;

/**
 * "saddle-plateaus": the loss levels of the saddles on the saddle-to-saddle path, ℒ_r = c/2 Σ_{α&gt;r} s_α² + ℒ_min
 * for r = 0 … k−1 (k nonzero target singular values, Σxx = cI), descending ({@link Saddles#plateauLevels}).
 */
final class SaddlePlateausOverlay implements Overlay {
    static final String ID = "saddle-plateaus";
    /** singular values below this × the largest count as zero (a random basis gives 1e−17 for a zero target) */
    static final double ZERO_LEVEL = 1e-12;

    @Override public String id() { return ID; }

    @Override
    public String whyNot(OverlayInput run) {
        Task task = run.task();
        if (task == null) return "the run carries no task";
        double c = Theories.isotropicScale(task.sigmaXX());
        if (!(c > 0)) return "inputs are not whitened (Σxx is not a multiple of I): the plateau levels are known for whitened inputs";
        if (nonzeroModes(task.targetSingularValues()) == 0) return "the target is zero: there is no saddle to leave";
        return null;
    }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        String why = whyNot(run);
        if (why != null) return OverlayResult.unavailable(ID, why);
        Task task = run.task();
        double[] s = task.targetSingularValues();
        double[] all = Saddles.plateauLevels(s, Theories.isotropicScale(task.sigmaXX()), task.minimumLoss());
        return OverlayResult.array(ID, "levels", java.util.Arrays.copyOf(all, nonzeroModes(s)));
    }

    static int nonzeroModes(double[] s) {
        double max = 0;
        for (double v : s) max = Math.max(max, v);
        int k = 0;
        for (double v : s) if (v > ZERO_LEVEL * max) k++;
        return k;
    }
}
