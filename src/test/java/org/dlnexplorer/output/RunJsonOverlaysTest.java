package org.dlnexplorer.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
import org.dlnexplorer.model.theory.TheoryRun;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run` JSON lists every overlay: id, available, and its numbers or the reason. */
class RunJsonOverlaysTest {

    private static JsonObject overlay(JsonObject run, String id) {
        for (JsonElement e : run.getAsJsonArray("overlays"))
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) return e.getAsJsonObject();
        throw new AssertionError("no overlay " + id);
    }

    private static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
        return v;
    }

    /** every entry has id and available; unavailable ones a reason and nothing else; order and ids as the model's */
    private static void assertShape(JsonObject run, Trajectory tr) {
        JsonArray arr = run.getAsJsonArray("overlays");
        List<OverlayResult> expected = Overlays.evaluateAll(OverlayInput.of(tr));
        assertEquals(expected.size(), arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonObject o = arr.get(i).getAsJsonObject();
            OverlayResult r = expected.get(i);
            assertEquals(r.id(), o.get("id").getAsString());
            assertEquals(r.available(), o.get("available").getAsBoolean(), r.id());
            if (!r.available()) {
                assertEquals(r.reason(), o.get("reason").getAsString());
                assertEquals(3, o.size(), o.toString());
            } else {
                assertFalse(o.has("reason"), o.toString());
            }
        }
    }

    @Test
    void singleNeuronRunCarriesEveryOverlay() {
        Task task = Task.whitened(new DMatrixRMaj(1, 2, true, 0, 1));
        SimulationSpec spec = Fixtures.spec(new Network(2, 1, 1), task, Scheme.GAUSSIAN, 0.5, 0.0, 4,
                Method.GRADIENT_FLOW, 3.0, 7, 0.0);
        Trajectory tr = TheoryRun.run(spec);
        String json = RunJsonWriter.toJson(tr);
        assertFalse(json.contains("NaN") || json.contains("Infinity"));
        JsonObject run = JsonParser.parseString(json).getAsJsonObject();
        assertShape(run, tr);
        assertTrue(overlay(run, "single-neuron").get("available").getAsBoolean());
        assertEquals("single-neuron", run.getAsJsonObject("exact").get("model").getAsString());
        assertFalse(overlay(run, "saxe").get("available").getAsBoolean());
        // the numbers are the model's: plateau ½‖β*‖² = 0.5, S_min = 2‖β*‖ = 2, β(∞) = β* for full-rank Σxx
        assertEquals(List.of(0.5), toList(doubles(overlay(run, "saddle-plateaus").getAsJsonArray("levels"))));
        assertEquals(2.0, overlay(run, "minimal-sharpness").get("value").getAsDouble(), 1e-15);
        double[] beta = doubles(overlay(run, "implicit-bias").getAsJsonArray("beta"));
        assertEquals(0.0, beta[0], 1e-12);
        assertEquals(1.0, beta[1], 1e-12);
    }

    @Test
    void anIsotropicDeepRunCarriesTheorem15WithItsNote() {
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, 0.44, 0.88),
                new DMatrixRMaj(new double[][]{{0.25, 0.5}, {0.5, 1.0}}));
        Network net = new Network(2, 2, 2, 1);
        double[] theta = org.dlnexplorer.model.init.Initializer.initialize(net, task, Scheme.ISOTROPIC, 0.1, -1e-4, 1, null);
        SimulationSpec spec = org.dlnexplorer.model.engine.SimulationSpec.builder(net, task, theta).scheme(Scheme.ISOTROPIC)
                .method(Method.GRADIENT_FLOW).grid(1.0, 3).build();
        JsonObject o = overlay(JsonParser.parseString(RunJsonWriter.toJson(TheoryRun.run(spec))).getAsJsonObject(), "deep-implicit-bias");
        assertTrue(o.get("available").getAsBoolean(), o.toString());
        assertEquals(2, o.getAsJsonArray("beta").size());
        assertEquals(-1e-4, o.get("delta").getAsDouble(), 1e-15);
        // |δ| against ‖β(0)‖^{2/(L+1)} = 0.1^{2/3} (seed L = 2)
        assertEquals(1e-4 / Math.pow(0.1, 2.0 / 3), o.get("deltaRatio").getAsDouble(), 1e-12);
        assertTrue(o.get("note").getAsString().contains("|δ|"), o.toString());
    }

    @Test
    void gradientDescentOnAWideOutputDeclinesWithReasons() {
        Task task = Task.whitened(Fixtures.diag(3, 3, 3, 2, 1));
        SimulationSpec spec = Fixtures.spec(new Network(3, 3, 3), task, Scheme.ALIGNED, 0.05, 0.0, 1,
                Method.GRADIENT_DESCENT, 1.0, 5, 0.05);
        Trajectory tr = TheoryRun.run(spec);
        JsonObject run = JsonParser.parseString(RunJsonWriter.toJson(tr)).getAsJsonObject();
        assertShape(run, tr);
        for (String id : new String[]{"linear", "single-neuron", "saxe", "lambda-balanced", "aligned-modes",
                "minimal-sharpness", "implicit-bias", "deep-implicit-bias", "neuron-temporal", "hyperbolic-entropy"})
            assertFalse(overlay(run, id).get("available").getAsBoolean(), id);
        assertEquals(List.of(7.0, 2.5, 0.5), toList(doubles(overlay(run, "saddle-plateaus").getAsJsonArray("levels"))));
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double x : v) l.add(x);
        return l;
    }
}
