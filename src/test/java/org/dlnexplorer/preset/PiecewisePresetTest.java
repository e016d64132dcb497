package org.dlnexplorer.preset;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Symmetrized;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The preset contract of the piecewise-linear family (issue #13): accepted forms and one-line refusals. */
class PiecewisePresetTest {
    static final String VALID = """
            {
              "schema": 1,
              "name": "relu",
              "network":  { "widths": [2, 6, 1], "activation": "leaky-relu", "leak": 0.1 },
              "task":     { "teacher": { "hidden": 2, "samples": 10, "testSamples": 30, "seed": 3 } },
              "init":     { "scheme": "symmetrized", "scale": 0.5, "delta": 0.25, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 2.0, "samples": 5, "layerRates": [1.0, 2.0] }
            }""";

    static String mutate(String path, String replacement) {
        JsonObject root = JsonParser.parseString(VALID).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) node = node.getAsJsonObject(parts[i]);
        String last = parts[parts.length - 1];
        if (replacement == null) node.remove(last);
        else node.add(last, JsonParser.parseString(replacement));
        return root.toString();
    }

    @Test
    void theTeacherPresetCompilesToItsNetworkDataAndStart() throws Exception {
        SimulationSpec spec = PresetCompiler.compile(PresetIo.parse(VALID, "ok.json"), "ok.json");
        assertTrue(spec.network().isPiecewise());
        assertEquals(0.1, spec.network().activation().gamma(), 0.0);
        assertEquals(10, spec.task().dataset().samples());
        assertEquals(30, spec.task().dataset().testSamples());
        double[] th = spec.theta0();
        double a2 = Symmetrized.alphaSquared(0.5, 0.25, 1.0, 2.0);
        for (int k = 0; k < 6; k++) {
            double ww = th[2 * k] * th[2 * k] + th[2 * k + 1] * th[2 * k + 1], a = th[12 + k];
            assertEquals(0.25, a * a - 2.0 * ww, 1e-14, "δ_k = η_w a_k² − η_a‖w_k‖² is init.delta");
            assertEquals(0.25 / a2, ww, 1e-14);
        }
    }

    @Test
    void explicitDataWithATestSetCompiles() throws Exception {
        String json = mutate("task", """
                { "data": { "X": [[1, 0], [0, 1], [0.6, 0.8]], "Y": [[1], [0], [0.5]],
                            "testX": [[-1, 0]], "testY": [[0.2]] } }""");
        json = JsonParser.parseString(json).getAsJsonObject().toString();
        SimulationSpec spec = PresetCompiler.compile(PresetIo.parse(json, "ok.json"), "ok.json");
        assertEquals(3, spec.task().dataset().samples());
        assertArrayEquals(new double[] {0.2}, spec.task().dataset().testY());
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "network.widths|[2, 6, 2]|network.widths",
            "network.widths|[2, 6, 3, 1]|network.widths",
            "network.activation|\"tanh\"|network.activation",
            "network.leak|1.0|network.leak",
            "network.leak|-0.1|network.leak",
            "network.leak||network.leak",
            "network.activation|\"linear\"|network.leak",
            "network.widths|[2, 5, 1]|init.scheme",
            "init.scheme|\"aligned\"|init.scheme",
            "init.scheme|\"residual\"|init.scheme",
            "task.teacher.hidden||task.teacher.hidden",
            "task.teacher.samples|0|task.teacher.samples",
            "task.teacher.testSamples|-1|task.teacher.testSamples",
            "task.target|{\"singularValues\": [1]}|task",
    })
    void badFieldsAreRefusedNamingTheField(String path, String value, String field) {
        String json = mutate(path, value == null || value.isEmpty() ? null : value);
        PresetException e = assertThrows(PresetException.class, () -> PresetIo.parse(json, "bad.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: " + field), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aTeacherNeedsAPiecewiseNetworkAndATargetIsRefusedForOne() {
        String linear = mutate("network", "{ \"widths\": [2, 6, 1] }");
        assertEquals("task.teacher", assertThrows(PresetException.class, () -> PresetIo.parse(linear, "bad.json")).field());
        String target = mutate("task", "{ \"target\": { \"singularValues\": [1] }, \"inputs\": \"whitened\" }");
        assertEquals("task.target", assertThrows(PresetException.class, () -> PresetIo.parse(target, "bad.json")).field());
        String testOnLinear = PresetValidationTest.mutate("task", """
                { "data": { "X": [[1, 0]], "Y": [[1, 0]], "testX": [[1, 0]], "testY": [[1, 0]] } }""");
        assertEquals("task.data.testX", assertThrows(PresetException.class,
                () -> PresetIo.parse(testOnLinear, "bad.json")).field());
    }

    @Test
    void theLeakIsAComparableField() throws Exception {
        String json = mutate("compare", "{ \"parameter\": \"network.leak\", \"values\": [0, 0.1, 0.5] }");
        var members = PresetCompiler.compileSet(PresetIo.parse(json, "ok.json"), "ok.json");
        assertEquals(3, members.size());
        assertEquals(0.5, members.get(2).spec().network().activation().gamma(), 0.0);
        assertEquals("γ = 0.5", members.get(2).label());
    }

    @Test
    void compareWithVariesASecondFieldInStep() throws Exception {
        String json = mutate("compare", "{ \"parameter\": \"init.delta\", \"values\": [0, 0, 1], "
                + "\"with\": { \"init.scale\": [0.1, 2, 0.1] } }");
        var members = PresetCompiler.compileSet(PresetIo.parse(json, "ok.json"), "ok.json");
        assertEquals(3, members.size());
        assertEquals("τ = 2, δ = 0", members.get(1).label());
        assertEquals(2.0, members.get(1).spec().scale(), 0.0);
        assertEquals(1.0, members.get(2).spec().delta(), 0.0);
        String shortList = mutate("compare", "{ \"parameter\": \"init.delta\", \"values\": [0, 1], "
                + "\"with\": { \"init.scale\": [0.1] } }");
        PresetException e = assertThrows(PresetException.class, () -> PresetIo.parse(shortList, "bad.json"));
        assertEquals("compare.with.init.scale", e.field(), e.getMessage());
    }
}
