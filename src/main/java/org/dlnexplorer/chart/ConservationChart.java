package org.dlnexplorer.chart;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.List;

/**
 * Numerical health: max_ℓ ‖D_ℓ(t) − D_ℓ(0)‖_F vs t on a log axis, with the 1e−8 target; for a two-layer
 * piecewise-linear network the per-neuron drift max_k |δ_k(t) − δ_k(0)|, δ_k = η_w a_k² − η_a ‖w_k‖².
 */
final class ConservationChart extends XyViewChart {
    /** SPEC §4: the adaptive engine keeps the drift of every D_ℓ below this on the presets */
    static final double DRIFT_TARGET = 1e-8;
    /** where an exactly conserved member is drawn when no member drifts */
    static final double EXACT_FLOOR = 1e-17;
    /** an exactly conserved member is drawn this many decades under the smallest positive drift */
    static final int EXACT_FLOOR_DECADES = 2;
    /** gradient descent: the 1e−8 target is drawn only when the largest drift is within this many decades */
    static final int TARGET_RANGE_DECADES = 3;

    /** the vertical axis label, and the short one for a low panel (the subtitle says "max over layers ℓ") */
    static final String DRIFT_LABEL = "drift maxₗ ‖Dₗ(t) − Dₗ(0)‖", SHORT_DRIFT_LABEL = "‖Dₗ(t) − Dₗ(0)‖";
    /** the same for a piecewise-linear network's per-neuron δ_k */
    static final String NEURON_DRIFT_LABEL = "drift maxₖ |δₖ(t) − δₖ(0)|", SHORT_NEURON_DRIFT_LABEL = "|δₖ(t) − δₖ(0)|";
    /** the run set shown is of two-layer piecewise-linear networks: the labels name δ_k */
    private boolean perNeuron;

    ConservationChart(ChartStyle style) {
        super(ViewId.CONSERVATION, style, "Conservation monitor", SlideAxes.number("t (time units)"),
                logAxis(DRIFT_LABEL), true);
        styleAxis(plot.getRangeAxis());
    }

    /** In a low panel the long vertical label would run up into the subtitle: the short one is drawn. */
    @Override
    protected void beforeDraw(java.awt.Graphics2D g, java.awt.geom.Rectangle2D area) {
        var axis = plot.getRangeAxis();
        String full = perNeuron ? NEURON_DRIFT_LABEL : DRIFT_LABEL, brief = perNeuron ? SHORT_NEURON_DRIFT_LABEL : SHORT_DRIFT_LABEL;
        String label = ChartStyle.fitsVertically(g, axis.getLabelFont(), full, area.getHeight()) ? full : brief;
        if (!label.equals(axis.getLabel())) axis.setLabel(label);
    }

