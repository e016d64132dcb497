package org.dlnexplorer.output;

import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The `run` CSV of SPEC §3: header t,loss,sv1,…,svk,kernel_distance,balance_drift[,sharpness][,exact_sv1,…];
 * for the piecewise-linear family t,loss,kernel_distance,balance_drift[,sharpness][,test_loss],hamming,parameter_distance.
 * A value that is not finite is written as an empty cell, never NaN or Infinity.
 */
public final class RunCsvWriter {
    private RunCsvWriter() {}

    public static String toCsv(Trajectory tr) {
        return TextOutput.render(out -> write(tr, out));
    }

    public static void write(Trajectory tr, Writer out) throws IOException {
        List<Frame> frames = tr.frames();
        boolean piecewise = tr.isPiecewise();   // no singular values; its own columns after balance_drift
        int k = piecewise ? 0 : Math.min(tr.widths()[0], tr.widths()[tr.widths().length - 1]);
        boolean test = piecewise && !frames.isEmpty() && frames.get(0).hasTestLoss();
        boolean sharp = !frames.isEmpty() && frames.get(0).hasSharpness();
        TheoryResult ex = tr.exact();
        double[][] exactSv = ex != null && ex.available() ? ex.singularValues() : null;   // one copy, not one per row
        boolean exact = exactSv != null;
        StringBuilder sb = new StringBuilder("t,loss");
        for (int i = 1; i <= k; i++) sb.append(",sv").append(i);
        sb.append(",kernel_distance,balance_drift");
        if (sharp) sb.append(",sharpness");
        if (test) sb.append(",test_loss");
        if (piecewise) sb.append(",hamming,parameter_distance");
        if (exact) for (int i = 1; i <= k; i++) sb.append(",exact_sv").append(i);
        out.write(sb.append('\n').toString());
        for (int r = 0; r < frames.size(); r++) {
            Frame f = frames.get(r);
            sb.setLength(0);
            cell(sb, f.t());
            sb.append(',');
            cell(sb, f.loss());
            for (double s : f.singularValues()) cell(sb.append(','), s);
            cell(sb.append(','), f.kernelDistance());
            cell(sb.append(','), f.balanceDrift());
            if (sharp) cell(sb.append(','), f.sharpness());
            if (test) cell(sb.append(','), f.testLoss());
            if (piecewise) cell(cell(sb.append(','), f.hamming()).append(','), f.parameterDistance());
            if (exact) {
                double[] sv = r < exactSv.length ? exactSv[r] : null;
                for (int i = 0; i < k; i++) cell(sb.append(','), sv != null && i < sv.length ? sv[i] : Double.NaN);
            }
            out.write(sb.append('\n').toString());
        }
        out.flush();
    }

    private static StringBuilder cell(StringBuilder sb, double v) {
        if (Double.isFinite(v)) sb.append(v);
        return sb;
    }
}
