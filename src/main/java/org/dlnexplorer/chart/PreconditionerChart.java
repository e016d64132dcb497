package org.dlnexplorer.chart;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.theory.FunctionSpacePreconditioner;
import org.dlnexplorer.model.theory.WideNetwork;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.ui.Drawable;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Kunin et al. seed 002 §4: above, the eigenvalues of the function-space preconditioner M (vec β̇ = −M vec ∇_βℒ,
 * {@link FunctionSpacePreconditioner}) over time. Two layers: M = η_w AᵀA ⊕ η_a WᵀW, with Theorem 3's M(β) dashed
 * where Δ = δI_h and its hypothesis holds; below, the strip of per-neuron δ_k = η_w‖a_k‖² − η_a‖w_k‖², flat under
 * gradient flow (its drift is quoted: the strip is a check). Deeper ([d, …, d, 1] from Definition 12): Lemma 14's
 * M(W_1, ‖a‖, δ) dashed; below, the eigenvalues of the conserved aaᵀ − W_LW_Lᵀ (Definition 12: all equal δ).
 */
final class PreconditionerChart extends ViewChart {
    /** the eigenvalue plot's share of the height; the δ_k strip has the rest */
    static final double TOP_SHARE = 0.64;
    /** at most this many frames per run are decomposed (evenly strided) */
    static final int MAX_FRAMES = 600;
    /** M ⪰ 0: eigenvalues below this times the largest are round-off, drawn at that floor on the log axis */
    static final double FLOOR_RATIO = 1e-12;
    /** Δ(0) = δI_h to this relative round-off for Theorem 3's dashed curves */
    static final double ISOTROPY = 1e-10;

    /** the δ strip shows at least this fraction of the largest |δ| above and below the values */
    static final double STRIP_PAD = 0.5;

    /** compare sets up to this size name each run in the eigenvalue legend; larger ones get one entry */
    static final int COMPARE_LEGEND = 3;

    /** the ellipse panel's share of the width (d·c = 2 only), at most square */
    static final double ELLIPSE_SHARE = 0.4;

    final Eigen top;
    final Deltas bottom;
    private final PreconditionerEllipse ellipse;

    PreconditionerChart(ChartStyle style) {
        super(ViewId.PRECONDITIONER, style);
        top = new Eigen(style);
        bottom = new Deltas(style);
        ellipse = new PreconditionerEllipse(style);
        AxisSpace left = new AxisSpace();
        left.setLeft(style.tickSize() * 3.4 + style.axisLabelSize() * 1.6);
        top.plot.setFixedRangeAxisSpace(left);
        bottom.plot.setFixedRangeAxisSpace(left);
    }

    @Override
    public Drawable drawable() { return this::draw; }

    @Override
    protected void rebuild() {
        top.update(runs, cursorT);
        bottom.update(runs, cursorT);
        ellipse.update(runs, cursorT);
    }

    @Override
    protected void moveCursor() {
        top.setCursor(cursorT);
        bottom.setCursor(cursorT);
        ellipse.update(runs, cursorT);   // the ellipse is M at the cursor's time
    }

