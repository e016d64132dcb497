package org.dlnexplorer.preset;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Recovery;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.output.RunJsonWriter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** task.completion and task.sensing: accepted, refused naming the field, run with their readouts. */
class MeasuredPresetTest {
    static final String COMPLETION = """
            {
              "schema": 1, "name": "c", "description": "d",
              "network":  { "widths": [3, 3, 3] },
              "task": { "completion": { "matrix": [[1, 2, 3], [2, 4, 6], [3, 6, 9]], "mask": [[1, 1, 0], [1, 0, 1], [0, 1, 1]] } },
              "init":     { "scheme": "gaussian", "scale": 0.01, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 150.0, "samples": 51 }
            }""";
    static final String SENSING = """
            {
              "schema": 1, "name": "s", "description": "d",
              "network":  { "widths": [2, 2, 2] },
              "task": { "sensing": { "A": [[[1, 0], [0, 0]], [[0, 1], [1, 0]], [[0, 0], [0, 1]]], "y": [1, 2, 1] } },
              "init":     { "scheme": "gaussian", "scale": 0.1, "seed": 1 },
              "training": { "method": "gradient-descent", "learningRate": 0.05, "duration": 20.0, "samples": 11 }
            }""";

    private static String with(String json, String path, String value) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) node = node.getAsJsonObject(parts[i]);
        node.add(parts[parts.length - 1], JsonParser.parseString(value));
        return root.toString();
    }

    private static String refusedField(String json) {
        return assertThrows(PresetException.class, () -> PresetIo.parse(json, "bad.json")).field();
    }

    @Test
    void badMeasuredTasksAreRefusedNamingTheField() {
        assertEquals("task.completion.mask[0][2]", refusedField(with(COMPLETION, "task.completion.mask", "[[1, 1, 2], [1, 0, 1], [0, 1, 1]]")));
        assertEquals("task.completion.mask", refusedField(with(COMPLETION, "task.completion.mask", "[[0, 0, 0], [0, 0, 0], [0, 0, 0]]")));
        assertEquals("task.completion.mask[1]", refusedField(with(COMPLETION, "task.completion.mask", "[[1, 1, 0], [1, 0], [0, 1, 1]]")));
        assertEquals("task.completion.matrix", refusedField(with(COMPLETION, "task.completion.matrix", "[[1, 2, 3]]")));
        assertEquals("task", refusedField(with(COMPLETION, "task.target", "{\"singularValues\": [1]}")));
        assertEquals("task.inputs", refusedField(with(COMPLETION, "task.inputs", "{\"covariance\": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}")));
        assertEquals("task.sensing.y", refusedField(with(SENSING, "task.sensing.y", "[1, 2]")));
        assertEquals("task.sensing.A[1][0]", refusedField(with(SENSING, "task.sensing.A", "[[[1, 0], [0, 0]], [[0, 1, 2], [1, 0, 0]]]")));
        assertEquals("task.sensing.A", refusedField(with(SENSING, "task.sensing.A", "[]")));
    }

    @Test
    void aCompletionRunFitsTheObservedEntriesAndReportsItsReadouts() throws Exception {
        Preset p = PresetIo.parse(COMPLETION, "c.json");
        Trajectory t = PresetRunner.runSet(p, "c.json").runs().get(0).trajectory();
        assertTrue(t.last().loss() < 1e-6, "loss " + t.last().loss());
        JsonObject o = JsonParser.parseString(RunJsonWriter.toJson(t)).getAsJsonObject();
        int n = t.frames().size();
        for (String key : new String[]{"nuclearNorm", "effectiveRank", "recoveryError"})
            assertEquals(n, o.getAsJsonArray(key).size(), key);
        // the readouts are those of the last W_eff: σ summed, and the distance to M entry by entry
        double[] w = t.last().effectiveWeight(), m = {1, 2, 3, 2, 4, 6, 3, 6, 9};
        double err = 0, nuclear = 0;
        for (int i = 0; i < 9; i++) err += (w[i] - m[i]) * (w[i] - m[i]);
        for (double s : org.dlnexplorer.model.core.Task.singularValues(new org.ejml.data.DMatrixRMaj(3, 3, true, w))) nuclear += s;
        assertEquals(Math.sqrt(err), o.getAsJsonArray("recoveryError").get(n - 1).getAsDouble(), 1e-12);
        assertEquals(nuclear, o.getAsJsonArray("nuclearNorm").get(n - 1).getAsDouble(), 1e-9);
        assertEquals(nuclear, Recovery.nuclearNorm(t.last()), 1e-9);
        // no closed-form theory, but the convex minimum: at most the nuclear norm of any fit (the run's, to its loss)
        for (var e : o.getAsJsonArray("overlays")) {
            JsonObject ov = e.getAsJsonObject();
            boolean convex = ov.get("id").getAsString().equals("min-nuclear-norm");
            assertEquals(convex, ov.get("available").getAsBoolean(), ov.toString());
            if (convex) {
                assertTrue(ov.get("value").getAsDouble() <= nuclear + 1e-3, ov.toString());
                assertEquals(9, ov.getAsJsonArray("matrix").size());
            }
        }
    }

    @Test
    void aSensingRunUnderGradientDescentFitsWithoutATruth() throws Exception {
        Trajectory t = PresetRunner.runSet(PresetIo.parse(SENSING, "s.json"), "s.json").runs().get(0).trajectory();
        assertFalse(t.diverged());
        assertTrue(t.last().loss() < 1e-6, "loss " + t.last().loss());
        JsonObject o = JsonParser.parseString(RunJsonWriter.toJson(t)).getAsJsonObject();
        assertTrue(o.has("nuclearNorm") && o.has("effectiveRank"));
        assertFalse(o.has("recoveryError"), "no matrix given: no recovery error");
    }
}
