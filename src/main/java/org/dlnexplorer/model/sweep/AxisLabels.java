package org.dlnexplorer.model.sweep;

import java.util.Map;

/**
 * The one symbol table for preset field paths: the math symbol ("δ" for init.delta), used in compare-set
 * legends and phase-diagram tooltips, and the axis name with its unit. Fields not listed show their path.
 */
public final class AxisLabels {
    private AxisLabels() {}

    /** a field's symbol and its axis name (null: the field path itself) */
    private record Entry(String symbol, String name) {}

    private static final Map<String, Entry> FIELDS = Map.of(
            "init.delta", new Entry("δ", "relative scale δ"),
            "init.scale", new Entry("τ", "overall scale τ"),
            "training.learningRate", new Entry("η", "learning rate η"),
            "network.depth", new Entry("L", "depth L (layers)"),
            "network.width", new Entry("hidden width", "hidden width (units)"),
            "training.duration", new Entry("T", "duration T (time units)"),
            "init.seed", new Entry("seed", null),
            "network.leak", new Entry("γ", "leak γ"),
            "task.teacher.seed", new Entry("teacher seed", null));

    /** "δ", "τ", "η", "L", … or the field path itself */
    public static String symbol(String field) {
        Entry e = FIELDS.get(field);
        return e == null ? field : e.symbol();
    }

    /** an axis by its symbol alone, for a panel too small for its name: "δ", or "τ (log)" on a log axis */
    public static String shortLabel(Axis a) {
        return symbol(a.field()) + (a.log() ? " (log)" : "");
    }

    /** a full axis label, e.g. "relative scale δ (init.delta)" or "overall scale τ (init.scale, log)" */
    public static String label(Axis a) {
        String f = a.field();
        Entry e = FIELDS.get(f);
        String name = e == null || e.name() == null ? f : e.name();
        String detail = name.equals(f) ? (a.log() ? "log scale" : "") : f + (a.log() ? ", log scale" : "");
        return detail.isEmpty() ? name : name + "  (" + detail + ")";
    }
}
