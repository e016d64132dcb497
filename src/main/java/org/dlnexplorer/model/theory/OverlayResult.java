package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.observe.TheoryResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One overlay evaluated for one run: available with named numbers (scalars and arrays, in insertion order),
 * or unavailable with the reason. Exact-solution overlays also carry the {@link TheoryResult}. Immutable:
 * arrays are copied in and out.
 */
public final class OverlayResult {
    private final String id;
    private final String reason;
    private final Map<String, Double> numbers;
    private final Map<String, double[]> arrays;
    private final TheoryResult exact;
    /** a remark on an available result (how far the run is from the theorem's limit), or null */
    private final String note;

    private OverlayResult(String id, String reason, Map<String, Double> numbers, Map<String, double[]> arrays,
                          TheoryResult exact) {
        this(id, reason, numbers, arrays, exact, null);
    }

    private OverlayResult(String id, String reason, Map<String, Double> numbers, Map<String, double[]> arrays,
                          TheoryResult exact, String note) {
        this.id = id;
        this.reason = reason;
        this.numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        Map<String, double[]> a = new LinkedHashMap<>();
        arrays.forEach((k, v) -> a.put(k, v.clone()));
        this.arrays = Collections.unmodifiableMap(a);
        this.exact = exact;
        this.note = note;
    }

    /** this available result with one more named number */
    public OverlayResult with(String name, double value) {
        Map<String, Double> n = new LinkedHashMap<>(numbers);
        n.put(name, value);
        return new OverlayResult(id, reason, n, arrays, exact, note);
    }

    /** this available result with one more named array */
    public OverlayResult withArray(String name, double[] values) {
        Map<String, double[]> a = new LinkedHashMap<>(arrays);
        a.put(name, values.clone());
        return new OverlayResult(id, reason, numbers, a, exact, note);
    }

    /** this result with a note (a remark on an available result) */
    public OverlayResult withNote(String text) {
        return new OverlayResult(id, reason, numbers, arrays, exact, text);
    }

    /** the remark on an available result, or null */
    public String note() { return note; }

    public static OverlayResult unavailable(String id, String reason) {
        return new OverlayResult(id, reason, Map.of(), Map.of(), null);
    }

    public static OverlayResult number(String id, String name, double value) {
        return new OverlayResult(id, null, Map.of(name, value), Map.of(), null);
    }

    public static OverlayResult array(String id, String name, double[] values) {
        return new OverlayResult(id, null, Map.of(), Map.of(name, values), null);
    }

    /** named numbers and arrays together */
    public static OverlayResult of(String id, Map<String, Double> numbers, Map<String, double[]> arrays) {
        return new OverlayResult(id, null, numbers, arrays, null);
    }

    public static OverlayResult exact(String id, TheoryResult exact) {
        return new OverlayResult(id, null, Map.of(), Map.of(), exact);
    }

    public String id() { return id; }
    public boolean available() { return reason == null; }
    /** why the overlay does not apply, or null when it does */
    public String reason() { return reason; }
    /** the scalar results by name ("value" …), in order */
    public Map<String, Double> numbers() { return numbers; }
    /** the array results by name ("levels", "beta" …), in order; copies */
    public Map<String, double[]> arrays() {
        Map<String, double[]> a = new LinkedHashMap<>();
        arrays.forEach((k, v) -> a.put(k, v.clone()));
        return a;
    }
    public double number(String name) { return numbers.getOrDefault(name, Double.NaN); }
    public double[] array(String name) { double[] v = arrays.get(name); return v == null ? null : v.clone(); }
    /** the exact solution, for the exact-solution overlays when available; else null */
    public TheoryResult exactSolution() { return exact; }
}
