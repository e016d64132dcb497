package org.dlnexplorer.model.core;

/**
 * The teacher network of a teacher–student task, f*(x) = Σ_j a*_j σ(w*_j · x) (Kunin et al. App. C, Fig. 1).
 *
 * @param weights W* (k × d), row-major, rows on the unit sphere
 * @param output  a* (k), each ±1
 */
public record Teacher(int hidden, int inputDim, double[] weights, double[] output) {
    public Teacher {
        if (weights.length != hidden * inputDim || output.length != hidden)
            throw new IllegalArgumentException("teacher shapes do not match k = " + hidden + ", d = " + inputDim);
        weights = weights.clone();
        output = output.clone();
    }

    @Override public double[] weights() { return weights.clone(); }
    @Override public double[] output() { return output.clone(); }

    /** f*(x) with activation σ */
    public double apply(Activation sigma, double[] x, int offset) {
        double f = 0;
        for (int j = 0; j < hidden; j++) {
            double z = 0;
            for (int c = 0; c < inputDim; c++) z += weights[j * inputDim + c] * x[offset + c];
            f += output[j] * sigma.sigma(z);
        }
        return f;
    }
}
