package org.dlnexplorer.app;

import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** #16 item 4: descriptions show sub- and superscripts, never TeX markup. */
class MathRunsTest {
    private static MathRuns.Run sub(String s) { return new MathRuns.Run(s, MathRuns.Kind.SUB); }
    private static MathRuns.Run sup(String s) { return new MathRuns.Run(s, MathRuns.Kind.SUP); }
    private static MathRuns.Run text(String s) { return new MathRuns.Run(s, MathRuns.Kind.NORMAL); }

    @Test
    void bracedAndUnbracedScriptsBecomeRuns() {
        assertEquals(List.of(text("W"), sub("ℓ+1"), text("ᵀW"), sub("ℓ+1")), MathRuns.of("W_{ℓ+1}ᵀW_{ℓ+1}"));
        assertEquals(List.of(text("(s/a0 − 1)e"), sup("{−2st}".substring(1, 5)), text(");")), MathRuns.of("(s/a0 − 1)e^{−2st});"));
        assertEquals(List.of(text("W"), sub("eff"), text("(0)")), MathRuns.of("W_eff(0)"));
        assertEquals(List.of(text("s"), sub("α"), text("²")), MathRuns.of("s_α²"));
        assertEquals(List.of(text("‖β*‖"), sup("2−2/L")), MathRuns.of("‖β*‖^{2−2/L}"));
        assertEquals(List.of(text("‖β‖"), sup("(L+2)/(L+1)")), MathRuns.of("‖β‖^((L+2)/(L+1))"));
        assertEquals(List.of(text("a_{b")), MathRuns.of("a_{b"), "unbalanced: left as it is");
        assertEquals(List.of(text("_x")), MathRuns.of("_x"), "nothing to attach to");
    }

    @Test
    void noBundledDescriptionShowsMarkup() {
        for (BundledPresets.Entry e : BundledPresets.load().entries()) {
            String d = e.preset().description;
            if (d == null) continue;
            String shown = MathRuns.plain(d);
            for (String mark : new String[] {"_", "^", "\\"})   // set braces {−4, …} are mathematics, not markup
                assertFalse(shown.contains(mark), e.file() + " shows \"" + mark + "\": " + shown);
        }
    }
}
