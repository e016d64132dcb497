package org.dlnexplorer.output;

import com.google.gson.stream.JsonWriter;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.ResidualChange;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The `run` JSON output of SPEC §3: one object with the sampled series, the exact solution on the same t
 * grid, every theory overlay (model.theory.Overlays) with its numbers or the reason it does not apply, and
 * the divergence report. Numbers are written in shortest round-trip form; a non-finite number is
 * never written (frames are finite by construction; theory values that are not are written as null).
 */
public final class RunJsonWriter {
    private RunJsonWriter() {}

    public static String toJson(Trajectory tr) {
        return TextOutput.render(out -> write(tr, out));
    }

    public static void write(Trajectory tr, Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("");
        w.beginObject();
        w.name("name").value(tr.name());
        w.name("method").value(tr.method());
        if (tr.isPiecewise()) {
            w.name("activation").value(tr.setup().network().activation().kind().id());
            w.name("leak").value(tr.setup().network().activation().gamma());
        }
        w.name("depth").value(tr.depth());
        w.name("widths").beginArray();
        for (int n : tr.widths()) w.value(n);
        w.endArray();
        List<Frame> frames = tr.frames();
        w.name("t").beginArray();
        for (Frame f : frames) num(w, f.t());
        w.endArray();
        w.name("loss").beginArray();
        for (Frame f : frames) num(w, f.loss());
        w.endArray();
        w.name("singularValues").beginArray();
        for (Frame f : frames) array(w, f.singularValues());
        w.endArray();
        w.name("kernelDistance").beginArray();
        for (Frame f : frames) num(w, f.kernelDistance());
        w.endArray();
        w.name("balanceDrift").beginArray();
        for (Frame f : frames) num(w, f.balanceDrift());
        w.endArray();
        if (tr.isPiecewise()) piecewise(w, frames);
        if (ResidualChange.applies(tr)) {
            // training.freezeOutput: L·max_k‖W_k(t) − W_k(0)‖_F, L the trained layers (what the residual-depth view plots)
            w.name("layerChange").beginArray();
            for (Frame f : frames) num(w, ResidualChange.scaled(tr, f));
            w.endArray();
        }
        if (!frames.isEmpty() && frames.get(0).hasSharpness()) {
            w.name("sharpness").beginArray();
            for (Frame f : frames) num(w, f.sharpness());
            w.endArray();
        }
        if (!frames.isEmpty() && frames.get(0).hasHessian()) {
            // training.hessian: λ_min of ∇²ℒ and the number of its negative eigenvalues, per frame
            w.name("hessianMin").beginArray();
            for (Frame f : frames) num(w, f.hessianMin());
            w.endArray();
            w.name("hessianIndex").beginArray();
            for (Frame f : frames) w.value(f.hessianIndex());
            w.endArray();
            w.name("hessianBottom").beginArray();   // the lowest eigenvalues, ascending (what the view draws)
            for (Frame f : frames) array(w, f.hessianBottom());
            w.endArray();
        }
        if (!frames.isEmpty() && tr.setup() != null && tr.setup().task().isMeasured()) {
            // completion / sensing: ‖W_eff‖_*, the effective rank, and ‖W_eff − M‖_F when M is known
            org.dlnexplorer.model.core.Task task = tr.setup().task();
            w.name("nuclearNorm").beginArray();
            for (Frame f : frames) num(w, org.dlnexplorer.model.observe.Recovery.nuclearNorm(f));
            w.endArray();
            w.name("effectiveRank").beginArray();
            for (Frame f : frames) num(w, f.effectiveRank());
            w.endArray();
            if (task.truthKnown()) {
                w.name("recoveryError").beginArray();
                for (Frame f : frames) num(w, org.dlnexplorer.model.observe.Recovery.error(f, task));
                w.endArray();
            }
        }
        w.name("rank").beginArray();
        for (Frame f : frames) w.value(f.rank());
        w.endArray();
        int[] widths = tr.widths();
        if (!frames.isEmpty() && frames.get(0).hasWeights()) {
            w.name("weights").beginArray();
            for (Frame f : frames) layers(w, f.weights(), widths);
            w.endArray();
        }
        TheoryResult ex = tr.exact();
        w.name("exact").beginObject();
        if (ex == null || !ex.available()) {
            w.name("available").value(false);
            w.name("reason").value(ex == null ? "no theory was evaluated for this run" : ex.reason());
        } else {
            w.name("available").value(true);
            w.name("model").value(ex.model());
            if (ex.singularValues() != null) {
                w.name("singularValues").beginArray();
                for (double[] sv : ex.singularValues()) array(w, sv);
                w.endArray();
            }
            if (ex.weights() != null) {
                w.name("weights").beginArray();
                for (double[][] ws : ex.weights()) layers(w, ws, widths);
                w.endArray();
            }
            if (ex.loss() != null) {
                w.name("loss").beginArray();
                for (double v : ex.loss()) num(w, v);
                w.endArray();
            }
            if (ex.kernelDistance() != null) {
                w.name("kernelDistance").beginArray();
                for (double v : ex.kernelDistance()) num(w, v);
                w.endArray();
            }
        }
        w.endObject();
        overlays(w, Overlays.evaluateAll(OverlayInput.of(tr)));
        w.name("diverged").value(tr.diverged());
        w.name("divergedAtStep");
        if (tr.divergedAtStep() == null) w.nullValue(); else w.value(tr.divergedAtStep());
        w.name("steps").value(tr.steps());
        if (tr.stopped() != null) {
            // a budget ended the run early: not a divergence (SPEC extension)
            w.name("stopped").beginObject();
            w.name("reason").value(tr.stopped().reason());
            w.name("steps").value(tr.stopped().steps());
            w.name("t");
            num(w, tr.stopped().t());
            w.endObject();
        }
        w.endObject();
        w.flush();
    }

