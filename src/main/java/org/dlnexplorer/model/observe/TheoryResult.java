package org.dlnexplorer.model.observe;

/**
 * The exact solution of a run evaluated on the run's t grid (SPEC §3 "exact"), or the reason none
 * applies. Arrays are per frame: singularValues[i] descending; weights[i][ℓ−1] row-major W_ℓ (may be null).
 * A value attached to a {@link Trajectory}; model.theory computes it. Immutable like {@link Frame}: the
 * arrays are copied in and every accessor hands out a copy, so a result may be shared across threads.
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
        this.t = copy(t);
        this.singularValues = copy(singularValues);
        this.weights = copy(weights);
        this.loss = copy(loss);
        this.kernelDistance = copy(kernelDistance);
    }

    public static TheoryResult unavailable(String reason) {
        return new TheoryResult(false, null, reason, null, null, null, null, null);
    }

    public static TheoryResult of(String model, double[] t, double[][] singularValues, double[][][] weights,
                                  double[] loss) {
        return new TheoryResult(true, model, null, t, singularValues, weights, loss, null);
    }

    /** As {@link #of(String, double[], double[][], double[][][], double[])} plus the exact S(0,t) per frame. */
    public static TheoryResult of(String model, double[] t, double[][] singularValues, double[][][] weights,
                                  double[] loss, double[] kernelDistance) {
        return new TheoryResult(true, model, null, t, singularValues, weights, loss, kernelDistance);
    }

    public boolean available() { return available; }
    /** "saxe", "lambda-balanced", "single-neuron", … */
    public String model() { return model; }
    public String reason() { return reason; }
    public double[] t() { return copy(t); }
    public double[][] singularValues() { return copy(singularValues); }
    public double[][][] weights() { return copy(weights); }
    /** exact ℒ(t) where known, else null */
    public double[] loss() { return copy(loss); }
    /** exact kernel distance S(0,t) per frame where known, else null */
    public double[] kernelDistance() { return copy(kernelDistance); }

    private static double[] copy(double[] a) { return a == null ? null : a.clone(); }

    private static double[][] copy(double[][] a) {
        if (a == null) return null;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = copy(a[i]);
        return c;
    }

    private static double[][][] copy(double[][][] a) {
        if (a == null) return null;
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) c[i] = copy(a[i]);
        return c;
    }
}
