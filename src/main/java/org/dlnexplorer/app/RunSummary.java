package org.dlnexplorer.app;

import org.dlnexplorer.chart.Fmt;
import org.dlnexplorer.model.observe.Regime;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;

import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Locale;

/**
 * The status bar's facts about a run: the regime (lazy / rich / delayed rich), the conserved δ read
 * from the initial weights, whether theory applies and its deviation from the simulation, divergence.
 */
public final class RunSummary {
    /** D_1 counts as λ-balanced when ‖D_1 − λI‖_F ≤ this·max(1, |λ|) */
    public static final double BALANCE_TOLERANCE = 1e-8;

    private RunSummary() {}

    /**
     * The regime's name by the model's one rule on the kernel distance ({@link Regime}): "lazy", "rich",
     * "delayed rich", "between lazy and rich", "not converged yet", or that S cannot tell.
     */
    public static String regime(double delta, Trajectory tr) {
        if (tr.frames().isEmpty()) return "–";
        return Regime.classify(tr, delta).label();
    }

    /**
     * δ = (L−1)·λ with D_1 = η_1 W_2ᵀW_2 − η_2 W_1W_1ᵀ = λI at t = 0 (two layers: δ = λ), or NaN when the
     * weights are not recorded or the initialization is not λ-balanced.
     */
    public static double conservedDelta(Trajectory tr) {
        if (tr.frames().isEmpty() || !tr.frames().get(0).hasWeights() || tr.depth() < 2) return Double.NaN;
        Network net = tr.setup() != null ? tr.setup().network() : new Network(tr.widths());
        double[][] ws = tr.frames().get(0).weights();   // W_ℓ row-major, n_ℓ × n_{ℓ−1}
        DMatrixRMaj[] w = new DMatrixRMaj[ws.length];
        for (int l = 1; l <= ws.length; l++) w[l - 1] = DMatrixRMaj.wrap(net.rows(l), net.cols(l), ws[l - 1]);
        return Balance.delta(net, w, BALANCE_TOLERANCE);
    }

    /** max over frames and modes of |σ_sim − σ_exact|, or NaN when no theory is available */
    public static double theoryDeviation(Trajectory tr) {
        TheoryResult ex = tr.exact();
        double[][] es = ex == null || !ex.available() ? null : ex.singularValues();   // a copy: taken once
        if (es == null) return Double.NaN;
        double max = 0;
        int n = Math.min(es.length, tr.frames().size());
        for (int i = 0; i < n; i++) {
            Frame f = tr.frames().get(i);
            for (int a = 0, m = Math.min(f.modes(), es[i].length); a < m; a++)
                max = Math.max(max, Math.abs(f.singularValue(a) - es[i][a]));
        }
        return max;
    }

    /** "theory: saxe, max |Δσ| = 1e−9" / "theory n/a: reason" for the set */
    public static String theoryLine(RunSet rs) {
        if (rs == null || rs.runs().isEmpty()) return "theory: –";
        double dev = Double.NaN;
        String model = null, reason = null;
        for (RunSet.Labeled l : rs.runs()) {
            TheoryResult ex = l.trajectory().exact();
            if (ex == null) continue;
            if (ex.available()) {
                model = ex.model();
                double d = theoryDeviation(l.trajectory());
                if (!Double.isNaN(d)) dev = Double.isNaN(dev) ? d : Math.max(dev, d);
            } else if (reason == null) reason = ex.reason();
        }
        if (model != null) return "theory: " + model + (Double.isNaN(dev) ? "" : ", max |Δσ| = " + Fmt.num(dev));
        if (reason != null) return "no theory: " + reason;
        return "theory: pending";
    }

    /**
     * How runs ended before their duration: "diverged at step k", or "stopped after N steps at t = …" when a
     * budget ran out (not a divergence), with the member label for compare sets; "" when none did.
     */
    public static String endings(RunSet rs) {
        if (rs == null) return "";
        StringBuilder b = new StringBuilder(divergence(rs));
        for (RunSet.Labeled l : rs.runs()) {
            Trajectory.Stop stop = l.trajectory().stopped();
            if (stop == null || l.trajectory().diverged()) continue;
            if (b.length() > 0) b.append("; ");
            if (rs.runs().size() > 1) b.append(l.label()).append(": ");
            b.append("stopped after ").append(stop.steps()).append(" steps at t = ").append(Fmt.num(stop.t()))
                    .append(" (").append(stop.reason()).append(")");
        }
        return b.toString();
    }

    /** "computing: 37 % of T = 200 (t = 74.1), 12.3 s, 883216 steps" for a running computation */
    static String progress(RunProgress.Now p) {
        StringBuilder b = new StringBuilder("computing: ")
                .append(String.format(Locale.ROOT, "%.0f %%", 100 * p.fraction()));
        if (p.horizon() > 0) b.append(" of T = ").append(Fmt.num(p.horizon())).append(" (t = ").append(Fmt.num(p.t())).append(")");
        b.append(", ").append(String.format(Locale.ROOT, "%.1f s", p.elapsedNanos() / 1e9));
        if (p.steps() > 0) b.append(", ").append(p.steps()).append(" steps");
        return b.toString();
    }

    /** "cancelled at t = 74.1 (after 12.3 s)" for a computation the user stopped */
    public static String cancelled(double t, long millis) {
        return "cancelled at t = " + Fmt.num(t) + String.format(Locale.ROOT, " (after %.1f s)", millis / 1e3);
    }

    /** "diverged at step k" (with the member label for compare sets), or "" */
    public static String divergence(RunSet rs) {
        if (rs == null) return "";
        StringBuilder b = new StringBuilder();
        for (RunSet.Labeled l : rs.runs())
            if (l.trajectory().diverged()) {
                if (b.length() > 0) b.append("; ");
                if (rs.runs().size() > 1) b.append(l.label()).append(": ");
                b.append("diverged at step ").append(l.trajectory().divergedAtStep());
            }
        return b.toString();
    }
}