    @Override
    protected void fill(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) { plot.setNoDataMessage("computing…"); return; }
        boolean compare = isCompare(rs);
        List<Line> lines = new ArrayList<>();
        boolean anyLayers = false, anyGd = false, allPiecewise = true;
        double max = 0, minPositive = Double.POSITIVE_INFINITY;
        List<double[]> drifts = new ArrayList<>(), times = new ArrayList<>();
        List<Integer> members = new ArrayList<>();
        for (int r = 0; r < rs.runs().size(); r++) {
            RunSet.Labeled run = rs.runs().get(r);
            Trajectory tr = run.trajectory();
            if (tr.depth() < 2) continue;
            anyLayers = true;
            anyGd |= Method.isGradientDescent(tr.method());
            allPiecewise &= tr.isPiecewise();
            List<Frame> fs = tr.frames();
            int n = fs.size();
            if (n == 0) continue;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = fs.get(i).balanceDrift();
                if (d[i] > 0) { max = Math.max(max, d[i]); minPositive = Math.min(minPositive, d[i]); }
            }
            drifts.add(d);
            times.add(tr.times());
            members.add(r);
        }
        ViewApplicability.Reason why = ViewApplicability.whyNot(id, rs);
        if (why != null || !anyLayers) {
            showMessage(why == null ? "no run to draw" : why.message(), why == null ? null : why.detail());
            return;
        }
        // a member that conserves Dₗ exactly (drift 0 at every frame) has no point on a log axis: draw it at a
        // floor EXACT_FLOOR_DECADES under the smallest positive drift (EXACT_FLOOR when none), "= 0 (exact)"
        double floor = Double.isFinite(minPositive)
                ? Math.pow(10, Math.floor(Math.log10(minPositive)) - EXACT_FLOOR_DECADES) : EXACT_FLOOR;
        boolean anyZeros = false;
        List<Line> readable = new ArrayList<>();   // the drifts as they are (0 read as 0, not the floor)
        for (int k = 0; k < drifts.size(); k++) {
            double[] d = drifts.get(k), t = times.get(k);
            int r = members.get(k), n = d.length;
            boolean exact = true;
            for (double v : d) exact &= v == 0;
            String label = compare ? rs.runs().get(r).label() : "balance drift";
            java.awt.Color c = ChartStyle.color(compare ? r : 0);
            if (exact) {
                lines.add(new Line(label, new double[][]{{t[0], t[n - 1]}, {floor, floor}}, c, style.dashed()));
                legendLine(label + (compare ? ": drift" : "") + " = 0 (exact)", c, style.dashed());
            } else {
                // frames with drift exactly 0 (common in flow: ‖Dₗ(t) − Dₗ(0)‖ rounds to 0) go at the floor too,
                // so that the run stays one visible line; the subtitle says once where zeros are drawn
                for (double v : d) anyZeros |= v == 0;
                lines.add(new Line(label, Decimator.xy(t, atFloor(d, floor), n, false, true), c, style.solid()));
                readable.add(new Line(label, Decimator.xy(t, d, n, false, false), c, style.solid()));
                legendLine(label, c, style.solid());
            }
        }
        // Kunin et al. Lemma 13 (isotropic deep starts): ‖β‖² = ‖a‖²(‖a‖² − δ)^L and ββᵀ = G^{L+1} + δG^L, relative residual
        boolean anyLemma = false;
        for (int r = 0; r < rs.runs().size(); r++) {
            Trajectory tr = rs.runs().get(r).trajectory();
            double[] res = org.dlnexplorer.model.theory.DeepIsotropic.lemma13Residuals(tr);
            if (res == null) continue;
            java.awt.Color c = ChartStyle.color(compare ? r : 0);
            lines.add(new Line("Lemma 13 " + r, Decimator.xy(tr.times(), atFloor(res, floor), res.length, false, true), c, style.dotted()));
            anyLemma = true;
        }
        if (anyLemma) legendLine("Lemma 13 residual (Kunin et al.)", ChartStyle.TEXT, style.dotted());
        double tEnd = 0;
        for (RunSet.Labeled l : rs.runs()) if (!l.trajectory().frames().isEmpty()) tEnd = Math.max(tEnd, l.trajectory().last().t());
        // the 1e−8 target as a series (the range then shows it), only where it is near the drifts: under
        // gradient descent the drifts are O(η²) and the line would stretch the axis by many decades
        boolean showTarget = !anyGd || (max > 0 && max < DRIFT_TARGET * Math.pow(10, TARGET_RANGE_DECADES));
        if (showTarget) {
            lines.add(new Line("target", new double[][]{{0, tEnd}, {DRIFT_TARGET, DRIFT_TARGET}}, ChartStyle.MUTED, style.dotted()));
            legendLine("10⁻⁸ (flow target)", ChartStyle.MUTED, style.dotted());
        }
        addLayer(lines);
        readOut(readable, "drift");
        perNeuron = allPiecewise;
        String base = allPiecewise
                ? (anyGd ? "gradient descent does not conserve δₖ exactly (O(η²) per step)"
                        : "max over neurons k of |δₖ(t) − δₖ(0)|; δₖ = η_w aₖ² − η_a‖wₖ‖²")
                : anyGd ? "gradient descent does not conserve Dₗ exactly (O(η²) per step)"
                : frozenOutput(rs) ? "max over ℓ < L (L trained); the balance at the fixed pᵀ is not conserved"
                : "Frobenius norm, max over layers ℓ; Dₗ = ηₗWₗ₊₁ᵀWₗ₊₁ − ηₗ₊₁WₗWₗᵀ";
        // one note for every member's exact zeros (one legend entry per member crowded the plot out of a grid cell)
        if (anyZeros) base = join(base, "drift 0 drawn at " + Fmt.num(floor));
        // (the Lemma 13 residual is named by its legend entry: a subtitle note wrapped into the plot's text)
        subtitle.setText(join(base, divergenceNote(rs)));
    }

    /**
     * whether a run's output layer is frozen (training.freezeOutput): with L trained layers under the readout
     * pᵀ, its drift is over D_1 … D_{L−1} only, since the balance at the readout, ppᵀ − W_LW_Lᵀ (rates aside),
     * changes as W_L trains and pᵀ does not
     */
    static boolean frozenOutput(RunSet rs) {
        for (RunSet.Labeled l : rs.runs())
            if (l.trajectory().setup() != null && l.trajectory().setup().network().frozenOutput()) return true;
        return false;
    }

    /** a copy of the drifts with every value ≤ 0 (an exact zero) raised to floor, for a log axis */
    static double[] atFloor(double[] d, double floor) {
        double[] out = d.clone();
        for (int i = 0; i < out.length; i++) if (!(out[i] > 0) && !Double.isNaN(out[i])) out[i] = floor;
        return out;
    }
}
