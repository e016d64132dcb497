package org.dlnexplorer.model.sweep;

/**
 * The theory's prediction for one cell, or the reason none applies. Values are NaN where not predicted.
 *
 * @param model               "lambda-balanced-aligned" (exact per-mode solution at t_end) or
 *                            "lambda-balanced-limit" (only the t → ∞ kernel distance)
 * @param kernelDistance      S(0, t_end) of the exact solution
 * @param timeToFit           first t with ℒ(t) − ℒ_min ≤ 1 % of ℒ(0) − ℒ_min on the exact solution
 * @param parameterDistance   ‖θ(t_end) − θ(0)‖ of the exact solution
 * @param kernelDistanceLimit S(0, ∞) at convergence to W_eff = T (depends on δ and T only)
 */
public record CellPrediction(boolean available, String model, String reason, double kernelDistance,
                             double timeToFit, double parameterDistance, double kernelDistanceLimit) {

    public static CellPrediction unavailable(String reason) {
        return new CellPrediction(false, null, reason, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
