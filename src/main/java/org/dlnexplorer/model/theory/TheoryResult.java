package org.dlnexplorer.model.theory;

/**
 * The exact solution of a run evaluated on the run's t grid (SPEC §3 "exact"), or the reason none
 * applies. Arrays are per frame: singularValues[i] descending; weights[i][ℓ−1] row-major W_ℓ (may be null).
 */
public final class TheoryResult {
    private final boolean available;
    private final String model;
    private final String reason;
    private final double[] t;
    private final double[][] singularValues;
    private final double[][][] weights;
    private final double[] loss;
    private final double[] kernelDistance;

    private TheoryResult(boolean available, String model, String reason, double[] t, double[][] singularValues,
                         double[][][] weights, double[] loss, double[] kernelDistance) {
        this.available = available;
        this.model = model;
        this.reason = reason;
        this.t = t;
        this.singularValues = singularValues;
        this.weights = weights;
        this.loss = loss;
        this.kernelDistance = kernelDistance;
    }

    public static TheoryResult unavailable(String reason) {
        return new TheoryResult(false, null, reason, null, null, null, null, null);
    }

    public static TheoryResult of(String model, double[] t, double[][] singularValues, double[][][] weights,
                                  double[] loss) {
        return new TheoryResult(true, model, null, t.clone(), singularValues, weights, loss, null);
    }

    /** As {@link #of(String, double[], double[][], double[][][], double[])} plus the exact S(0,t) per frame. */
    public static TheoryResult of(String model, double[] t, double[][] singularValues, double[][][] weights,
                                  double[] loss, double[] kernelDistance) {
        return new TheoryResult(true, model, null, t.clone(), singularValues, weights, loss, kernelDistance);
    }

    public boolean available() { return available; }
    /** "saxe", "lambda-balanced", "single-neuron", … */
    public String model() { return model; }
    public String reason() { return reason; }
    public double[] t() { return t == null ? null : t.clone(); }
    public double[][] singularValues() { return singularValues; }
    public double[][][] weights() { return weights; }
    /** exact ℒ(t) where known, else null */
    public double[] loss() { return loss; }
    /** exact kernel distance S(0,t) per frame where known, else null */
    public double[] kernelDistance() { return kernelDistance; }
}
