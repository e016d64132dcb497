package org.dlnexplorer.model.sweep;

/** The per-cell quantities a phase diagram can colour by, with their CSV column names and labels. */
public enum Metric {
    KERNEL_DISTANCE("kernel_distance", "Kernel distance S(0, t_end)", ""),
    TIME_TO_FIT("time_to_fit", "Time to fit t_fit (loss down to 1 %)", "time units"),
    PARAMETER_DISTANCE("parameter_distance", "Parameter distance ‖θ(T) − θ(0)‖", ""),
    RELATIVE_PARAMETER_DISTANCE("relative_parameter_distance", "Relative parameter distance ‖θ(T) − θ(0)‖/‖θ(0)‖", ""),
    FINAL_SHARPNESS("final_sharpness", "Final sharpness λ_max(∇²ℒ)", ""),
    THEORY_KERNEL_DISTANCE("theory_kernel_distance", "Theory: kernel distance S(0, t_end)", ""),
    THEORY_TIME_TO_FIT("theory_time_to_fit", "Theory: time to fit", "time units"),
    THEORY_KERNEL_DISTANCE_LIMIT("theory_kernel_distance_limit", "Theory: kernel distance S(0, ∞)", ""),
    /** piecewise-linear cells: ℒ on the test data at t_end */
    TEST_LOSS("test_loss", "Test loss ℒ_test(t_end)", ""),
    /** piecewise-linear cells: fraction of the activation pattern changed from t = 0 */
    HAMMING("hamming", "Hamming distance of the activation pattern to t = 0", "");

    private final String column;
    private final String label;
    private final String unit;

    Metric(String column, String label, String unit) {
        this.column = column;
        this.label = label;
        this.unit = unit;
    }

    public String column() { return column; }
    public String label() { return label; }
    /** "" when dimensionless */
    public String unit() { return unit; }
    /** a simulated value read at t_end: it says nothing about the regime of a run whose loss has not converged */
    public boolean readAtEnd() {
        return this == KERNEL_DISTANCE || this == PARAMETER_DISTANCE || this == RELATIVE_PARAMETER_DISTANCE
                || this == FINAL_SHARPNESS || this == HAMMING;
    }

    /** metrics that live in [0, 1] get a fixed colour range */
    public boolean unitInterval() {
        return this == KERNEL_DISTANCE || this == THEORY_KERNEL_DISTANCE || this == THEORY_KERNEL_DISTANCE_LIMIT
                || this == HAMMING;
    }
}
