package org.dlnexplorer.model.observe;

/**
 * What the views need to know about the configuration behind a trajectory: the target's singular values
 * s_α (levels, plateaus ½Σ_{α>r}s_α²), the minimum loss, the learning rate η (2/η line), τ, δ, the
 * per-layer rates and the init scheme. Immutable.
 */
public record RunInfo(double[] targetSingularValues, double minimumLoss, double learningRate, double scale,
                      double delta, double[] layerRates, String scheme, boolean whitened) {
    public RunInfo {
        targetSingularValues = targetSingularValues.clone();
        layerRates = layerRates.clone();
    }

    @Override
    public double[] targetSingularValues() { return targetSingularValues.clone(); }

    @Override
    public double[] layerRates() { return layerRates.clone(); }

    /** plateau loss levels ½ Σ_{α>r} s_α² + ℒ_min for r = 0 … k−1 (saddle-to-saddle) */
    public double[] plateauLosses() {
        int k = targetSingularValues.length;
        double[] out = new double[k];
        for (int r = 0; r < k; r++) {
            double sum = 0;
            for (int a = r; a < k; a++) sum += targetSingularValues[a] * targetSingularValues[a];
            out[r] = 0.5 * sum + minimumLoss;
        }
        return out;
    }
}
