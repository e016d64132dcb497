package org.dlnexplorer.model.observe;

/**
 * Marion &amp; Chizat's scaled layer change with the readout pᵀ fixed (training.freezeOutput): L·max_k ‖W_k(t) − W_k(0)‖_F,
 * L the trained layers W_1 … W_L (the network's depth less the frozen pᵀ). The theorem bounds it independently of L;
 * the residual-depth view plots it at t_end and the run JSON writes it per frame ("layerChange").
 */
public final class ResidualChange {
    private ResidualChange() {}

    /** a run with a frozen readout pᵀ: the scaled change is defined */
    public static boolean applies(Trajectory tr) {
        return tr.setup() != null && tr.setup().network().frozenOutput();
    }

    /** L, the trained layers: the weight matrices less the frozen pᵀ */
    public static int trainedLayers(Trajectory tr) {
        return tr.depth() - 1;
    }

    /** L·max_k ‖W_k(t) − W_k(0)‖_F at the frame (the frozen pᵀ never changes, so the max is over the trained W_k) */
    public static double scaled(Trajectory tr, Frame f) {
        return trainedLayers(tr) * f.layerChange();
    }
}
