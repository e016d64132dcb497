package org.dlnexplorer.model.sweep;

/** Human labels for swept fields: the math symbol, the field path, and the unit where there is one. */
public final class AxisLabels {
    private AxisLabels() {}

    /** "δ", "τ", "η", "L", … or the field path itself */
    public static String symbol(String field) {
        return switch (field) {
            case "init.delta" -> "δ";
            case "init.scale" -> "τ";
            case "training.learningRate" -> "η";
            case "network.depth" -> "L";
            case "network.width" -> "hidden width";
            case "training.duration" -> "T";
            case "init.seed" -> "seed";
            default -> field;
        };
    }

    /** a full axis label, e.g. "relative scale δ (init.delta)" or "overall scale τ (init.scale, log)" */
    public static String label(Axis a) {
        String f = a.field();
        String name = switch (f) {
            case "init.delta" -> "relative scale δ";
            case "init.scale" -> "overall scale τ";
            case "training.learningRate" -> "learning rate η";
            case "network.depth" -> "depth L (layers)";
            case "network.width" -> "hidden width (units)";
            case "training.duration" -> "duration T (time units)";
            default -> f;
        };
        String detail = name.equals(f) ? (a.log() ? "log scale" : "") : f + (a.log() ? ", log scale" : "");
        return detail.isEmpty() ? name : name + "  (" + detail + ")";
    }
}
