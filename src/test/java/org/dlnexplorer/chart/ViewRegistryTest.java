package org.dlnexplorer.chart;

import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The view registry (ViewId): every view of SPEC §3 once, each with a working factory and sane data. */
class ViewRegistryTest {
    /** SPEC §3, export --view: the view names the contract promises */
    static final List<String> SPEC_VIEWS = List.of("singular-values", "loss", "kernel-distance", "hyperboloid",
            "function-space", "sharpness", "phase-diagram", "conservation");
    /** views beyond SPEC §3 (README: export --view): the Hessian's spectrum, the two-layer piecewise-linear views (issue 13), the nuclear norm, the single neuron's App. A panels and Figure 2, the weights heat maps (issue 17), the final sharpness vs η, the layers, seed 002 §4's preconditioner and §2's S(t₁, t₂), seed 003's residual L·max‖ΔWₗ‖ vs depth */
    static final List<String> EXTENSION_VIEWS = List.of("hessian", "input-space", "neuron-dynamics", "phase-portrait", "nuclear-norm", "neuron-temporal", "hyperboloid-geometries", "weights",
            "sharpness-vs-eta", "layers", "preconditioner", "kernel-distance-matrix",
            "residual-depth");

    @Test
    void everySpecViewIsRegisteredExactlyOnce() {
        List<String> names = new ArrayList<>();
        for (ViewId v : ViewId.values()) names.add(v.cliName());
        Set<String> promised = new HashSet<>(SPEC_VIEWS);
        promised.addAll(EXTENSION_VIEWS);
        assertEquals(promised, new HashSet<>(names));
        assertEquals(SPEC_VIEWS.size() + EXTENSION_VIEWS.size(), names.size(), "no view twice");
        Set<String> nodeIds = new HashSet<>();
        for (ViewId v : ViewId.values()) {
            assertSame(v, ViewId.fromCliName(v.cliName()));
            assertTrue(nodeIds.add(v.nodeId()), v.nodeId());
            assertEquals(v.cliName() + "-view", v.nodeId());
        }
    }

    @Test
    void everyFactoryBuildsAChartThatDraws() throws Exception {
        var runs = Fixtures.runSet(Fixtures.SAXE);
        for (ViewId v : ViewId.values()) {
            ViewChart a = v.newChart(ChartStyle.screen()), b = v.newChart(ChartStyle.screen());
            assertNotSame(a, b, v + ": a new chart per call (one per painting thread)");
            assertSame(v, a.id(), v.toString());
            a.update(runs, Double.NaN);
            assertTrue(ViewRenderersTest.paint(a.drawable(), "registry-" + v.cliName()) > 0, v + " painted nothing");
        }
    }

    @Test
    void placementAndPaintCostsAreUsable() {
        for (ViewId v : ViewId.values()) {
            assertTrue(v.columnSpan() >= 1 && v.columnSpan() <= 3, v.toString());
            assertTrue(v.paintCost() > 0 && Double.isFinite(v.paintCost()), v.toString());
            assertNotNull(v.cell());
            assertFalse(v.title().isBlank());
        }
    }

    private static Preset preset(String view) throws PresetException {
        return PresetIo.parse("""
                { "schema": 1, "name": "p", "network": { "widths": [2, 2, 2] },
                  "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
                  "init": { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
                  "training": { "method": "gradient-flow", "duration": 1.0, "samples": 10 }""" + view + " }", "p.json");
    }

    @Test
    void aPresetsPanelsAreReadInRegistryOrderAndDefaultToItsFamilysViews() throws Exception {
        // a deep linear network: every view but the three of the piecewise-linear family (issue 13); those its
        // widths [2, 2, 2] cannot have (one hidden neuron, one output) last, each in registry order
        List<ViewId> linear = List.of(ViewId.SINGULAR_VALUES, ViewId.LOSS, ViewId.KERNEL_DISTANCE, ViewId.SHARPNESS,
                ViewId.PHASE_DIAGRAM, ViewId.CONSERVATION, ViewId.HYPERBOLOID, ViewId.FUNCTION_SPACE);
        assertEquals(linear, ViewId.panels(preset(""), "p.json"));
        assertEquals(linear, ViewId.panels(preset(", \"view\": { \"logTime\": true }"), "p.json"));
        Preset relu = preset("");
        relu.network.activation = "relu";
        assertEquals(List.of(ViewId.INPUT_SPACE, ViewId.LOSS, ViewId.NEURON_DYNAMICS, ViewId.KERNEL_DISTANCE,
                ViewId.PHASE_PORTRAIT), ViewId.panels(relu, "p.json"));
        assertEquals(List.of(ViewId.LOSS, ViewId.CONSERVATION),
                ViewId.panels(preset(", \"view\": { \"panels\": [\"conservation\", \"loss\"] }"), "p.json"));
    }

    @Test
    void anUnknownOrRepeatedViewIsRefusedNamingTheField() throws Exception {
        PresetException e = assertThrows(PresetException.class,
                () -> ViewId.panels(preset(", \"view\": { \"panels\": [\"loss\", \"heatmap\"] }"), "p.json"));
        assertEquals("view.panels[1]", e.field());
        assertTrue(e.getMessage().startsWith("p.json: view.panels[1]: unknown view \"heatmap\""), e.getMessage());
        assertEquals("view.panels[1]", assertThrows(PresetException.class,
                () -> ViewId.panels(preset(", \"view\": { \"panels\": [\"loss\", \"loss\"] }"), "p.json")).field());
        assertEquals("view.panels", assertThrows(PresetException.class,
                () -> ViewId.panels(preset(", \"view\": { \"panels\": \"loss\" }"), "p.json")).field());
        assertEquals("view.panels", assertThrows(PresetException.class,
                () -> ViewId.panels(preset(", \"view\": { \"panels\": [] }"), "p.json")).field());
    }

    @Test
    void aPresetsSweepAxesAreReadAndABadOneIsRefusedNamingTheField() throws Exception {
        Preset p = preset(", \"view\": { \"sweepX\": \"init.scale=0.1:2:5:log\" }");
        ViewId.panels(p, "p.json");
        assertEquals(new org.dlnexplorer.model.sweep.Axis("init.scale", 0.1, 2, 5, true), SweepAxes.of(p)[0]);
        assertEquals(org.dlnexplorer.preset.PresetGrid.DEFAULT_Y, SweepAxes.of(p)[1]);
        PresetException e = assertThrows(PresetException.class,
                () -> ViewId.panels(preset(", \"view\": { \"sweepY\": \"init.delta=-1:1\" }"), "p.json"));
        assertTrue(e.getMessage().contains("view.sweepY") && e.getMessage().contains("p.json"), e.getMessage());
        assertEquals(1, e.getMessage().split("\n").length);
    }
}
