package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * One hidden neuron (widths [d, 1, 1] or [1, 1, c]) started from a chosen direction u = β₀/‖β₀‖, with
 * ‖β₀‖ = τ and δ = η_1‖W_2‖² − η_2‖W_1‖² exact (the λ-balanced gains of {@link LayerGains}): the scalar layer
 * is g > 0, the vector layer g'·u, so β₀ = g g' u = τ u. For [d, 1, 1] this is Kunin et al.'s
 * a₀ = g_2 > 0, w₀ = g_1 u, δ = η_w a₀² − η_a‖w₀‖²; dragging δ at fixed τ and u moves the start along the
 * family of hyperboloids of their Figure 2, all through the same β₀.
 */
public final class NeuronInit {
    private NeuronInit() {}

    /** true for the widths this scheme accepts: one hidden neuron, a scalar input or output */
    public static boolean accepts(int[] widths) {
        return widths.length == 3 && widths[1] == 1 && (widths[2] == 1 || widths[0] == 1);
    }

    /** the length the direction must have: d for [d, 1, 1], c for [1, 1, c] */
    public static int directionLength(int[] widths) {
        return widths[2] == 1 ? widths[0] : widths[2];
    }

    /** W_1, W_2 for start direction u (normalised here), scale τ and relative scale δ */
    public static DMatrixRMaj[] weights(Network net, double tau, double delta, double[] direction) {
        int[] widths = net.widths();
        if (!accepts(widths)) throw new IllegalArgumentException("the neuron scheme needs widths [d, 1, 1] or [1, 1, c]");
        if (direction == null || direction.length != directionLength(widths))
            throw new IllegalArgumentException("the neuron scheme needs a direction of length " + directionLength(widths));
        double norm = 0;
        for (double v : direction) norm = Math.hypot(norm, v);
        if (!(norm > 0) || !Double.isFinite(norm)) throw new IllegalArgumentException("the direction must be a finite non-zero vector");
        // g_ℓ²: η_1 g_2² − η_2 g_1² = δ, g_1 g_2 = τ
        double[] g2 = LayerGains.squaredGains(net, tau, delta);
        double g1 = Math.sqrt(g2[0]), g2s = Math.sqrt(g2[1]);
        DMatrixRMaj w1 = new DMatrixRMaj(widths[1], widths[0]);
        DMatrixRMaj w2 = new DMatrixRMaj(widths[2], widths[1]);
        boolean inputVector = widths[2] == 1;   // [d, 1, 1]: W_1 = g_1 uᵀ, W_2 = g_2
        for (int i = 0; i < direction.length; i++) {
            double u = direction[i] / norm;
            if (inputVector) w1.data[i] = g1 * u; else w2.data[i] = g2s * u;
        }
        if (inputVector) w2.data[0] = g2s; else w1.data[0] = g1;
        return new DMatrixRMaj[]{w1, w2};
    }
}
