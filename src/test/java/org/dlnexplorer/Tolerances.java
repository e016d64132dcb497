package org.dlnexplorer;

/** Tolerances shared by the tests. */
public final class Tolerances {
    private Tolerances() {}

    /**
     * SPEC §4: the simulation agrees with the exact solutions (and the adaptive engine with the RK4 reference)
     * to 1e-8, absolute or relative to max(1, |value|) as each test states.
     */
    public static final double AGREEMENT = 1e-8;
}
