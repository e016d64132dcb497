package org.dlnexplorer.model.core;

import java.util.Arrays;

/**
 * Architecture of f(x) = W_L ⋯ W_1 x: widths n_0 … n_L and per-layer rates η_ℓ (SPEC §1).
 * Parameters are stored flat, layer by layer, each W_ℓ (n_ℓ × n_{ℓ−1}) row-major. A network with a
 * piecewise-linear activation (issue #13) has widths [d, h, 1]: f(x) = aᵀσ(Wx), θ = (W, aᵀ), rates [η_w, η_a].
 */
public final class Network {
    private final int[] widths;
    private final double[] layerRates;
    private final int[] offsets;
    private final Activation activation;
    /** training.freezeOutput: W_L is the fixed readout pᵀ (Marion &amp; Chizat's residual setting); only W_1 … W_{L−1} train */
    private final boolean frozenOutput;

    public Network(int[] widths, double[] layerRates) {
        this(widths, layerRates, Activation.LINEAR);
    }

    /** @throws IllegalArgumentException for a piecewise-linear activation on widths other than [d, h, 1] */
    public Network(int[] widths, double[] layerRates, Activation activation) {
        this(widths, layerRates, activation, false);
    }

    /**
     * As above; frozenOutput: the last layer W_L does not train (its gradient is taken as zero, curvature is read
     * over W_1 … W_{L−1} only). Needs depth ≥ 2 and a linear network.
     */
    public Network(int[] widths, double[] layerRates, Activation activation, boolean frozenOutput) {
        if (widths.length < 2) throw new IllegalArgumentException("depth must be at least 1");
        this.widths = widths.clone();
        int depth = widths.length - 1;
        if (layerRates == null) {
            layerRates = new double[depth];
            Arrays.fill(layerRates, 1.0);
        }
        if (layerRates.length != depth) throw new IllegalArgumentException("layerRates must have one entry per layer");
        this.layerRates = layerRates.clone();
        this.offsets = new int[depth + 1];
        for (int l = 0; l < depth; l++) offsets[l + 1] = offsets[l] + widths[l + 1] * widths[l];
        this.activation = activation == null ? Activation.LINEAR : activation;
        if (this.activation.isPiecewise() && (widths.length != 3 || widths[2] != 1))
            throw new IllegalArgumentException("a piecewise-linear network needs widths [d, h, 1]");
        if (frozenOutput && (depth < 2 || this.activation.isPiecewise()))
            throw new IllegalArgumentException("a frozen output layer needs a linear network of depth 2 or more");
        this.frozenOutput = frozenOutput;
    }

    public Network(int... widths) { this(widths, null); }

    public int depth() { return widths.length - 1; }
    public int[] widths() { return widths.clone(); }
    public int width(int i) { return widths[i]; }
    public int inputDim() { return widths[0]; }
    public int outputDim() { return widths[widths.length - 1]; }
    /** rows of W_ℓ, ℓ = 1…L */
    public int rows(int layer) { return widths[layer]; }
    /** columns of W_ℓ, ℓ = 1…L */
    public int cols(int layer) { return widths[layer - 1]; }
    /** η_ℓ, ℓ = 1…L */
    public double rate(int layer) { return layerRates[layer - 1]; }
    public double[] layerRates() { return layerRates.clone(); }
    /** offset of W_ℓ (ℓ = 1…L) in the flat parameter vector */
    public int offset(int layer) { return offsets[layer - 1]; }
    public int parameterCount() { return offsets[depth()]; }
    /** whether W_L is frozen (training.freezeOutput) */
    public boolean frozenOutput() { return frozenOutput; }
    /**
     * the trainable parameters: θ[0, trainableCount()) (W_L is stored last, so freezing it keeps a prefix);
     * parameterCount() when every layer trains
     */
    public int trainableCount() { return frozenOutput ? offsets[depth() - 1] : offsets[depth()]; }
    /** whether layer ℓ (1…L) trains */
    public boolean trains(int layer) { return !(frozenOutput && layer == depth()); }
    /** number of singular values of W_eff reported: min(n_0, n_L) */
    public int modes() { return Math.min(inputDim(), outputDim()); }
    /** σ of the hidden layer (linear for the deep linear network) */
    public Activation activation() { return activation; }
    /** whether this is the two-layer piecewise-linear family f(x) = aᵀσ(Wx) */
    public boolean isPiecewise() { return activation.isPiecewise(); }
}
