package org.dlnexplorer.chart;

import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.observe.TheoryResult;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of one hidden neuron (widths [d, 1, 1], W_1 = wᵀ, W_2 = a), shared by the projected 2D
 * hyperboloid and the app's 3D scene. Coordinates (a, w₁, w₂) for d = 2; for other d,
 * (a, w·β̂*, ‖w⊥‖). The conserved quantity δ = η_w a² − η_a ‖w‖² (η_w = η_1, η_a = η_2) fixes the
 * surface; minima satisfy a·w = β*. Pure math: no AWT, no JavaFX.
 */
public final class SingleNeuron {
    private SingleNeuron() {}

    public static boolean applies(Trajectory tr) {
        return shape(tr.widths()) && !tr.frames().isEmpty() && tr.frames().get(0).hasWeights();
    }

    /** one hidden neuron, one output: widths [d, 1, 1] */
    static boolean shape(int[] w) {
        return w.length == 3 && w[1] == 1 && w[2] == 1;
    }

    /** β* = the target row T (1×d), or null without setup */
    public static double[] betaStar(Trajectory tr) {
        if (tr.setup() == null) return null;
        DMatrixRMaj t = tr.setup().task().target();
        return t.data.clone();
    }

    /** (η_w, η_a) = (η_1, η_2) */
    public static double[] rates(Trajectory tr) {
        if (tr.setup() == null) return new double[]{1, 1};
        return new double[]{tr.setup().network().rate(1), tr.setup().network().rate(2)};
    }

    /** δ = η_w a² − η_a ‖w‖² at t = 0 ({@link Balance#singleNeuron}) */
    public static double delta(Trajectory tr) {
        double[][] w = tr.frames().get(0).weights();
        double[] r = rates(tr);
        return Balance.singleNeuron(w[1][0], w[0], r[0], r[1]);
    }

    /** the point (a, x, y) for weights W_1 = w (length d), W_2 = a */
    public static double[] point(double[] w, double a, double[] betaStar) {
        if (w.length == 2) return new double[]{a, w[0], w[1]};
        if (w.length == 1) return new double[]{a, w[0], 0};
        double[] u = unit(betaStar, w.length);
        double along = 0;
        for (int i = 0; i < w.length; i++) along += w[i] * u[i];
        double perp = 0;
        for (int i = 0; i < w.length; i++) { double c = w[i] - along * u[i]; perp += c * c; }
        return new double[]{a, along, Math.sqrt(perp)};
    }

    private static double[] unit(double[] b, int d) {
        double[] u = new double[d];
        double n = 0;
        if (b != null && b.length == d) for (double v : b) n += v * v;
        if (n == 0) { u[0] = 1; return u; }
        for (int i = 0; i < d; i++) u[i] = b[i] / Math.sqrt(n);
        return u;
    }

    /** simulated path, one (a, x, y) per frame */
    public static double[][] path(Trajectory tr) {
        double[] bs = betaStar(tr);
        double[][][] fw = RunWeights.frames(tr);
        double[][] p = new double[fw.length][];
        for (int i = 0; i < p.length; i++) {
            double[][] w = fw[i];
            p[i] = point(w[0], w[1][0], bs);
        }
        return p;
    }

