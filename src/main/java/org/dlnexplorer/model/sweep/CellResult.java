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
 * @param testLoss                     ℒ on the test data at t_end (piecewise-linear networks with test data)
 * @param hamming                      share of the activation pattern changed since t = 0 (piecewise-linear)
 */
public record CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                         double timeToFit, double parameterDistance, double relativeParameterDistance,
                         double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                         long steps, double testLoss, double hamming) {

    /** a cell of a network without test loss or activation pattern (the deep linear network) */
    public CellResult(int ix, int iy, double x, double y, CellStatus status, double kernelDistance,
                      double timeToFit, double parameterDistance, double relativeParameterDistance,
                      double finalSharpness, long divergedAtStep, String message, CellPrediction prediction,
                      long steps) {
        this(ix, iy, x, y, status, kernelDistance, timeToFit, parameterDistance, relativeParameterDistance,
                finalSharpness, divergedAtStep, message, prediction, steps, Double.NaN, Double.NaN);
    }

    public boolean diverged() { return status == CellStatus.DIVERGED; }
    public boolean failed() { return status == CellStatus.FAILED; }
    public boolean ok() { return status == CellStatus.OK; }

    static CellResult failed(int ix, int iy, double x, double y, String message) {
        return new CellResult(ix, iy, x, y, CellStatus.FAILED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, -1, message, CellPrediction.unavailable("the cell failed"), 0);
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
