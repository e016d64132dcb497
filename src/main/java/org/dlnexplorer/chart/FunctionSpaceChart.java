package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.TheoryResult;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * β(t) = W_eff(t) = a(t)·w(t)ᵀ of a single neuron with two inputs, drawn over the loss contours
 * ℒ(β) = ½(β − β*)ᵀΣxx(β − β*) + ℒ_min (marching squares on a grid). Several δ at once for compare sets.
 */
final class FunctionSpaceChart extends XyViewChart {
    private static final int GRID = 90;
    private static final int LEVELS = 9;
    private static final Color CONTOUR = new Color(0xB0B0B0);

    FunctionSpaceChart(ChartStyle style) {
        super(ViewId.FUNCTION_SPACE, style, "Function space β(t)", SlideAxes.number("β₁"), SlideAxes.number("β₂"), false);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        List<RunSet.Labeled> ok = new ArrayList<>();
        for (RunSet.Labeled l : rs.runs()) {
            int[] w = l.trajectory().widths();
            if (w.length == 3 && w[1] == 1 && w[2] == 1 && w[0] == 2 && !l.trajectory().frames().isEmpty()) ok.add(l);
        }
        if (ok.isEmpty()) {
            showMessage("needs one hidden neuron with two inputs: widths [2, 1, 1]",
                    "this network has widths " + java.util.Arrays.toString(rs.runs().get(0).trajectory().widths()));
            return;
        }
        boolean compare = ok.size() > 1;
        List<Line> sim = new ArrayList<>(), exact = new ArrayList<>();
        double xmin = 0, xmax = 0, ymin = 0, ymax = 0;
        boolean anyExact = false;
        for (int r = 0; r < ok.size(); r++) {
            RunSet.Labeled run = ok.get(r);
            Trajectory tr = run.trajectory();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            double[] b1 = new double[n], b2 = new double[n];
            for (int i = 0; i < n; i++) {
                double[] w = fs.get(i).effectiveWeight();
                b1[i] = w[0];
                b2[i] = w[1];
                xmin = Math.min(xmin, w[0]); xmax = Math.max(xmax, w[0]);
                ymin = Math.min(ymin, w[1]); ymax = Math.max(ymax, w[1]);
            }
            Color c = ChartStyle.color(compare ? r : 0);
            sim.add(new Line(run.label(), Decimator.xy(b1, b2, n, false, false), c, style.solid()));
            legendLine(compare ? run.label() : "β(t) simulated", c, style.solid());
            TheoryResult ex = tr.exact();
            if (ex != null && ex.available() && ex.weights() != null) {
                double[][][] ew = ex.weights();
                int m = ew.length;
                double[] e1 = new double[m], e2 = new double[m];
                for (int i = 0; i < m; i++) {
                    double a = ew[i][1][0];
                    e1[i] = a * ew[i][0][0];
                    e2[i] = a * ew[i][0][1];
                }
                exact.add(new Line(run.label() + " exact", Decimator.xy(e1, e2, m, false, false), c.darker(), style.dashed()));
                anyExact = true;
            }
            double[] start = {b1[0], b2[0]};
            double d = 0.02 * Math.max(1e-9, Math.max(xmax - xmin, ymax - ymin));
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(start[0] - d, start[1] - d, 2 * d, 2 * d),
                    new BasicStroke(style.lineWidth() * 0.6f), c));
        }
        Trajectory.Setup su = ok.get(0).trajectory().setup();
        List<Line> contours = new ArrayList<>();
        if (su != null) {
            Task task = su.task();
            double[] bs = task.target().data;
            xmin = Math.min(xmin, bs[0]); xmax = Math.max(xmax, bs[0]);
            ymin = Math.min(ymin, bs[1]); ymax = Math.max(ymax, bs[1]);
            double pad = 0.15 * Math.max(0.5, Math.max(xmax - xmin, ymax - ymin));
            xmin -= pad; xmax += pad; ymin -= pad; ymax += pad;
            contours.add(new Line("ℒ contours", contours(task, xmin, xmax, ymin, ymax), CONTOUR, new BasicStroke(Math.max(1f, style.lineWidth() * 0.45f))));
            double d = 0.018 * Math.max(xmax - xmin, ymax - ymin);
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(bs[0] - d, bs[1] - d, 2 * d, 2 * d), null, null, ChartStyle.TEXT));
            XYTextAnnotation label = new XYTextAnnotation(" β*", bs[0] + d, bs[1]);
            label.setFont(style.annotationFont().deriveFont(java.awt.Font.BOLD));
            label.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(label);
            legendLine("loss contours", CONTOUR, new BasicStroke(1.5f));
        }
        addLayer(exact);
        addLayer(sim);
        addLayer(contours);
        if (anyExact) legendLine("exact", ChartStyle.TEXT, style.dashed());
        subtitle.setText(join("○ start · ● β* (target)", join(anyExact ? "dashed: exact" : "", divergenceNote(rs))));
    }

    /** marching-squares segments of LEVELS loss levels, as one NaN-separated polyline */
    static double[][] contours(Task task, double x0, double x1, double y0, double y1) {
        DMatrixRMaj sxx = task.sigmaXX();
        double[] t = task.target().data;
        double[][] f = new double[GRID + 1][GRID + 1];
        double fmax = 0;
        for (int i = 0; i <= GRID; i++)
            for (int j = 0; j <= GRID; j++) {
                double dx = x0 + (x1 - x0) * i / GRID - t[0], dy = y0 + (y1 - y0) * j / GRID - t[1];
                // ½ (β − β*)ᵀ Σxx (β − β*)
                f[i][j] = 0.5 * (sxx.get(0, 0) * dx * dx + 2 * sxx.get(0, 1) * dx * dy + sxx.get(1, 1) * dy * dy);
                fmax = Math.max(fmax, f[i][j]);
            }
        List<double[]> pts = new ArrayList<>();
        for (int k = 1; k <= LEVELS; k++) {
            // levels quadratic in k: evenly spaced ellipses for full-rank Σxx
            double c = fmax * Math.pow(k / (double) (LEVELS + 1), 2);
            for (int i = 0; i < GRID; i++)
                for (int j = 0; j < GRID; j++) {
                    double[] v = {f[i][j], f[i + 1][j], f[i + 1][j + 1], f[i][j + 1]};
                    double[][] corner = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                    List<double[]> cross = new ArrayList<>();
                    for (int e = 0; e < 4; e++) {
                        double va = v[e], vb = v[(e + 1) % 4];
                        if ((va < c) != (vb < c)) {
                            double s = (c - va) / (vb - va);
                            double gi = corner[e][0] + s * (corner[(e + 1) % 4][0] - corner[e][0]);
                            double gj = corner[e][1] + s * (corner[(e + 1) % 4][1] - corner[e][1]);
                            cross.add(new double[]{x0 + (x1 - x0) * gi / GRID, y0 + (y1 - y0) * gj / GRID});
                        }
                    }
                    for (int q = 0; q + 1 < cross.size(); q += 2) {
                        pts.add(cross.get(q));
                        pts.add(cross.get(q + 1));
                        pts.add(new double[]{Double.NaN, Double.NaN});
                    }
                }
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { xy[0][i] = pts.get(i)[0]; xy[1][i] = pts.get(i)[1]; }
        return xy;
    }
}
