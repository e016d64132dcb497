package org.dlnexplorer.model.sweep;

/**
 * The metrics of one finished grid cell (immutable). Missing values are NaN (never reached, not recorded,
 * or not meaningful because the cell diverged or failed).
 *
 * @param ix, iy                       grid indices
 * @param x, y                         the axis values
 * @param kernelDistance               S(0, t_end)
 * @param timeToFit                    first t with ℒ − ℒ_min ≤ {@link CellMetrics#FIT_FRACTION}·(ℒ(0) − ℒ_min),
 *                                     linearly interpolated between recorded frames; NaN when never
 * @param parameterDistance            ‖θ(t_end) − θ(0)‖ (NaN for networks whose weights are not recorded)
 * @param relativeParameterDistance    ‖θ(t_end) − θ(0)‖ / ‖θ(0)‖ (NaN when θ(0) = 0)
 * @param finalSharpness               λ_max of the Hessian at t_end (gradient descent, or when recorded)
 * @param divergedAtStep               step of the divergence, or −1
 * @param message                      why the cell failed or stopped (null otherwise)
 * @param prediction                   the theory's prediction (never null; maybe unavailable)
 * @param steps                        integrator / gradient-descent steps taken (cost)
 * @param fitted                       the loss converged by t_end by the regime rule
 *                                     ({@link org.dlnexplorer.model.observe.Regime#converged}); a cell that has
 *                                     not is "not fitted yet": its S(0, t_end) says nothing about its regime
 * @param testLoss                     ℒ on the test data at t_end (piecewise-linear cells with test data)
 * @param hamming                      the activation pattern's Hamming distance to t = 0 at t_end (piecewise)
 * @param finalLoss                    ℒ(t_end) (NaN unless the cell ran to the end)
 * @param converged                    loss and sharpness stopped moving
 *                                     ({@link org.dlnexplorer.model.observe.Convergence#converged})
 */
public record CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                         double timeToFit, double parameterDistance, double relativeParameterDistance,
                         double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                         long steps, boolean fitted, double testLoss, double hamming, double finalLoss,
                         boolean converged) {

    /** a cell without the final loss and the convergence rule (tests, hand-made results): converged when fitted */
    public CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                      double timeToFit, double parameterDistance, double relativeParameterDistance,
                      double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                      long steps, boolean fitted, double testLoss, double hamming) {
        this(ix, iy, x, y, status, kernelDistance, timeToFit, parameterDistance, relativeParameterDistance,
                finalSharpness, divergedAtStep, message, prediction, steps, fitted, testLoss, hamming, Double.NaN,
                fitted && status == CellStatus.OK);
    }

    /** a cell whose convergence is not known: fitted when it ran to the end (tests, hand-made results) */
    public CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                      double timeToFit, double parameterDistance, double relativeParameterDistance,
                      double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                      long steps) {
        this(ix, iy, x, y, status, kernelDistance, timeToFit, parameterDistance, relativeParameterDistance,
                finalSharpness, divergedAtStep, message, prediction, steps, status == CellStatus.OK);
    }

    /** a cell without the piecewise-linear family's metrics (test loss, Hamming distance) */
    public CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                      double timeToFit, double parameterDistance, double relativeParameterDistance,
                      double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                      long steps, boolean fitted) {
        this(ix, iy, x, y, status, kernelDistance, timeToFit, parameterDistance, relativeParameterDistance,
                finalSharpness, divergedAtStep, message, prediction, steps, fitted, Double.NaN, Double.NaN);
    }

    public boolean diverged() { return status == CellStatus.DIVERGED; }
    public boolean failed() { return status == CellStatus.FAILED; }
    public boolean ok() { return status == CellStatus.OK; }

    static CellResult failed(int ix, int iy, double x, double y, String message) {
        return new CellResult(ix, iy, x, y, CellStatus.FAILED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, -1, message, CellPrediction.unavailable("the cell failed"), 0, false);
    }

    /** ran to the end but its loss has not converged: the map shows it as "not fitted yet", never as a regime */
    public boolean notFitted() { return ok() && !fitted; }

    /**
     * The value the map colours and contours: the metric of a finished cell, NaN for a cell not fitted yet
     * (a simulated metric at t_end says nothing about its regime; the theory's metrics stay).
     */
    public double shown(Metric m) {
        if (!ok()) return Double.NaN;
        if (!fitted && m.readAtEnd()) return Double.NaN;
        return metric(m);
    }

    /** the value of a metric by its CSV column name (NaN when missing) */
    public double metric(Metric m) {
        return switch (m) {
            case KERNEL_DISTANCE -> kernelDistance;
            case TIME_TO_FIT -> timeToFit;
            case PARAMETER_DISTANCE -> parameterDistance;
            case RELATIVE_PARAMETER_DISTANCE -> relativeParameterDistance;
            case FINAL_SHARPNESS -> finalSharpness;
            case THEORY_KERNEL_DISTANCE -> prediction.kernelDistance();
            case THEORY_TIME_TO_FIT -> prediction.timeToFit();
            case THEORY_KERNEL_DISTANCE_LIMIT -> prediction.kernelDistanceLimit();
            case TEST_LOSS -> testLoss;
            case HAMMING -> hamming;
        };
    }
}
