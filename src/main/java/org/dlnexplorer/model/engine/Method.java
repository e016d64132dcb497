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
    public String id() { return id; }
    public boolean isFlow() { return this != GRADIENT_DESCENT; }

    public static Method fromId(String id) {
        for (Method m : values()) if (m.id.equals(id)) return m;
        return null;
    }
}
