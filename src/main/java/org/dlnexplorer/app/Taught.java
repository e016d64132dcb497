package org.dlnexplorer.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What is taught beyond the sliders, as the control panel edits it: the compare set (its parameter and
 * values, or detached to a single run), the target's basis and the input covariance Σxx. Immutable (arrays
 * are copied in and out). Read from a preset with {@link #of} and written back with {@link #applyTo}, which
 * touches only what differs from the base preset.
 */
public record Taught(String compareParameter, double[] compareValues, boolean detached, String basis, double[][] covariance) {
    /** Σxx = I: the preset's "whitened" inputs */
    static final String WHITENED = "whitened";

    public Taught {
        compareValues = compareValues == null ? null : compareValues.clone();
        covariance = copy(covariance);
    }

    @Override public double[] compareValues() { return compareValues == null ? null : compareValues.clone(); }
    @Override public double[][] covariance() { return copy(covariance); }

    /** true when there is a compare set to show or detach */
    public boolean hasCompare() { return compareParameter != null && compareValues != null; }

    /** the same with another compare set (detachment unchanged) */
    public Taught withCompare(String parameter, double[] values) { return new Taught(parameter, values, detached, basis, covariance); }
    public Taught withDetached(boolean on) { return new Taught(compareParameter, compareValues, on, basis, covariance); }
    public Taught withBasis(String b) { return new Taught(compareParameter, compareValues, detached, b, covariance); }
    /** Σxx, or null for whitened inputs */
    public Taught withCovariance(double[][] c) { return new Taught(compareParameter, compareValues, detached, basis, c); }

    /**
     * What a preset teaches: its compare set (not detached), its target's basis ("identity" when it says
     * none; null when its target is not given by singular values) and its input covariance (null: whitened,
     * or no target).
     */
    public static Taught of(Preset p) {
        String param = p.compare == null ? null : p.compare.parameter;
        double[] values = p.compare == null ? null : p.compare.values;
        Preset.TargetSection t = p.task == null ? null : p.task.target;
        String basis = t != null && t.singularValues != null ? (t.basis == null ? "identity" : t.basis) : null;
        double[][] cov = t != null ? covarianceOf(p.task.inputs) : null;
        return new Taught(param, values, false, basis, cov);
    }

    /** true when the task has a target whose inputs Σxx may be edited */
    static boolean hasInputs(Preset p) { return p != null && p.task != null && p.task.target != null; }

    /** Σxx as the preset gives it (null: whitened, absent or not a matrix: validation says so, not this) */
    static double[][] covarianceOf(JsonElement inputs) {
        if (inputs == null || !inputs.isJsonObject() || !inputs.getAsJsonObject().has("covariance")) return null;
        try {
            return PresetIo.gson().fromJson(inputs.getAsJsonObject().get("covariance"), double[][].class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * p (already a copy of the base) with what differs from the base's own: a changed compare set (its
     * `with` fields kept only while the parameter is the same), or none when detached; the basis; Σxx.
     */
    Preset applyTo(Preset base, Preset p) {
        Taught b = of(base);
        if (detached) {
            p.compare = null;
        } else if (hasCompare() && (!Objects.equals(compareParameter, b.compareParameter) || !Arrays.equals(compareValues, b.compareValues))) {
            Preset.CompareSection c = new Preset.CompareSection();
            c.parameter = compareParameter;
            c.values = compareValues.clone();
            if (base.compare != null && base.compare.with != null && compareParameter.equals(base.compare.parameter))
                c.with = new LinkedHashMap<>(base.compare.with);
            p.compare = c;
        }
        if (basis != null && !basis.equals(b.basis) && p.task != null && p.task.target != null && p.task.target.singularValues != null)
            p.task.target.basis = basis;
        if (hasInputs(p) && !Arrays.deepEquals(covariance, b.covariance)) p.task.inputs = inputsJson(covariance);
        return p;
    }

    /** the preset's task.inputs for Σxx: "whitened" or {"covariance": [[…]]} */
    static JsonElement inputsJson(double[][] c) {
        if (c == null) return new JsonPrimitive(WHITENED);
        JsonObject o = new JsonObject();
        o.add("covariance", PresetIo.gson().toJsonTree(c));
        return o;
    }

    private static double[][] copy(double[][] m) {
        if (m == null) return null;
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i] == null ? null : m[i].clone();
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Taught q && Objects.equals(q.compareParameter, compareParameter)
                && Arrays.equals(q.compareValues, compareValues) && q.detached == detached
                && Objects.equals(q.basis, basis) && Arrays.deepEquals(q.covariance, covariance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(compareParameter, Arrays.hashCode(compareValues), detached, basis, Arrays.deepHashCode(covariance));
    }
}
