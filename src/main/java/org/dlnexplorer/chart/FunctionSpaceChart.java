package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.theory.OverlayInput;
import org.dlnexplorer.model.theory.OverlayResult;
import org.dlnexplorer.model.theory.Overlays;
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
 * β(t) = W_eff(t) of a network with two inputs and one output (a(t)·w(t)ᵀ for a single neuron), drawn over the
 * loss contours ℒ(β) = ½(β − β*)ᵀΣxx(β − β*) + ℒ_min (marching squares on a grid). Several δ (or depths) at once
 * for compare sets. With Σxx of rank 1, each member's predicted interpolant is marked: Theorem 1 for one neuron,
 * Theorem 15 for an isotropic deep start.
 */
final class FunctionSpaceChart extends XyViewChart {
    private static final int GRID = 90;
    private static final int LEVELS = 9;
    private static final Color CONTOUR = new Color(0xB0B0B0);

    FunctionSpaceChart(ChartStyle style) {
        super(ViewId.FUNCTION_SPACE, style, "Function space β(t)", SlideAxes.number("β₁"), SlideAxes.number("β₂"), false);
        ((LevelLabelPlot) plot).background(CONTOURS_KEY);   // labels may lie on the contours, as on the grid
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        List<RunSet.Labeled> ok = new ArrayList<>();
        for (RunSet.Labeled l : rs.runs()) {
            int[] w = l.trajectory().widths();
            if (ViewApplicability.twoInputScalarOutput(l.trajectory())) ok.add(l);
        }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null || ok.isEmpty()) {
            showMessage(why == null ? "no run to draw" : why.message(), why == null ? null : why.detail());
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
                Frame f = fs.get(i);
                b1[i] = f.effectiveWeight(0);
                b2[i] = f.effectiveWeight(1);
                xmin = Math.min(xmin, b1[i]); xmax = Math.max(xmax, b1[i]);
                ymin = Math.min(ymin, b2[i]); ymax = Math.max(ymax, b2[i]);
            }
            Color c = ChartStyle.color(compare ? r : 0);
            sim.add(new Line(run.label(), Decimator.xy(b1, b2, n, false, false), c, style.solid()));
            legendLine(compare ? run.label() : "β(t) simulated", c, style.solid());
            TheoryResult ex = tr.exact();
            double[][][] ew = ex != null && ex.available() ? RunWeights.exact(ex) : null;
            if (ew != null && SingleNeuron.applies(tr)) {
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
        List<Line> contours = new ArrayList<>(), minima = new ArrayList<>();
        List<double[]> limits = new ArrayList<>();
        List<Color> limitColors = new ArrayList<>();
        task = null;
        locus = null;
        nullVector = null;
        if (su != null) {
            task = su.task();
            double[] bs = task.target().data;
            nullVector = nullVector(task.sigmaXX());
            xmin = Math.min(xmin, bs[0]); xmax = Math.max(xmax, bs[0]);
            ymin = Math.min(ymin, bs[1]); ymax = Math.max(ymax, bs[1]);
            // Kunin et al. Theorem 1: with low-rank Σxx each δ interpolates at its own point of the minima line
            if (nullVector != null) {
                for (int r = 0; r < ok.size(); r++) {
                    double[] lim = implicitBiasLimit(ok.get(r).trajectory());
                    if (lim == null) continue;
                    limits.add(lim);
                    limitColors.add(ChartStyle.color(compare ? r : 0));
                    xmin = Math.min(xmin, lim[0]); xmax = Math.max(xmax, lim[0]);
                    ymin = Math.min(ymin, lim[1]); ymax = Math.max(ymax, lim[1]);
                }
            }
            // Figure 4b: where every δ interpolates, as a curve over δ with its landmarks
            locus = nullVector == null ? null : ImplicitBiasLocus.curve(rs);
            if (locus != null) {
                for (double[] q : ImplicitBiasLocus.extent(locus)) {
                    xmin = Math.min(xmin, q[0]); xmax = Math.max(xmax, q[0]);
                    ymin = Math.min(ymin, q[1]); ymax = Math.max(ymax, q[1]);
                }
            }
            double pad = 0.12 * Math.max(0.5, Math.max(xmax - xmin, ymax - ymin));
            xmin -= pad; xmax += pad; ymin -= pad; ymax += pad;
            // the contours are computed for the ranges fitted to the drawing area (beforeDraw)
            contours.add(new Line(CONTOURS_KEY, new double[][]{{}, {}}, CONTOUR, new BasicStroke(Math.max(1f, style.lineWidth() * 0.45f))));
            double d = 0.018 * Math.max(xmax - xmin, ymax - ymin);
            if (nullVector == null) {
                plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(bs[0] - d, bs[1] - d, 2 * d, 2 * d), null, null, ChartStyle.TEXT));
                XYTextAnnotation label = new PlacedTextAnnotation(" β*", bs[0] + d, bs[1]);
                label.setFont(style.annotationFont().deriveFont(java.awt.Font.BOLD));
                label.setTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addAnnotation(label);
            } else {
                // the minima: the line Σxx β = Σxx β*, i.e. β* + s·v for v spanning the null space of Σxx
                double len = MINIMA_LINE_SPAN * Math.max(xmax - xmin, ymax - ymin);
                minima.add(new Line("minima", new double[][]{{bs[0] - len * nullVector[0], bs[0] + len * nullVector[0]},
                        {bs[1] - len * nullVector[1], bs[1] + len * nullVector[1]}}, ChartStyle.TEXT, style.dotted()));
            }
            if (locus != null) ImplicitBiasLocus.draw(plot, style, locus, 0.7 * d);
            for (int i = 0; i < limits.size(); i++) {
                double[] q = limits.get(i);
                double h = 0.9 * d;
                java.awt.geom.Path2D.Double diamond = new java.awt.geom.Path2D.Double();
                diamond.moveTo(q[0], q[1] - h); diamond.lineTo(q[0] + h, q[1]); diamond.lineTo(q[0], q[1] + h);
                diamond.lineTo(q[0] - h, q[1]); diamond.closePath();
                plot.addAnnotation(new XYShapeAnnotation(diamond, new BasicStroke(1.5f), ChartStyle.TEXT, limitColors.get(i)));
            }
        }
        addLayer(exact);
        addLayer(sim);
        addLayer(minima);
        addLayer(contours);
        box = new double[]{xmin, xmax, ymin, ymax};
        fitted = null;
        NumberAxis xa = (NumberAxis) plot.getDomainAxis(), ya = (NumberAxis) plot.getRangeAxis();
        xa.setRange(xmin, xmax);
        ya.setRange(ymin, ymax);
        if (!minima.isEmpty()) legendLine("minima: Σxx β = Σxx β*", ChartStyle.TEXT, style.dotted());
        if (!limits.isEmpty()) {
            java.awt.geom.Path2D.Double key = new java.awt.geom.Path2D.Double();
            key.moveTo(0, -7); key.lineTo(7, 0); key.lineTo(0, 7); key.lineTo(-7, 0); key.closePath();
            boolean deep = ok.get(0).trajectory().widths().length > 3 || ok.get(0).trajectory().widths()[1] != 1;
            org.jfree.chart.LegendItem li = new org.jfree.chart.LegendItem("predicted limit (Kunin et al. Thm " + (deep ? "15" : "1") + ")",
                    null, null, null, key, ChartStyle.MUTED);
            li.setLabelFont(style.legendFont());
            li.setLabelPaint(ChartStyle.TEXT);
            legend.add(li);
        }
        if (locus != null) legendLine("β(∞) over δ ∈ [−" + Fmt.num(locus.delta()[locus.delta().length - 1]) + ", "
                + Fmt.num(locus.delta()[locus.delta().length - 1]) + "] (Fig. 4b)", new Color(Viridis.rgb(0.5)), new BasicStroke(4f));
        if (su != null) legendLine("loss contours", CONTOUR, new BasicStroke(1.5f));
        if (anyExact) legendLine("exact", ChartStyle.TEXT, style.dashed());
        subtitle.setText(join(nullVector == null ? "○ start · ● β* (target)" : "○ start · Σxx of rank 1: a line of minima",
                join(anyExact ? "dashed: exact" : "", divergenceNote(rs))));
    }

    /** the contour lines extend this many box widths along the minima line (clipped by the plot) */
    private static final double MINIMA_LINE_SPAN = 10;
    /** Σxx is taken as singular when det ≤ this × trace² */
    private static final double SINGULAR_TOLERANCE = 1e-12;
    private Task task;
    private double[] nullVector;
    /** Kunin et al. Fig. 4b: β(∞) over δ for a single neuron with low-rank Σxx, or null */
    private org.dlnexplorer.model.theory.ImplicitBiasCurve.Curve locus;
    /** the ranges {x0, x1, y0, y1} around the data box with one data unit as many pixels across as up in data */
    private double[] equalAspect(java.awt.geom.Rectangle2D data) {
        double wx = box[1] - box[0], wy = box[3] - box[2];
        double upp = Math.max(wx / data.getWidth(), wy / data.getHeight());   // data units per pixel
        double cx = (box[0] + box[1]) / 2, cy = (box[2] + box[3]) / 2;
        double hx = upp * data.getWidth() / 2, hy = upp * data.getHeight() / 2;
        return new double[]{cx - hx, cx + hx, cy - hy, cy + hy};
    }

    /** the data box {xmin, xmax, ymin, ymax} from fill, and the ranges last fitted to a drawing area */
    private double[] box, fitted;
    /** the last layout: the chart's area and the data area found in it */
    private java.awt.geom.Rectangle2D lastArea, lastDataArea;
    private boolean inLayout;

    /** unit vector spanning the null space of a singular 2×2 Σxx, or null when Σxx is invertible (or 0) */
    static double[] nullVector(DMatrixRMaj s) {
        double a = s.get(0, 0), b = s.get(0, 1), c = s.get(1, 1);
        double tr = a + c;
        if (!(tr > 0) || a * c - b * b > SINGULAR_TOLERANCE * tr * tr) return null;
        // rows (a, b) and (b, c) are parallel: the null vector is orthogonal to the larger one
        double[] v = Math.abs(a) >= Math.abs(c) ? new double[]{-b, a} : new double[]{c, -b};
        double n = Math.hypot(v[0], v[1]);
        return n == 0 ? null : new double[]{v[0] / n, v[1] / n};
    }

    /**
     * β(∞) of the model's "implicit-bias" overlay (Kunin et al. Thm 1) for a two-input run, else of its
     * "deep-implicit-bias" overlay (Thm 15), or null where neither applies
     */
    static double[] implicitBiasLimit(Trajectory tr) {
        for (String id : new String[]{Overlays.IMPLICIT_BIAS, Overlays.DEEP_IMPLICIT_BIAS}) {
            OverlayResult r = Overlays.evaluate(id, OverlayInput.of(tr));
            double[] b = r.available() ? r.array("beta") : null;
            if (b != null && b.length == 2) return b;
        }
        return null;
    }

    /**
     * Equal aspect: before drawing into an area, widen one range so that a data unit spans as many pixels
     * horizontally as vertically (circular contours stay circles), then recompute the contours for the
     * visible ranges so that they fill the plot.
     */
    @Override
    protected void beforeDraw(java.awt.Graphics2D g, java.awt.geom.Rectangle2D area) {
        if (inLayout || box == null || task == null) return;
        inLayout = true;
        java.util.List<org.jfree.chart.renderer.xy.XYItemRenderer> hidden = new ArrayList<>();
        try {
            // the data area depends on titles, legend and tick labels only: lay out without drawing the lines
            for (int i = 0; i < plot.getRendererCount(); i++) {
                var r = plot.getRenderer(i);
                if (r != null && r.getDefaultSeriesVisible()) { r.setDefaultSeriesVisible(false, false); hidden.add(r); }
            }
            java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D sg = scratch.createGraphics();
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo(null); // data area only, no entities
            NumberAxis xa = (NumberAxis) plot.getDomainAxis(), ya = (NumberAxis) plot.getRangeAxis();
            double[] r = null;
            // the data area depends on the ranges (the tick labels' width): start from the area the last
            // picture's layout found, if any, and lay out once; a second time only when the area moved
            java.awt.geom.Rectangle2D guess = lastDataArea != null && area.equals(lastArea) ? lastDataArea : null;
            if (guess != null) {
                r = equalAspect(guess);
                xa.setRange(new org.jfree.data.Range(r[0], r[1]), true, false);
                ya.setRange(new org.jfree.data.Range(r[2], r[3]), true, false);
            }
            for (int pass = 0; pass < 2; pass++) {
                chart.draw(sg, area, null, info);
                java.awt.geom.Rectangle2D data = info.getPlotInfo().getDataArea();
                if (!(data.getWidth() > 1 && data.getHeight() > 1)) { r = null; break; }
                boolean settled = data.equals(guess);   // the ranges set fit the area they give
                guess = (java.awt.geom.Rectangle2D) data.clone();
                lastArea = (java.awt.geom.Rectangle2D) area.clone();
                lastDataArea = guess;
                if (settled) break;
                r = equalAspect(data);
                xa.setRange(new org.jfree.data.Range(r[0], r[1]), true, false);
                ya.setRange(new org.jfree.data.Range(r[2], r[3]), true, false);
            }
            sg.dispose();
            if (r == null) r = box;   // no room to lay out: contours for the data box
            if (!java.util.Arrays.equals(r, fitted)) {
                fitted = r;
                for (int i = 0; i < plot.getDatasetCount(); i++) {
                    if (plot.getDataset(i) instanceof org.jfree.data.xy.DefaultXYDataset ds && ds.indexOf(CONTOURS_KEY) >= 0) {
                        ds.addSeries(CONTOURS_KEY, contours(task, r[0], r[1], r[2], r[3]));
                    }
                }
            }
        } finally {
            for (var r : hidden) r.setDefaultSeriesVisible(true, false);
            inLayout = false;
        }
    }

    /** the series key of the loss contours (replaced whenever the fitted ranges change) */
    static final String CONTOURS_KEY = "ℒ contours";

    /** marching-squares segments of LEVELS loss levels, as one NaN-separated polyline */
    static double[][] contours(Task task, double x0, double x1, double y0, double y1) {
        DMatrixRMaj sxx = task.sigmaXX();
        double sxx00 = sxx.get(0, 0), sxx01 = sxx.get(0, 1), sxx11 = sxx.get(1, 1);
        double[] t = task.target().data;
        double[][] f = new double[GRID + 1][GRID + 1];
        double fmax = 0;
        for (int i = 0; i <= GRID; i++)
            for (int j = 0; j <= GRID; j++) {
                double dx = x0 + (x1 - x0) * i / GRID - t[0], dy = y0 + (y1 - y0) * j / GRID - t[1];
                // ½ (β − β*)ᵀ Σxx (β − β*)
                f[i][j] = 0.5 * (sxx00 * dx * dx + 2 * sxx01 * dx * dy + sxx11 * dy * dy);
                fmax = Math.max(fmax, f[i][j]);
            }
        // levels quadratic in k: evenly spaced ellipses for full-rank Σxx
        double[] level = new double[LEVELS];
        for (int k = 1; k <= LEVELS; k++) level[k - 1] = fmax * Math.pow(k / (double) (LEVELS + 1), 2);
        double[] ox = new double[1024], oy = new double[1024];
        int m = 0;
        double[] v = new double[4], gx = new double[4], gy = new double[4];
        for (int i = 0; i < GRID; i++)
            for (int j = 0; j < GRID; j++) {
                // corners (i, j), (i+1, j), (i+1, j+1), (i, j+1), counter-clockwise
                v[0] = f[i][j]; v[1] = f[i + 1][j]; v[2] = f[i + 1][j + 1]; v[3] = f[i][j + 1];
                double lo = Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
                double hi = Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
                for (int k = 0; k < LEVELS; k++) {
                    double c = level[k];
                    if (!(lo < c && c <= hi)) continue;   // no corner below c or none at or above: no crossing
                    int crossings = 0;
                    for (int e = 0; e < 4; e++) {
                        double va = v[e], vb = v[(e + 1) & 3];
                        if ((va < c) == (vb < c)) continue;
                        // the level crosses edge e at fraction s from its first corner
                        double s = (c - va) / (vb - va);
                        double ai = i + CORNER_DI[e], aj = j + CORNER_DJ[e];
                        double bi = i + CORNER_DI[(e + 1) & 3], bj = j + CORNER_DJ[(e + 1) & 3];
                        gx[crossings] = x0 + (x1 - x0) * (ai + s * (bi - ai)) / GRID;
                        gy[crossings] = y0 + (y1 - y0) * (aj + s * (bj - aj)) / GRID;
                        crossings++;
                    }
                    for (int q = 0; q + 1 < crossings; q += 2) {
                        if (m + 3 > ox.length) { ox = java.util.Arrays.copyOf(ox, 2 * ox.length); oy = java.util.Arrays.copyOf(oy, 2 * oy.length); }
                        ox[m] = gx[q]; oy[m] = gy[q]; m++;
                        ox[m] = gx[q + 1]; oy[m] = gy[q + 1]; m++;
                        ox[m] = Double.NaN; oy[m] = Double.NaN; m++;
                    }
                }
            }
        return new double[][]{java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
    }

    /** grid offsets of a cell's corners in counter-clockwise order from (i, j) */
    private static final int[] CORNER_DI = {0, 1, 1, 0}, CORNER_DJ = {0, 0, 1, 1};
}
