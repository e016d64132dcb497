package org.dlnexplorer.app;

import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetPaths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** #16 item 4: the equation box follows the compare set and the live values, from the overlay that applies. */
class EquationBoxTest {
    @Test
    void aCompareSetOverDeltaShowsEachMembersEquation() throws Exception {
        Preset p = BundledPresets.read("square-lambda-balanced.json");   // δ = −5, 0, 5
        EquationBox.Equation eq = EquationBox.of(p);
        assertTrue(eq.text().contains("δ = 0: ȧ_α = 2a_α(s_α − a_α)  (Saxe et al.)"), eq.text());
        assertTrue(eq.text().contains("δ = -5, δ = 5: ȧ_α = √(δ² + 4a_α²)(s_α − a_α)  (λ-balanced modes)"), eq.text());
        assertTrue(eq.tex().startsWith("\\begin{array}"), eq.tex());
    }

    @Test
    void draggingDeltaAwayFromZeroTurnsSaxeIntoLambdaBalanced() throws Exception {
        Preset saxe = BundledPresets.read("saxe-two-modes.json");
        assertTrue(EquationBox.of(saxe).text().contains("Saxe"), EquationBox.of(saxe).text());
        EquationBox.Equation moved = EquationBox.of(PresetPaths.with(saxe, "init.delta", 6.2));
        assertTrue(moved.text().contains("λ-balanced"), moved.text());
        assertFalse(moved.tex().contains("\\text{ȧ"), "typeset from its TeX, not the display text");
        // depth 4 (the depth preset): Saxe's depth-L equation, not the depth-2 one
        EquationBox.Equation deep = EquationBox.of(PresetPaths.with(saxe, "network.depth", 4));
        assertTrue(deep.text().contains("L = 4"), deep.text());
    }
}
