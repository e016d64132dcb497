package org.dlnexplorer.model.engine;

/** How a run is integrated. */
public enum Method {
    /** adaptive Dormand–Prince 5(4) gradient flow */
    GRADIENT_FLOW("gradient-flow"),
    /** fixed-step RK4 gradient flow (reference) */
    GRADIENT_FLOW_RK4("gradient-flow-rk4"),
    /** discrete gradient descent W ← W − η·η_ℓ ∂ℒ/∂W_ℓ */
    GRADIENT_DESCENT("gradient-descent");

    private final String id;
    Method(String id) { this.id = id; }

    /** the preset's name for it ({@code training.method}) */
    public String id() { return id; }

    public boolean isFlow() { return this != GRADIENT_DESCENT; }

    /**
     * The name a run records and the output writes ({@code "method"} in {@code run} JSON, CSV, the trajectory):
     * "gradient-flow" for every integrator of the flow, "gradient-descent" for gradient descent.
     */
    public String outputName() { return isFlow() ? GRADIENT_FLOW.id : GRADIENT_DESCENT.id; }

    /** whether a run that recorded this output name ({@link #outputName()}) is gradient descent */
    public static boolean isGradientDescent(String outputName) { return GRADIENT_DESCENT.id.equals(outputName); }

    /** The method a preset names, or null for a name that is none. */
    public static Method fromId(String id) {
        for (Method m : values()) if (m.id.equals(id)) return m;
        return null;
    }
}