    /** exact path from the theory's weights, or null */
    public static double[][] exactPath(Trajectory tr) {
        TheoryResult ex = tr.exact();
        double[][][] w = ex == null || !ex.available() ? null : RunWeights.exact(ex);
        if (w == null) return null;
        double[] bs = betaStar(tr);
        double[][] p = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            if (w[i] == null || w[i].length < 2) return null;
            p[i] = point(w[i][0], w[i][1][0], bs);
        }
        return p;
    }

    /** the minima a·w = β* in (a, x, y) coordinates, both branches, within |coordinates| ≤ extent */
    public static List<double[][]> minima(double[] betaStar, double extent) {
        List<double[][]> out = new ArrayList<>();
        if (betaStar == null) return out;
        double[] b = betaStar.length == 2 ? betaStar : new double[]{norm(betaStar), 0};
        double bn = norm(b);
        if (bn == 0) return out;
        double aMin = bn / extent;
        int n = 120;
        for (int sign = -1; sign <= 1; sign += 2) {
            double[][] c = new double[n][];
            for (int i = 0; i < n; i++) {
                // a from aMin to extent geometrically
                double a = sign * aMin * Math.pow(extent / aMin, i / (double) (n - 1));
                c[i] = new double[]{a, b[0] / a, b[1] / a};
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The conserved surface η_w a² − η_a r² = δ as a parametric grid [u][v] of (a, x, y), one grid per sheet:
     * δ > 0 two sheets a = ±√((δ + η_a r²)/η_w); δ = 0 the double cone; δ < 0 one sheet r = √((η_w a² − δ)/η_a).
     */
    public static List<double[][][]> surface(double delta, double[] rates, double extent, int nu, int nv) {
        List<double[][][]> sheets = new ArrayList<>();
        double ew = rates[0], ea = rates[1];
        if (delta < 0) {
            // the part of the sheet inside the cube: r ≤ extent ⇔ |a| ≤ √((η_a E² + δ)/η_w)
            double aMax = Math.min(extent, Math.sqrt(Math.max(0, (ea * extent * extent + delta) / ew)));
            if (aMax <= 0) aMax = extent;
            double[][][] g = new double[nu][nv][];
            for (int i = 0; i < nu; i++) {
                double a = -aMax + 2 * aMax * i / (nu - 1);
                double r = Math.sqrt((ew * a * a - delta) / ea);
                for (int j = 0; j < nv; j++) {
                    double th = 2 * Math.PI * j / (nv - 1);
                    g[i][j] = new double[]{a, r * Math.cos(th), r * Math.sin(th)};
                }
            }
            sheets.add(g);
        } else {
            // the part inside the cube: |a| ≤ extent ⇔ r ≤ √((η_w E² − δ)/η_a)
            double rMax = Math.min(extent, Math.sqrt(Math.max(0, (ew * extent * extent - delta) / ea)));
            for (int sign = -1; sign <= 1; sign += 2) {
                double[][][] g = new double[nu][nv][];
                for (int i = 0; i < nu; i++) {
                    double r = rMax * i / (nu - 1);
                    double a = sign * Math.sqrt((delta + ea * r * r) / ew);
                    for (int j = 0; j < nv; j++) {
                        double th = 2 * Math.PI * j / (nv - 1);
                        g[i][j] = new double[]{a, r * Math.cos(th), r * Math.sin(th)};
                    }
                }
                sheets.add(g);
            }
        }
        return sheets;
    }

    /** a surface's inputs (the hyperboloid views and a run set's draft and full pictures ask for the same ones) */
    private record SurfaceKey(double delta, double rateW, double rateA, double extent, int nu, int nv) {}

    /** the surfaces of the last pictures (both hyperboloid views, drafts and full: a few dozen grids) */
    private static final Memo<SurfaceKey, List<double[][][]>> SURFACES = new Memo<>(64);

    /** {@link #surface}, computed once for both hyperboloid views and every picture with these inputs; read only */
    static List<double[][][]> sharedSurface(double delta, double[] rates, double extent, int nu, int nv) {
        return SURFACES.get(new SurfaceKey(delta, rates[0], rates[1], extent, nu, nv),
                k -> List.copyOf(surface(k.delta(), new double[]{k.rateW(), k.rateA()}, k.extent(), k.nu(), k.nv())));
    }

    private record SeparatrixKey(List<Double> betaStar, double delta, double rateW, double rateA, double extent, int n) {}

    private static final Memo<SeparatrixKey, List<double[][]>> SEPARATRICES = new Memo<>(32);

    /** {@link #separatrix}, computed once for every picture with these inputs; read only */
    static List<double[][]> sharedSeparatrix(double[] betaStar, double delta, double[] rates, double extent, int n) {
        if (betaStar == null) return separatrix(null, delta, rates, extent, n);
        List<Double> b = new ArrayList<>();
        for (double v : betaStar) b.add(v);
        return SEPARATRICES.get(new SeparatrixKey(b, delta, rates[0], rates[1], extent, n),
                k -> List.copyOf(separatrix(betaStar.clone(), k.delta(), new double[]{k.rateW(), k.rateA()}, k.extent(), k.n())));
    }

    /** κ₊(δ) = (δ + √(δ² + 4η_aη_w‖β*‖²))/2, computed without cancellation for δ &lt; 0 */
    static double kappaPlus(double delta, double b2, double[] rates) {
        double root = Math.sqrt(delta * delta + 4 * rates[1] * rates[0] * b2);
        return delta >= 0 ? (delta + root) / 2 : 2 * rates[1] * rates[0] * b2 / (root - delta);
    }

    /** wᵀβ* at a point (a, x, y) of the picture: (x, y)·β* for d = 2, x‖β*‖ otherwise (x = w·β̂*) */
    private static double omega(double[] p, double[] betaStar) {
        return betaStar.length == 2 ? p[1] * betaStar[0] + p[2] * betaStar[1] : p[1] * norm(betaStar);
    }

    /**
     * Which basin a point (a, x, y) on the hyperboloid δ lies in (seed 002 App. A, "Basins of attraction", with
     * rates): the sign of η_a wᵀβ* + κ₊(δ) a, +1 for the branch a &gt; 0 of the minima, −1 for a &lt; 0.
     */
    public static int basinSide(double[] p, double[] betaStar, double delta, double[] rates) {
        double b2 = norm(betaStar) * norm(betaStar);
        return rates[1] * omega(p, betaStar) + kappaPlus(delta, b2, rates) * p[0] >= 0 ? 1 : -1;
    }

    /**
     * The basin-separating surface on the hyperboloid δ (seed 002 App. A: w0ᵀβ* + (a0/2)(δ + √(δ² + 4‖β*‖²)) = 0,
     * here with rates η_a wᵀβ* + κ₊ a = 0), within the cube |a|, ‖w‖ ≤ extent, as polylines in (a, x, y).
     * On the sheet ‖w‖ = r(a) = √((η_w a² − δ)/η_a), wᵀβ* = r‖β*‖cos(θ − θ*) = −κ₊a/η_a: for d = 2 the curves
     * θ = θ* ± arccos(−κ₊a/(η_a r‖β*‖)); otherwise x = −κ₊a/(η_a‖β*‖), y = √(r² − x²). Empty for δ &gt; 0
     * (each sheet is one basin) and for β* = 0; for δ = 0 the ray w ∝ −β* (both curves coincide).
     */
    public static List<double[][]> separatrix(double[] betaStar, double delta, double[] rates, double extent, int n) {
        List<double[][]> out = new ArrayList<>();
        double ew = rates[0], ea = rates[1], bn = betaStar == null ? 0 : norm(betaStar);
        if (delta > SHEET_EPS || bn == 0 || betaStar.length < 2) return out;
        double kp = kappaPlus(delta, bn * bn, rates);
        double aMax = Math.min(extent, Math.sqrt(Math.max(0, (ea * extent * extent + delta) / ew)));
        double thetaStar = Math.atan2(betaStar[1], betaStar[0]);
        int curves = betaStar.length == 2 ? 2 : 1;
        for (int c = 0; c < curves; c++) {
            double[][] pts = new double[n][];
            for (int i = 0; i < n; i++) {
                double a = -aMax + 2 * aMax * i / (n - 1);
                double r = Math.sqrt(Math.max(0, (ew * a * a - delta) / ea));
                double x = -kp * a / ea;                       // wᵀβ* on the surface
                if (curves == 2) {
                    double cos = r > 0 ? Math.max(-1, Math.min(1, x / (r * bn))) : 0;
                    double th = thetaStar + (c == 0 ? 1 : -1) * Math.acos(cos);
                    pts[i] = new double[]{a, r * Math.cos(th), r * Math.sin(th)};
                } else {
                    double along = x / bn;
                    pts[i] = new double[]{a, along, Math.sqrt(Math.max(0, r * r - along * along))};
                }
            }
            out.add(pts);
        }
        return out;
    }

    /** |δ| below this is the cone (δ = 0) */
    static final double SHEET_EPS = 1e-12;

    /** "two sheets", "cone", "one sheet" */
    public static String surfaceKind(double delta) {
        double eps = 1e-12;
        return delta > eps ? "two-sheeted hyperboloid" : delta < -eps ? "one-sheeted hyperboloid" : "cone";
    }

    /** half-width of a cube that holds the paths and the minima on the surface, with a margin */
    /**
     * The simulated and exact paths of a set of single-neuron runs in (a, w) coordinates, with the common
     * extent that frames them (and β*): shared by the 3D view and the projected chart.
     */
    public record Paths(double[] betaStar, List<double[][]> simulated, List<double[][]> exact, double extent) {
        /** the paths of the last run sets, by their trajectories (immutable: an entry is never stale) */
        private static final Memo<Memo.Identity, Paths> SHARED = new Memo<>(8);

        /**
         * {@link #of}, computed once per run set for the views that draw it (the weights are read once, not
         * copied out again for every view and every picture); read only
         */
        public static Paths shared(List<org.dlnexplorer.model.observe.RunSet.Labeled> neurons) {
            List<Trajectory> trajectories = new ArrayList<>();
            for (org.dlnexplorer.model.observe.RunSet.Labeled l : neurons) trajectories.add(l.trajectory());
            return SHARED.get(new Memo.Identity(trajectories), k -> of(neurons));
        }

        public static Paths of(List<org.dlnexplorer.model.observe.RunSet.Labeled> neurons) {
            double[] betaStar = SingleNeuron.betaStar(neurons.get(0).trajectory());
            List<double[][]> sims = new java.util.ArrayList<>(), exacts = new java.util.ArrayList<>();
            for (org.dlnexplorer.model.observe.RunSet.Labeled l : neurons) {
                sims.add(path(l.trajectory()));
                exacts.add(exactPath(l.trajectory()));
            }
            List<double[][]> all = new java.util.ArrayList<>(sims);
            all.addAll(exacts);
            return new Paths(betaStar, sims, exacts, SingleNeuron.extent(all, betaStar));
        }
    }

    /** the cube shows a sheet's vertex or waist (√(|δ|/η)) with this much room around it */
    static final double SHAPE_ROOM = 1.5;

    /**
     * The half-width of the cube a picture of the whole geometry is drawn in: it holds the paths and β*'s minima
     * ({@link #extent}) and shows every surface's vertex √(δ/η_w) (δ &gt; 0) or waist √(−δ/η_a) (δ &lt; 0) with room.
     */
    public static double frameExtent(List<double[][]> paths, double[] betaStar, List<Double> deltas, double[] rates) {
        double e = extent(paths, betaStar);
        for (double d : deltas) e = Math.max(e, SHAPE_ROOM * Math.sqrt(Math.abs(d) / (d > 0 ? rates[0] : rates[1])));
        return e;
    }

    public static double extent(List<double[][]> paths, double[] betaStar) {
        double m = 0;
        for (double[][] p : paths) if (p != null) for (double[] q : p) for (double v : q) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        if (betaStar != null) m = Math.max(m, Math.sqrt(norm(betaStar)));
        return Math.max(0.5, 1.25 * m);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
