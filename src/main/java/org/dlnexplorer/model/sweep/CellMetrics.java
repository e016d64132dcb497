package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Regime;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.List;

/** Reduces one simulated trajectory to the per-cell metrics of a sweep. */
public final class CellMetrics {
    /** "fitted" means ℒ − ℒ_min ≤ FIT_FRACTION · (ℒ(0) − ℒ_min) */
    public static final double FIT_FRACTION = 0.01;

    private CellMetrics() {}

    /** The metrics of a complete or diverged trajectory (a cancelled one must not be passed). */
    public static CellResult of(int ix, int iy, double x, double y, SimulationSpec spec, Trajectory tr,
                                CellPrediction prediction) {
        if (tr.stopped() != null) {
            return new CellResult(ix, iy, x, y, CellStatus.STOPPED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, -1, tr.stopped().describe(), prediction, tr.steps(), false);
        }
        if (tr.diverged() || tr.frames().isEmpty()) {
            long at = tr.divergedAtStep() == null ? -1 : tr.divergedAtStep();
            return new CellResult(ix, iy, x, y, CellStatus.DIVERGED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, at, null, prediction, tr.steps(), false);
        }
        Frame first = tr.frames().get(0), last = tr.last();
        if (tr.isPiecewise()) return piecewise(ix, iy, x, y, tr, first, last, prediction);
        double[] dist = parameterDistance(first, last);
        double sharp = last.hasSharpness() ? last.sharpness() : Double.NaN;
        return new CellResult(ix, iy, x, y, CellStatus.OK, last.kernelDistance(),
                timeToFit(tr.frames(), spec.task().minimumLoss()), dist[0], dist[1], sharp, -1, null, prediction,
                tr.steps(), Regime.converged(first.loss(), last.loss(), spec.task().minimumLoss()), Double.NaN,
                Double.NaN, last.loss(), Convergence.converged(tr.frames(), spec.task().minimumLoss()));
    }

    /**
     * A piecewise-linear cell (issue #13): kernel distance, test loss, Hamming and parameter distance at t_end;
     * the time to fit measured against ℒ = 0 (a teacher–student task is realizable; the covariance form's ℒ_min
     * is the best linear fit, not the network's); not fitted yet (fitted = false) when ℒ(t_end) is still above 1 % of ℒ(0).
     */
    private static CellResult piecewise(int ix, int iy, double x, double y, Trajectory tr, Frame first, Frame last,
                                        CellPrediction prediction) {
        double fit = timeToFit(tr.frames(), 0.0);
        double[] rel = parameterDistance(first, last);
        return new CellResult(ix, iy, x, y, CellStatus.OK, last.kernelDistance(), fit, last.parameterDistance(), rel[1],
                Double.NaN, -1, null, prediction, tr.steps(), !Double.isNaN(fit), last.testLoss(), last.hamming(),
                last.loss(), Convergence.converged(tr.frames(), 0.0));
    }

    /**
     * First t with e(t) = ℒ(t) − ℒ_min ≤ FIT_FRACTION·e(0), interpolated between the two frames that bracket
     * the crossing linearly in log e (exact for the exponential decay near a minimum; linearly in e when a
     * bracketing frame has e = 0); 0 when already fitted; NaN when never reached.
     */
    public static double timeToFit(List<Frame> frames, double minimumLoss) {
        if (frames.isEmpty()) return Double.NaN;
        double e0 = Math.max(0.0, frames.get(0).loss() - minimumLoss);
        double goal = FIT_FRACTION * e0;
        double prevT = frames.get(0).t(), prevE = e0;
        if (e0 <= goal) return prevT;
        for (int i = 1; i < frames.size(); i++) {
            double t = frames.get(i).t(), e = Math.max(0.0, frames.get(i).loss() - minimumLoss);
            if (e <= goal) {
                double u = e > 0
                        ? Math.log(prevE / goal) / Math.log(prevE / e)   // log e linear in t
                        : (prevE - goal) / (prevE - e);                  // e linear in t
                return prevT + Math.min(1.0, Math.max(0.0, u)) * (t - prevT);
            }
            prevT = t;
            prevE = e;
        }
        return Double.NaN;
    }

    /** {‖θ(T) − θ(0)‖, ‖θ(T) − θ(0)‖/‖θ(0)‖}; NaN when the frames carry no weights */
    static double[] parameterDistance(Frame first, Frame last) {
        if (!first.hasWeights() || !last.hasWeights()) return new double[] {Double.NaN, Double.NaN};
        double[][] w0 = first.weights(), w1 = last.weights();
        double d2 = 0, n2 = 0;
        for (int l = 0; l < w0.length; l++) {
            for (int i = 0; i < w0[l].length; i++) {
                double d = w1[l][i] - w0[l][i];
                d2 += d * d;
                n2 += w0[l][i] * w0[l][i];
            }
        }
        double d = Math.sqrt(d2);
        return new double[] {d, n2 > 0 ? d / Math.sqrt(n2) : Double.NaN};
    }
}
