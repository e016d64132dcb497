package org.dlnexplorer.model.engine;

/** dy/dt = f(y), autonomous. Implementations write into dy and must not keep y. */
@FunctionalInterface
public interface VectorField {
    void evaluate(double[] y, double[] dy);
}
