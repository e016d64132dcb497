package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InlineMathTest {
    @Test
    void mathBetweenDollarsBecomesUnicodeInItsOwnRun() {
        List<InlineMath.Run> r = InlineMath.runs("At $\\delta = 0$ the path is rich.");
        assertEquals(List.of(new InlineMath.Run("At ", false), new InlineMath.Run("δ = 0", true),
                new InlineMath.Run(" the path is rich.", false)), r);
    }

    @Test
    void scriptsFractionsAndCommands() {
        assertEquals("Wₗ", InlineMath.toUnicode("W_\\ell"));
        assertEquals("a²", InlineMath.toUnicode("a^2"));
        assertEquals("e^(−2st)", InlineMath.toUnicode("e^{-2st}"), "letters without a superscript form: the group whole");
        assertEquals("e⁻²", InlineMath.toUnicode("e^{-2}"));
        assertEquals("a\u0307 = 2a", InlineMath.toUnicode("\\dot a = 2a"), "a dot above");
        assertEquals("½Σ_(α>r) sα²", InlineMath.toUnicode("\\frac{1}{2}\\sum_{\\alpha>r} s_\\alpha^2"));
        assertEquals("W_eff", InlineMath.toUnicode("W_{eff}"));
        assertEquals("2/η", InlineMath.toUnicode("\\frac{2}{\\eta}"));
        assertEquals("(s−a)/2", InlineMath.toUnicode("\\frac{s-a}{2}"));
        assertEquals("‖β*‖", InlineMath.toUnicode("\\|\\beta^*\\|"));
        assertEquals("Wᵀ", InlineMath.toUnicode("W^\\top"));
        assertEquals("diag(3, 1)", InlineMath.toUnicode("\\mathrm{diag}(3, 1)"));
        assertEquals("ℝⁿ", InlineMath.toUnicode("\\mathbb{R}^n"));
    }

    @Test
    void escapedDollarAndUnclosedMath() {
        assertEquals("costs $5", InlineMath.plain("costs \\$5"));
        assertEquals("x α", InlineMath.plain("x $\\alpha"), "an unclosed $ still reads");
    }

    @Test
    void superAndSubscriptTablesLineUp() throws Exception {
        // every character of a table maps to exactly one
        assertEquals(InlineMath.SUP_FROM.length(), InlineMath.SUP_TO.length());
        assertEquals(InlineMath.SUB_FROM.length(), InlineMath.SUB_TO.length());
        assertEquals("x₁₂", InlineMath.toUnicode("x_{12}"));
    }
}
