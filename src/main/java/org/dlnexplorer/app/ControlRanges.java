package org.dlnexplorer.app;

/** The ranges of the controls' sliders (a loaded value outside is clamped into them). */
public final class ControlRanges {
    private ControlRanges() {}

    public static final double DELTA_MIN = -8, DELTA_MAX = 8;
    /** τ down to 1e−12: the saddle-to-saddle preset starts there (every plateau needs a tiny init) */
    public static final double TAU_MIN = 1e-12, TAU_MAX = 10;
    /** hidden width of a deep linear network */
    public static final int DEPTH_MAX = 8, WIDTH_MAX = 64;
    /** a piecewise-linear network's hidden neurons h (even: the symmetrized start mirrors h/2 pairs) and leak γ */
    public static final int NEURONS_MIN = 2, NEURONS_MAX = 200;
    public static final double LEAK_MIN = 0, LEAK_MAX = 0.99;
    public static final double ETA_MIN = 1e-4, ETA_MAX = 2;
    public static final double DURATION_MIN = 0.1, DURATION_MAX = 200;
    public static final double SPEED_MIN = 0.1, SPEED_MAX = 10;
    /** target singular values s_α accepted by the targets field */
    public static final double TARGET_MAX = 100;
    /** runs in a compare set edited in the panel (each is simulated and drawn in its own colour) */
    public static final int COMPARE_MAX = 8;
}