    /**
     * "overlays": one object per overlay of the model, {"id", "available"} plus "reason" when unavailable, else
     * its named numbers ("value") and arrays ("levels", "beta") and an optional "note"; the exact solutions' series
     * stay in "exact".
     */
    private static void overlays(JsonWriter w, List<OverlayResult> results) throws IOException {
        w.name("overlays").beginArray();
        for (OverlayResult r : results) {
            w.beginObject();
            w.name("id").value(r.id());
            w.name("available").value(r.available());
            if (!r.available()) {
                w.name("reason").value(r.reason());
            } else {
                for (Map.Entry<String, Double> e : r.numbers().entrySet()) {
                    w.name(e.getKey());
                    num(w, e.getValue());
                }
                for (Map.Entry<String, double[]> e : r.arrays().entrySet()) {
                    w.name(e.getKey());
                    array(w, e.getValue());
                }
                if (r.note() != null) w.name("note").value(r.note());
            }
            w.endObject();
        }
        w.endArray();
    }

    /**
     * The piecewise-linear family's series (issue #13): testLoss (with test data), hamming and
     * parameterDistance; balanceDrift above is max_k |δ_k(t) − δ_k(0)| for this family.
     */
    private static void piecewise(JsonWriter w, List<Frame> frames) throws IOException {
        if (!frames.isEmpty() && frames.get(0).hasTestLoss()) {
            w.name("testLoss").beginArray();
            for (Frame f : frames) num(w, f.testLoss());
            w.endArray();
        }
        w.name("hamming").beginArray();
        for (Frame f : frames) num(w, f.hamming());
        w.endArray();
        w.name("parameterDistance").beginArray();
        for (Frame f : frames) num(w, f.parameterDistance());
        w.endArray();
    }

    private static void layers(JsonWriter w, double[][] layers, int[] widths) throws IOException {
        w.beginArray();
        if (layers != null) {
            for (int l = 0; l < layers.length; l++) {
                int rows = widths[l + 1], cols = widths[l];
                w.beginArray();
                for (int i = 0; i < rows; i++) {
                    w.beginArray();
                    for (int j = 0; j < cols; j++) num(w, layers[l][i * cols + j]);
                    w.endArray();
                }
                w.endArray();
            }
        }
        w.endArray();
    }

    private static void array(JsonWriter w, double[] a) throws IOException {
        w.beginArray();
        if (a != null) for (double v : a) num(w, v);
        w.endArray();
    }

    static void num(JsonWriter w, double v) throws IOException {
        if (Double.isFinite(v)) w.value(v); else w.nullValue();
    }
}
