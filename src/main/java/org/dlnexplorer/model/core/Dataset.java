package org.dlnexplorer.model.core;

/**
 * Raw training (and optional test) data of a scalar regression task: inputs X (n × d, row-major), labels y
 * (n); test inputs and labels (m × d, m) or none; the teacher that made them, when a teacher did. The
 * piecewise-linear family trains on these directly (its loss is not a function of second moments).
 * Immutable: accessors return copies.
 */
public record Dataset(int samples, int inputDim, double[] x, double[] y, int testSamples, double[] testX,
                      double[] testY, Teacher teacher) {
    public Dataset {
        if (x.length != samples * inputDim || y.length != samples)
            throw new IllegalArgumentException("data shapes do not match n = " + samples + ", d = " + inputDim);
        if (testSamples > 0 && (testX == null || testY == null || testX.length != testSamples * inputDim
                || testY.length != testSamples))
            throw new IllegalArgumentException("test data shapes do not match m = " + testSamples + ", d = " + inputDim);
        x = x.clone();
        y = y.clone();
        testX = testSamples > 0 ? testX.clone() : new double[0];
        testY = testSamples > 0 ? testY.clone() : new double[0];
    }

    /** training data only */
    public static Dataset of(int n, int d, double[] x, double[] y) {
        return new Dataset(n, d, x, y, 0, null, null, null);
    }

    @Override public double[] x() { return x.clone(); }
    @Override public double[] y() { return y.clone(); }
    @Override public double[] testX() { return testX.clone(); }
    @Override public double[] testY() { return testY.clone(); }

    public boolean hasTest() { return testSamples > 0; }
}