    private void draw(Graphics2D g, Rectangle2D area) {
        if (top.message() != null || !bottom.hasData()) { top.drawable().draw(g, area); return; }
        double h = area.getHeight() * TOP_SHARE;
        if (ellipse.hasData() && top.message() == null) {
            double e = Math.min(area.getWidth() * ELLIPSE_SHARE, h);
            top.drawable().draw(g, new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth() - e, h));
            ellipse.drawable().draw(g, new Rectangle2D.Double(area.getMaxX() - e, area.getY(), e, h));
        } else {
            top.drawable().draw(g, new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), h));
        }
        bottom.drawable().draw(g, new Rectangle2D.Double(area.getX(), area.getY() + h, area.getWidth(), area.getHeight() - h));
    }

    /** the run's frames have what M needs: a linear network of two layers or more with recorded weights */
    static boolean usable(Trajectory tr) {
        return tr.setup() != null && FunctionSpacePreconditioner.applies(tr.setup().network()) && !tr.frames().isEmpty()
                && tr.frames().get(0).hasWeights();
    }

    /** the run is a two-layer network (δ_k per neuron, Theorem 3) rather than a deep one (D_L, Lemma 14) */
    static boolean twoLayer(Trajectory tr) {
        return WideNetwork.applies(tr.setup().network());
    }

    static int stride(int n) { return Math.max(1, (int) Math.ceil(n / (double) MAX_FRAMES)); }

    /** eigenvalues of M(t) on a log axis */
    static final class Eigen extends XyViewChart {
        static final String LABEL = "eigenvalues of M", SHORT_LABEL = "eig M";
        static final String TWO_LAYER_TITLE = "Preconditioner M = η_w AᵀA ⊕ η_a WᵀW", TITLE = "Preconditioner M";
        Eigen(ChartStyle style) {
            super(ViewId.PRECONDITIONER, style, "Preconditioner M = η_w AᵀA ⊕ η_a WᵀW", SlideAxes.number(""),
                    logAxis(LABEL), true);
            plot.getDomainAxis().setTickLabelsVisible(false);
        }

        /** the eigenvalues fill the plot: the legend goes below it in every style */
        @Override
        protected boolean legendInside() { return false; }

        /** in a low panel the long vertical label would run into the legend: the short one is drawn */
        @Override
        protected void beforeDraw(Graphics2D g, Rectangle2D area) {
            var axis = plot.getRangeAxis();
            String label = ChartStyle.fitsVertically(g, axis.getLabelFont(), LABEL, area.getHeight()) ? LABEL : SHORT_LABEL;
            if (!label.equals(axis.getLabel())) axis.setLabel(label);
        }

        @Override
        protected void fill(RunSet rs) {
            if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
            ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
            if (why != null) { showMessage(why.message(), why.detail()); return; }
            boolean compare = isCompare(rs), allTwoLayer = true, lemma14 = false, theorem3 = false;
            List<double[]> times = new ArrayList<>();
            List<double[][]> sim = new ArrayList<>(), th3 = new ArrayList<>();
            List<Integer> members = new ArrayList<>();
            double max = 0;
            for (int r = 0; r < rs.runs().size(); r++) {
                Trajectory tr = rs.runs().get(r).trajectory();
                if (!usable(tr)) continue;
                Network net = tr.setup().network();
                List<Frame> fs = tr.frames();
                int step = stride(fs.size()), n = (fs.size() + step - 1) / step, dc = net.inputDim() * net.outputDim();
                double[] t = new double[n];
                double[][] ev = new double[dc][n];
                boolean two = twoLayer(tr), flow = !Method.isGradientDescent(tr.method());
                allTwoLayer &= two;
                double delta = two ? WideNetwork.isotropicDelta(net, fs.get(0).theta(), ISOTROPY) : Double.NaN;
                // Theorem 3 (two layers, Δ = δI_h) or Lemma 14 (Definition 12, kept by the flow: checked at every frame below)
                boolean exact = flow && (!two || WideNetwork.theorem3Applies(net, delta));
                double[][] ex = exact ? new double[dc][n] : null;
                for (int i = 0; i < n; i++) {
                    Frame f = fs.get(i * step);
                    double[] theta = f.theta();
                    t[i] = f.t();
                    double[] e = WideNetwork.eigenvalues(FunctionSpacePreconditioner.of(net, theta));
                    for (int k = 0; k < dc; k++) { ev[k][i] = e[k]; max = Math.max(max, e[k]); }
                    if (ex == null) continue;
                    // Theorem 3 from the simulated β(t) and δ of Δ(0) = δI_h; Lemma 14 from W_1(t), ‖a(t)‖ and δ
                    DMatrixRMaj closed = two ? WideNetwork.isotropic(WideNetwork.beta(net, theta), delta, net.rate(2), net.rate(1))
                            : FunctionSpacePreconditioner.lemma14(net, theta, ISOTROPY);
                    if (closed == null) { ex = null; continue; }   // Definition 12 does not hold (or was lost): no claim
                    double[] x = WideNetwork.eigenvalues(closed);
                    for (int k = 0; k < dc; k++) ex[k][i] = x[k];
                }
                if (ex != null) { if (two) theorem3 = true; else lemma14 = true; }
                times.add(t);
                sim.add(ev);
                th3.add(ex);
                members.add(r);
            }
            double floor = max * FLOOR_RATIO;
            boolean floored = false;
            List<Line> lines = new ArrayList<>(), dashed = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                int r = members.get(m);
                double[] t = times.get(m);
                Color c = ChartStyle.color(compare ? r : 0);
                String label = rs.runs().get(r).label();
                double[][] ev = sim.get(m);
                for (int k = 0; k < ev.length; k++) {
                    double[] y = ev[k].clone();
                    for (int i = 0; i < y.length; i++) if (!(y[i] > floor)) { y[i] = floor; floored = true; }
                    lines.add(new Line(label + " λ" + k, Decimator.xy(t, y, y.length, false, true), c, style.solid()));
                }
                // a large compare set is named once: its colours are the other panels' (the plot keeps its height)
                if (!compare) legendLine("eigenvalues of M (simulated)", c, style.solid());
                else if (members.size() <= COMPARE_LEGEND) legendLine(label, c, style.solid());
                double[][] ex = th3.get(m);
                if (ex == null) continue;
                String closed = twoLayer(rs.runs().get(r).trajectory()) ? " Thm 3 λ" : " Lemma 14 λ";
                for (int k = 0; k < ex.length; k++) {
                    double[] y = ex[k].clone();
                    for (int i = 0; i < y.length; i++) if (!(y[i] > floor)) y[i] = floor;
                    dashed.add(new Line(label + closed + k, Decimator.xy(t, y, y.length, false, true), c.darker().darker(), style.dashed()));
                }
            }
            if (compare && members.size() > COMPARE_LEGEND)
                legendLine("simulated, a colour per run", ChartStyle.TEXT, style.solid());
            chart.setTitle(allTwoLayer ? TWO_LAYER_TITLE : TITLE);
            addLayer(lines);
            addLayer(dashed);
            if (theorem3) legendLine("Theorem 3: M(β) for Δ = δI", ChartStyle.TEXT, style.dashed());
            if (lemma14) legendLine("Lemma 14: M(W₁, ‖a‖, δ)", ChartStyle.TEXT, style.dashed());
            String note = "vec β̇ = −M vec ∇ℒ";
            if (floored) note = join(note, "0 drawn at " + Fmt.num(floor));
            subtitle.setText(join(note, divergenceNote(rs)));
        }
    }

    /** the per-neuron δ_k over time */
    static final class Deltas extends XyViewChart {
        Deltas(ChartStyle style) {
            super(ViewId.PRECONDITIONER, style, "", SlideAxes.number("t (time units)"), SlideAxes.number("δₖ"), true);
            chart.setTitle((String) null);
        }

        @Override
        protected void fill(RunSet rs) {
            if (rs == null || rs.runs().isEmpty() || ViewApplicability.whyNot(id, rs) != null) return;
            boolean compare = isCompare(rs), anyGd = false, anyTwo = false, anyDeep = false;
            double drift = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            List<Line> lines = new ArrayList<>();
            for (int r = 0; r < rs.runs().size(); r++) {
                Trajectory tr = rs.runs().get(r).trajectory();
                if (!usable(tr)) continue;
                anyGd |= Method.isGradientDescent(tr.method());
                Network net = tr.setup().network();
                boolean two = twoLayer(tr);
                anyTwo |= two;
                anyDeep |= !two;
                List<Frame> fs = tr.frames();
                // δ_k per neuron (two layers); the eigenvalues of D_{L−1} = aaᵀ − W_LW_Lᵀ (deeper)
                int step = stride(fs.size()), n = (fs.size() + step - 1) / step, h = net.width(net.depth() - 1);
                double[] t = new double[n];
                double[][] dk = new double[h][n];
                for (int i = 0; i < n; i++) {
                    Frame f = fs.get(i * step);
                    t[i] = f.t();
                    double[] d = two ? WideNetwork.deltas(net, f.theta()) : FunctionSpacePreconditioner.lastBalanceEigenvalues(net, f.theta());
                    for (int k = 0; k < h; k++) {
                        dk[k][i] = d[k];
                        drift = Math.max(drift, Math.abs(d[k] - dk[k][0]));
                        lo = Math.min(lo, d[k]);
                        hi = Math.max(hi, d[k]);
                    }
                }
                Color c = ChartStyle.color(compare ? r : 0);
                for (int k = 0; k < h; k++)
                    lines.add(new Line(rs.runs().get(r).label() + " δ" + k, Decimator.xy(t, dk[k], n, false, false), c, style.thin()));
            }
            addLayer(lines);
            // a conserved δ is a flat line: auto-range would zoom into its round-off; keep ±half its size in view
            double pad = Math.max(0.1 * (hi - lo), STRIP_PAD * Math.max(Math.abs(lo), Math.abs(hi)));
            if (pad > 0 && Double.isFinite(pad)) plot.getRangeAxis().setRange(lo - pad, hi + pad);
            else plot.getRangeAxis().setAutoRange(true);
            String what = anyTwo && anyDeep ? "δₖ; deeper: eig(aaᵀ − W_LW_Lᵀ)" : anyTwo ? "per-neuron δₖ" : "eig(aaᵀ − W_LW_Lᵀ)";
            plot.getRangeAxis().setLabel(anyTwo ? "δₖ" : "δ");
            subtitle.setText(what + (anyGd ? " (not conserved by gradient descent)" : ", conserved")
                    + ": max drift " + Fmt.num(drift));
        }
    }
}
