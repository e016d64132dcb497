package org.dlnexplorer.preset;

import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PresetCompilerTest {
    @Test
    void compareSetsProduceOneLabelledSpecPerValue() throws Exception {
        String json = PresetValidationTest.VALID.replaceFirst("\\{",
                "{\"compare\": {\"parameter\": \"init.delta\", \"values\": [-2, 0, 2.5]},");
        Preset p = PresetIo.parse(json, "c.json");
        List<CompareSetRunner.Member> set = PresetCompiler.compileSet(p, "c.json");
        assertEquals(3, set.size());
        assertEquals("δ = -2", set.get(0).label());
        assertEquals("δ = 2.5", set.get(2).label());
        assertEquals(2.5, set.get(2).spec().delta());
        SimulationSpec plain = PresetCompiler.compile(p, "c.json");
        assertEquals(0.0, plain.delta());
    }

    @Test
    void depthPathKeepsEndsAndHiddenWidth() throws Exception {
        Preset p = PresetIo.parse(PresetValidationTest.VALID.replace("[2, 2, 2]", "[2, 5, 2]"), "d.json");
        Preset q = PresetPaths.with(p, "network.depth", 4);
        assertArrayEquals(new int[]{2, 5, 5, 5, 2}, q.network.widths);
        assertEquals(4.0, PresetPaths.get(q, "network.depth"));
        assertEquals(0.01, PresetPaths.get(p, "init.scale"));
        assertThrows(IllegalArgumentException.class, () -> PresetPaths.with(p, "init.scheme", 1));
    }

    @Test
    void randomBasisTargetsHaveTheRequestedSingularValues() throws Exception {
        Preset p = PresetIo.parse(PresetValidationTest.VALID.replace("[2, 2, 2]", "[3, 4, 2]")
                .replace("\"identity\"", "\"random\", \"seed\": 4"), "r.json");
        SimulationSpec s = PresetCompiler.compile(p, "r.json");
        assertArrayEquals(new double[]{3, 1}, s.task().targetSingularValues(), 1e-12);
    }

    @Test
    void compareLabelsUseTheOneSymbolTable() {
        for (String field : new String[]{"init.delta", "init.scale", "training.learningRate", "network.depth",
                "network.width", "training.duration", "init.seed", "task.target.seed"})
            assertEquals(org.dlnexplorer.model.sweep.AxisLabels.symbol(field) + " = 4", PresetCompiler.label(field, 4), field);
        assertEquals("δ = -2", PresetCompiler.label("init.delta", -2));
        assertEquals("τ = 0.01", PresetCompiler.label("init.scale", 0.01));
        assertEquals("η = 0.05", PresetCompiler.label("training.learningRate", 0.05));
        assertEquals("L = 4", PresetCompiler.label("network.depth", 4));
        assertEquals("seed = 3", PresetCompiler.label("init.seed", 3));
    }
}
