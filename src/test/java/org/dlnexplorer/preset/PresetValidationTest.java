package org.dlnexplorer.preset;

import org.dlnexplorer.output.AtomicFiles;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PresetValidationTest {
    static final String VALID = """
            {
              "schema": 1,
              "name": "Saxe",
              "description": "d",
              "network":  { "widths": [2, 2, 2] },
              "task":     { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
              "init":     { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 6.0, "samples": 600 }
            }""";

    /** VALID with the JSON value at a dotted path replaced (or removed when replacement is null). */
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

    private static PresetException reject(String json) {
        return assertThrows(PresetException.class, () -> PresetIo.parse(json, "bad.json"));
    }

    @Test
    void theValidPresetIsAccepted() throws Exception {
        Preset p = PresetIo.parse(VALID, "ok.json");
        assertEquals("Saxe", p.name);
        assertArrayEquals(new int[]{2, 2, 2}, p.network.widths);
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "init.scheme|\"xavier\"|init.scheme",
            "init.scale|-1|init.scale",
            "init.scale|0|init.scale",
            "network.widths|[1, 2, 2]|task.target.singularValues",
            "network.widths|[2]|network.widths",
            "network.widths|[2, 0, 2]|network.widths[1]",
            "network.widths|[2, -3, 2]|network.widths[1]",
            "training.duration|0|training.duration",
            "training.duration|-2|training.duration",
            "training.method|\"adam\"|training.method",
            "training.method|\"gradient-descent\"|training.learningRate",
            "training.samples|1|training.samples",
            "task.target.singularValues|[3, 1, 2]|task.target.singularValues",
            "task.target.singularValues|[3, -1]|task.target.singularValues[1]",
            "task.target.basis|\"diagonal\"|task.target.basis",
            "task.inputs|{\"covariance\": [[1, 2], [0, 1]]}|task.inputs.covariance",
            "task.inputs|{\"covariance\": [[1, 2], [2, 1]]}|task.inputs.covariance",
            "task.inputs|{\"covariance\": [[1, 0, 0], [0, 1, 0]]}|task.inputs.covariance",
            "task.inputs|\"colored\"|task.inputs",
            "schema|2|schema",
            "training.layerRates|[1]|training.layerRates",
            "training.layerRates|[1, 0]|training.layerRates[1]",
            "training.rtol|-1e-3|training.rtol",
            "training.freezeOutput|\"yes\"|training.freezeOutput",
            "training.freezeOutput|1|training.freezeOutput",
    })
    void badFieldsAreRejectedNamingFileAndField(String path, String value, String field) {
        PresetException e = reject(mutate(path, value));
        assertTrue(e.field().startsWith(field), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: " + field), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @CsvSource({"name", "network", "task", "init", "training", "init.scheme", "init.scale", "training.duration", "schema"})
    void missingRequiredFieldsAreNamed(String path) {
        PresetException e = reject(mutate(path, null));
        assertEquals(path, e.field(), e.getMessage());
    }

    @Test
    void theHessianIsRefusedAboveItsParameterLimit() throws Exception {
        // 20·20 + 2·20 = 440 parameters > HessianSpectrum.MAX_PARAMETERS
        JsonObject o = JsonParser.parseString(mutate("network.widths", "[20, 20, 2]")).getAsJsonObject();
        o.getAsJsonObject("task").add("target", JsonParser.parseString("{\"singularValues\": [3, 1], \"basis\": \"identity\"}"));
        o.getAsJsonObject("training").addProperty("hessian", true);
        PresetException e = reject(o.toString());
        assertEquals("training.hessian", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("440"), e.getMessage());
        o.getAsJsonObject("training").addProperty("hessian", false);
        assertNotNull(PresetIo.parse(o.toString(), "ok.json"), "without the Hessian the network is fine");
        assertNotNull(PresetIo.parse(mutate("training.hessian", "true"), "ok.json"), "a small network with the Hessian");
    }

    @Test
    void wrongShapesOfMatricesAreNamed() {
        String json = mutate("task.target", "{\"matrix\": [[1, 2], [3]]}");
        assertEquals("task.target.matrix[1]", reject(json).field());
        String explicit = mutate("init", "{\"scheme\": \"explicit\", \"weights\": [[[1, 0], [0, 1]], [[1, 0, 0], [0, 1, 0]]]}");
        assertTrue(reject(explicit).field().startsWith("init.weights[1]"));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        PresetException e = reject(VALID.replace("\"scale\": 0.01", "\"scale\": NaN"));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: "));
    }

    @Test
    void malformedJsonIsReportedWithoutAStackTrace() {
        PresetException e = reject("{ \"schema\": 1, ");
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"));
        PresetException typed = reject(VALID.replace("[2, 2, 2]", "[\"two\", 2, 2]"));
        assertTrue(typed.getMessage().contains("network.widths"), typed.getMessage());
    }

    @Test
    void missingAndUnreadableFilesAreNamed(@TempDir Path dir) {
        PresetException e = assertThrows(PresetException.class, () -> PresetIo.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json"));
        assertTrue(e.getMessage().contains("not found"));
        PresetException d = assertThrows(PresetException.class, () -> PresetIo.read(dir));
        assertTrue(d.getMessage().startsWith(dir.toString()));
    }

    @Test
    void presetsRoundTripIdentically(@TempDir Path dir) throws Exception {
        Preset p = PresetIo.parse(VALID, "ok.json");
        Path f = dir.resolve("p.json");
        AtomicFiles.writeString(f, PresetIo.toJson(p));   // as the app saves a preset
        Preset q = PresetIo.read(f);
        assertEquals(PresetIo.gson().toJsonTree(p), PresetIo.gson().toJsonTree(q));
        assertEquals(JsonParser.parseString(VALID), JsonParser.parseString(Files.readString(f)));
    }

    @Test
    void compareSetsValidateEveryMember() {
        String json = mutate("training", "{\"method\": \"gradient-flow\", \"duration\": 1}")
                .replaceFirst("\\{", "{\"compare\": {\"parameter\": \"init.scale\", \"values\": [0.1, -1]},");
        PresetException e = reject(json);
        assertEquals("compare.values[1]", e.field(), e.getMessage());
        String unknown = VALID.replaceFirst("\\{", "{\"compare\": {\"parameter\": \"init.bogus\", \"values\": [1]},");
        assertEquals("compare.parameter", reject(unknown).field());
    }

    /** the neuron and isotropic schemes name the field that is wrong */
    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "[2, 2, 2]|{\"scheme\": \"neuron\", \"direction\": [1, 0], \"scale\": 1}|network.widths",
            "[2, 1, 1]|{\"scheme\": \"neuron\", \"scale\": 1}|init.direction",
            "[2, 1, 1]|{\"scheme\": \"neuron\", \"direction\": [1], \"scale\": 1}|init.direction",
            "[2, 1, 1]|{\"scheme\": \"neuron\", \"direction\": [0, 0], \"scale\": 1}|init.direction",
            "[2, 1, 1]|{\"scheme\": \"orthogonal\", \"direction\": [1, 0], \"scale\": 1}|init.direction",
            "[2, 2, 1]|{\"scheme\": \"isotropic\", \"scale\": 0.1, \"delta\": 1}|init.delta",
            "[2, 3, 1]|{\"scheme\": \"isotropic\", \"scale\": 0.1, \"delta\": -1}|network.widths",
            "[2, 2, 1]|{\"scheme\": \"isotropic\", \"scale\": 0, \"delta\": 0}|init.scale"})
    void neuronAndIsotropicSchemesNameTheField(String widths, String init, String field) {
        String json = mutate("init", init);
        json = json.replace("[2,2,2]", widths).replace("\"singularValues\":[3,1]", "\"singularValues\":[1]");
        assertEquals(field, reject(json).field());
    }

    @Test
    void neuronAndIsotropicSchemesAcceptTheirShapes() throws Exception {
        String neuron = mutate("init", "{\"scheme\": \"neuron\", \"direction\": [-1, 0], \"scale\": 1, \"delta\": -2}")
                .replace("[2,2,2]", "[2,1,1]").replace("\"singularValues\":[3,1]", "\"singularValues\":[1]");
        assertEquals("neuron", PresetIo.parse(neuron, "n.json").init.scheme);
        String iso = mutate("init", "{\"scheme\": \"isotropic\", \"scale\": 0, \"delta\": -0.5, \"seed\": 3}")
                .replace("[2,2,2]", "[2,2,2,1]").replace("\"singularValues\":[3,1]", "\"singularValues\":[1]");
        assertEquals("isotropic", PresetIo.parse(iso, "i.json").init.scheme);
    }
}
