package org.dlnexplorer.model.core;

/**
 * The hidden layer's activation σ (issue #13, Kunin et al. §5): linear (σ(z) = z, the deep linear network),
 * or piecewise linear σ(z) = max(z, γz) with leak γ ∈ [0, 1) (ReLU γ = 0, leaky ReLU γ > 0). Positive
 * homogeneity σ(z) = σ'(z)·z is what the two-layer analysis uses.
 *
 * @param kind the preset's name for it ({@code network.activation})
 * @param leak γ, the slope below zero (0 for ReLU; 1 for linear, where σ is the identity)
 */
public record Activation(Kind kind, double leak) {
    /** {@code network.activation} */
    public enum Kind {
        LINEAR("linear"), RELU("relu"), LEAKY_RELU("leaky-relu");

        private final String id;
        Kind(String id) { this.id = id; }
        public String id() { return id; }

        /** the kind a preset names, or null for a name that is none */
        public static Kind fromId(String id) {
            for (Kind k : values()) if (k.id.equals(id)) return k;
            return null;
        }
    }

    public static final Activation LINEAR = new Activation(Kind.LINEAR, 1.0);
    public static final Activation RELU = new Activation(Kind.RELU, 0.0);

    public Activation {
        if (kind == null) throw new IllegalArgumentException("activation kind missing");
        if (kind == Kind.LINEAR) leak = 1.0;
        else if (!(leak >= 0 && leak < 1)) throw new IllegalArgumentException("leak γ must be in [0, 1), got " + leak);
    }

    /** σ(z) = max(z, γz) */
    public static Activation leaky(double gamma) { return new Activation(Kind.LEAKY_RELU, gamma); }

    /** whether σ has a kink (the two-layer piecewise-linear family) */
    public boolean isPiecewise() { return kind != Kind.LINEAR; }

    /** γ */
    public double gamma() { return leak; }

    /** σ(z) = max(z, γz) */
    public double sigma(double z) { return z > 0 ? z : leak * z; }

    /** σ'(z): 1 above zero, γ below; at 0 the lower one-sided slope γ (gradient descent's convention) */
    public double slope(double z) { return z > 0 ? 1.0 : leak; }
}
