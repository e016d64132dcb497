package org.dlnexplorer.app.phase;

import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.SweepResult;

import java.util.Locale;

/** The phase-diagram view's lines of text: the sweep's progress and one cell's values (under the map). */
final class PhaseCellText {
    private PhaseCellText() {}

    static String progress(SweepResult r) {
        int done = r.completed(), all = r.size();
        if (!r.finished()) return String.format(Locale.ROOT, "computing: %d of %d cells", done, all);
        if (r.cancelled()) return String.format(Locale.ROOT, "cancelled after %d of %d cells", done, all);
        return String.format(Locale.ROOT, "%d cells in %.1f s (%.0f cells/s)", done, r.elapsedSeconds(), r.cellsPerSecond());
    }

    /** one line describing cell (ix, iy): its coordinates and every available metric */
    static String describe(SweepResult result, int ix, int iy) {
        Axis xAxis = result.x(), yAxis = result.y();
        StringBuilder sb = new StringBuilder();
        sb.append(AxisLabels.symbol(xAxis.field())).append(" = ").append(num(xAxis.value(ix))).append(", ")
                .append(AxisLabels.symbol(yAxis.field())).append(" = ").append(num(yAxis.value(iy))).append(":  ");
        CellResult c = result.get(ix, iy);
        if (c == null) return sb.append("not computed yet").toString();
        if (c.failed()) return sb.append("failed: ").append(c.message()).toString();
        if (c.diverged())
            return sb.append("diverged").append(c.divergedAtStep() >= 0 ? " at step " + c.divergedAtStep() : "").toString();
        sb.append("S = ").append(num(c.kernelDistance()));
        if (c.prediction().available() && Double.isFinite(c.prediction().kernelDistance()))
            sb.append(" (theory ").append(num(c.prediction().kernelDistance())).append(')');
        else if (c.prediction().available())
            sb.append(" (theory S(0,∞) = ").append(num(c.prediction().kernelDistanceLimit())).append(')');
        sb.append(",  time to fit ").append(Double.isFinite(c.timeToFit()) ? num(c.timeToFit()) : "not reached");
        if (Double.isFinite(c.parameterDistance()))
            sb.append(",  ‖θ−θ₀‖ = ").append(num(c.parameterDistance()));
        if (Double.isFinite(c.relativeParameterDistance()))
            sb.append(" (").append(num(c.relativeParameterDistance())).append(" ‖θ₀‖)");
        if (Double.isFinite(c.finalSharpness())) sb.append(",  sharpness ").append(num(c.finalSharpness()));
        sb.append(".  Click to load.");
        return sb.toString();
    }

    static String num(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
