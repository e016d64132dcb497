package org.dlnexplorer.app;

import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import org.dlnexplorer.preset.Preset;

/**
 * What the depth slider shows: L, the layers that train. With every layer trained that is network.depth, the
 * number of weight matrices. With a frozen readout (training.freezeOutput, Marion &amp; Chizat's f(x) = pᵀ W_L ⋯ W_1 x)
 * the network has one matrix more, pᵀ, so the slider shows network.depth − 1 followed by "+ pᵀ", as the compare
 * legends ("L = 4 + pᵀ"), the residual-depth axis and the description count L. The view-model keeps network.depth.
 */
final class DepthControl {
    static final String TRAINED_TIP = "Depth L: number of weight matrices";
    static final String FROZEN_TIP = "Depth L: trained layers W_1 … W_L; the frozen readout pᵀ is one more weight matrix "
            + "(network.depth = L + 1)";
    static final String FROZEN_UNIT = "+ pᵀ";

    private DepthControl() {}

    /** whether the preset's output layer is frozen (training.freezeOutput: true) */
    static boolean frozen(Preset p) {
        return p != null && p.training != null && Boolean.TRUE.equals(p.training.freezeOutput);
    }

    /** the L the slider shows for a network of `depth` weight matrices */
    static int shown(int depth, boolean frozen) {
        return frozen ? depth - 1 : depth;
    }

    /** the network.depth that a shown L sets */
    static int depth(int shown, boolean frozen) {
        return frozen ? shown + 1 : shown;
    }

    /** Bind the slider to the view-model's network.depth through {@link #shown} / {@link #depth}, following the preset. */
    static void bind(NumberControl c, IntegerProperty depth, ObservableValue<Preset> base) {
        Runnable show = () -> {
            boolean f = frozen(base.getValue());
            c.setUnit(f ? FROZEN_UNIT : "");
            c.setTooltip(f ? FROZEN_TIP : TRAINED_TIP);
            int v = shown(depth.get(), f);
            if (Math.round(c.valueProperty().get()) != v) c.valueProperty().set(v);
        };
        c.valueProperty().addListener((o, a, b) -> {
            int v = depth((int) Math.round(b.doubleValue()), frozen(base.getValue()));
            if (v != depth.get()) depth.set(v);
        });
        depth.addListener((o, a, b) -> show.run());
        base.addListener((o, a, b) -> show.run());
        show.run();
    }
}
