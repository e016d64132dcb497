package org.dlnexplorer.model.observe;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The one regime rule on S(0,t), on the bundled presets whose descriptions name a regime. */
class RegimeTest {
    private static Trajectory member(String file, String label) throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read(file), file);
        if (label == null) return rs.runs().get(0).trajectory();
        return rs.runs().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow().trajectory();
    }

    @Test
    void theReportedContradictionsAreGone() throws Exception {
        // was "δ = −5: rich (S = 0.006)" where the description says lazy
        assertEquals(Regime.Kind.LAZY, Regime.classify(member("square-lambda-balanced.json", "δ = -5"), -5));
        assertEquals(Regime.Kind.RICH, Regime.classify(member("square-lambda-balanced.json", "δ = 0"), 0));
        // was "rich (S = 0.000)": a rank-one kernel never turns, S cannot tell
        // "then slowly rotates towards β* (delayed rich phase)"
        assertEquals(Regime.Kind.DELAYED_RICH, Regime.classify(member("single-neuron-downstream.json", null), -2));
        assertEquals(Regime.Kind.UNDETERMINED, Regime.classify(member("implicit-bias-low-rank.json", "δ = -10"), -10));
    }

    @Test
    void descriptionsNamingARegimeAgreeWithTheRule() throws Exception {
        Map<String, Regime.Kind> said = Map.of(
                "lazy-rich-lambda-balanced.json|δ = 10", Regime.Kind.LAZY,
                "lazy-rich-lambda-balanced.json|δ = 0", Regime.Kind.RICH,
                "lazy-rich-wide-network.json|τ = 4", Regime.Kind.LAZY,
                "lazy-rich-wide-network.json|τ = 0.001", Regime.Kind.RICH,
                "single-neuron-upstream.json|", Regime.Kind.LAZY,
                "single-neuron-balanced.json|", Regime.Kind.RICH,
                "marion-chizat-residual.json|", Regime.Kind.LAZY,
                "square-lambda-balanced-random.json|δ = 0", Regime.Kind.RICH,
                "single-neuron-delta-sweep.json|δ = -4", Regime.Kind.NOT_CONVERGED);
        for (var e : said.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            Trajectory t = member(k[0], k[1].isEmpty() ? null : k[1]);
            assertEquals(e.getValue(), Regime.classify(t, Double.NaN), e.getKey());
        }
    }

    @Test
    void convergenceIsTheExcessLossFraction() {
        assertTrue(Regime.converged(5, 0.004, 0));          // 0.004 ≤ 1e−3 · 5
        assertFalse(Regime.converged(5, 0.006, 0));         // 0.006 > 1e−3 · 5
        assertTrue(Regime.converged(5.5, 0.5004, 0.5));     // excess measured from ℒ_min
        assertTrue(Regime.converged(0.5, 0.5, 0.5), "a start at the minimum is converged");
    }
}
