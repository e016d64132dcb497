package org.dlnexplorer.model.relu;

/** The integrator's continuous extension over one accepted step, s ∈ [0, 1] from its start to its end. */
public interface Interpolant {
    /** component j of the state at s */
    double component(int j, double s);

    /** the whole state at s into out */
    void state(double s, double[] out);
}
