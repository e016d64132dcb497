package org.dlnexplorer.app.phase;

import org.dlnexplorer.model.observe.Regime;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.dlnexplorer.model.sweep.CellResult;
import org.dlnexplorer.model.sweep.CellStatus;

import java.util.Locale;

/** The hover line of a phase-diagram cell: its coordinates, then its values, or why it has none. */
final class CellText {
    private CellText() {}

    /** one line describing a cell (c null: not computed yet) */
    static String describe(Axis xAxis, Axis yAxis, int ix, int iy, CellResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append(AxisLabels.symbol(xAxis.field())).append(" = ").append(num(xAxis.value(ix))).append(", ")
                .append(AxisLabels.symbol(yAxis.field())).append(" = ").append(num(yAxis.value(iy))).append(":  ");
        if (c == null) return sb.append("not computed yet").toString();
        if (c.failed()) return sb.append("failed: ").append(c.message() == null ? "no reason given" : c.message()).toString();
        if (c.status() == CellStatus.STOPPED)
            return sb.append("stopped: ").append(c.message() == null ? "step budget spent" : c.message()).toString();
        if (c.diverged())
            return sb.append("diverged").append(c.divergedAtStep() >= 0 ? " at step " + c.divergedAtStep() : "").toString();
        if (c.notFitted())
            sb.append("not fitted yet by t_end (the loss is still above ")
                    .append(num(100 * Regime.CONVERGED_FRACTION)).append(" % of its start): no regime;  ");
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
        if (Double.isFinite(c.testLoss())) sb.append(",  test loss ").append(num(c.testLoss()));
        if (Double.isFinite(c.hamming())) sb.append(",  Hamming ").append(num(c.hamming()));
        sb.append(".  Click to load.");
        return sb.toString();
    }

    static String num(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** "about 40 s" / "about 3 min" */
    static String duration(double seconds) {
        if (seconds < 90) return String.format(Locale.ROOT, "about %.0f s", Math.max(1, seconds));
        return String.format(Locale.ROOT, "about %.0f min", seconds / 60);
    }
}
