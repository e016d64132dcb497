package org.dlnexplorer.model.sweep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The axis names of the phase diagrams: the full label, and the short one a small panel shows. */
class AxisLabelsTest {
    @Test
    void theShortLabelIsTheSymbolAndSaysWhenTheAxisIsLogarithmic() {
        assertEquals("δ", AxisLabels.shortLabel(Axis.parse("init.delta=-4:4:3")));
        assertEquals("τ (log)", AxisLabels.shortLabel(Axis.parse("init.scale=0.01:10:3:log")));
        assertEquals("η", AxisLabels.shortLabel(Axis.parse("training.learningRate=0.01:0.1:3")));
        assertEquals("init.foo", AxisLabels.symbol("init.foo"), "a field without a symbol shows its path");
        assertEquals("relative scale δ  (init.delta)", AxisLabels.label(Axis.parse("init.delta=-4:4:3")));
    }
}
