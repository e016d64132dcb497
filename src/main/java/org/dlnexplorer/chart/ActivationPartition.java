package org.dlnexplorer.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The activation regions of a two-layer network without biases in a 2-D input space (Kunin et al. App. C.1):
 * neuron k is active where w_k·x > 0, so every boundary {x : w_k·x = 0} is a line through the origin and the
 * regions are wedges between consecutive boundary directions. Each wedge is coloured by the parity of its
 * number of active neurons (Prop. 17: neighbouring regions then differ whenever one neuron changes across
 * the boundary between them).
 */
final class ActivationPartition {
    /** one region: the angles it spans (radians, from ≤ to, to − from ≤ π) and its active-neuron count */
    record Wedge(double from, double to, int active) {
        boolean odd() { return (active & 1) == 1; }
    }

    /** boundary angles closer than this are one line (two neurons switching together) */
    static final double SAME_ANGLE = 1e-12;

    private final double[] w;
    private final int h;
    private final List<Wedge> wedges;

    /** @param w the first layer W (h × 2), row-major */
    ActivationPartition(double[] w, int h) {
        if (w.length != 2 * h) throw new IllegalArgumentException("W must be h × 2");
        this.w = w.clone();
        this.h = h;
        this.wedges = build();
    }

    List<Wedge> wedges() { return wedges; }

    /** number of neurons with w_k·x > 0 (the direct count the wedges must agree with) */
    int activeAt(double x1, double x2) {
        int n = 0;
        for (int k = 0; k < h; k++) if (w[2 * k] * x1 + w[2 * k + 1] * x2 > 0) n++;
        return n;
    }

    /** the angles of the boundary line of neuron k: angle(w_k) ± π/2 in [0, 2π); none for w_k = 0 */
    private List<Double> boundaries() {
        List<Double> b = new ArrayList<>();
        for (int k = 0; k < h; k++) {
            double a = w[2 * k], c = w[2 * k + 1];
            if (a == 0 && c == 0) continue;
            double phi = Math.atan2(c, a);
            b.add(wrap(phi + Math.PI / 2));
            b.add(wrap(phi - Math.PI / 2));
        }
        return b;
    }

    private List<Wedge> build() {
        double[] b = boundaries().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(b);
        List<Double> cuts = new ArrayList<>();
        for (double v : b) if (cuts.isEmpty() || v - cuts.get(cuts.size() - 1) > SAME_ANGLE) cuts.add(v);
        if (cuts.size() > 1 && cuts.get(0) + 2 * Math.PI - cuts.get(cuts.size() - 1) <= SAME_ANGLE)
            cuts.remove(cuts.size() - 1);
        List<Wedge> out = new ArrayList<>();
        if (cuts.isEmpty()) {   // no neuron has a boundary: one region, nothing active
            out.add(new Wedge(0, Math.PI, 0));
            out.add(new Wedge(Math.PI, 2 * Math.PI, 0));
            return out;
        }
        for (int i = 0; i < cuts.size(); i++) {
            double from = cuts.get(i), to = i + 1 < cuts.size() ? cuts.get(i + 1) : cuts.get(0) + 2 * Math.PI;
            double mid = 0.5 * (from + to);
            out.add(new Wedge(from, to, activeAt(Math.cos(mid), Math.sin(mid))));
        }
        return out;
    }

    /** the wedge containing direction (x1, x2) ≠ 0 */
    Wedge wedgeAt(double x1, double x2) {
        double phi = wrap(Math.atan2(x2, x1));
        for (Wedge wg : wedges) {
            if (phi >= wg.from() && phi < wg.to()) return wg;
            if (phi + 2 * Math.PI >= wg.from() && phi + 2 * Math.PI < wg.to()) return wg;
        }
        return wedges.get(wedges.size() - 1);
    }

    static double wrap(double phi) {
        double r = phi % (2 * Math.PI);
        return r < 0 ? r + 2 * Math.PI : r;
    }
}
