package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Numerical detection of a task-aligned initialization: W_ℓ = Σ_α c_ℓ^α r_ℓ^α (r_{ℓ−1}^α)ᵀ with orthonormal
 * {r_ℓ^α}_α in every layer, r_0^α the right singular vectors of T and T r_0^α = s_α r_L^α,
 * Tᵀ r_L^α = s_α r_0^α. Then (whitened or isotropic inputs) every mode evolves independently and exactly by
 * ċ_ℓ = c·η_ℓ Π_{m≠ℓ} c_m (s − Π_m c_m). A mode whose first layer maps v_α to 0 is "dead": it is absent from
 * every layer and its product stays exactly 0.
 */
final class AlignedModes {
    /** relative tolerance of the structural checks */
    static final double TOLERANCE = 1e-11;

    final int depth;
    final int k;                 // number of modes min(n0, nL)
    final boolean[] active;
    final double[][] gains;      // [α][ℓ−1] c_ℓ^α(0) ≥ 0
    final double[] s;            // s_α (signed: r_L^α is the direction W_L gives)
    final double[][][] dirs;     // [α][ℓ] r_ℓ^α, ℓ = 0..L
    final DMatrixRMaj rest;      // T − Σ_active s_α r_L r_0ᵀ (never learned)

    private AlignedModes(int depth, int k, boolean[] active, double[][] gains, double[] s, double[][][] dirs,
                         DMatrixRMaj rest) {
        this.depth = depth;
        this.k = k;
        this.active = active;
        this.gains = gains;
        this.s = s;
        this.dirs = dirs;
        this.rest = rest;
    }

    /** The mode structure of θ0, or null with the reason in why[0]. */
    static AlignedModes detect(Network net, Task task, double[] theta0, String[] why) {
        DMatrixRMaj t = task.target();
        DMatrixRMaj[] w = Objective.layers(net, theta0);
        // candidate right bases: T's (as the aligned initializer computes it), then W_eff(0)'s
        DMatrixRMaj weff = w[0].copy();
        for (int l = 1; l < w.length; l++) {
            DMatrixRMaj next = new DMatrixRMaj(w[l].numRows, weff.numCols);
            CommonOps_DDRM.mult(w[l], weff, next);
            weff = next;
        }
        String reason = null;
        // T + ξ W_eff(0) (generic ξ) separates clusters of equal s_α that W_eff(0) splits, and vice versa
        DMatrixRMaj mix = null;
        double nt = NormOps_DDRM.normF(t), nw = NormOps_DDRM.normF(weff);
        if (nt > 0 && nw > 0) {
            mix = t.copy();
            CommonOps_DDRM.addEquals(mix, 0.6180339887498949 * nt / nw, weff);
        }
        for (DMatrixRMaj m : new DMatrixRMaj[]{t, mix, weff}) {
            if (m == null) continue;
            DMatrixRMaj v = rightBasis(m);
            if (v == null) continue;
            AlignedModes modes = tryBasis(net, t, w, v, why);
            if (modes != null) return modes;
            if (reason == null) reason = why[0];
        }
        why[0] = reason == null ? "SVD failed" : reason;
        return null;
    }

    private static DMatrixRMaj rightBasis(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, false);
        if (!svd.decompose(m.copy())) return null;
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj sw = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, sw, vt, true);
        DMatrixRMaj v = new DMatrixRMaj(vt.numCols, vt.numRows);
        CommonOps_DDRM.transpose(vt, v);
        return v;                                   // columns: right singular vectors (n0 × n0)
    }

    private static AlignedModes tryBasis(Network net, DMatrixRMaj t, DMatrixRMaj[] w, DMatrixRMaj v, String[] why) {
        int depth = net.depth();
        int n0 = net.inputDim();
        int k = net.modes();
        boolean[] active = new boolean[k];
        double[][] gains = new double[k][depth];
        double[][][] dirs = new double[k][depth + 1][];
        double[] s = new double[k];
        for (int a = 0; a < k; a++) {
            double[] r = new double[n0];
            for (int i = 0; i < n0; i++) r[i] = v.get(i, a);
            dirs[a][0] = r;
            double first = norm(apply(w[0], r));
            double scale1 = Math.max(NormOps_DDRM.normF(w[0]), Double.MIN_NORMAL);
            active[a] = first > TOLERANCE * scale1;
            if (!active[a]) continue;
            for (int l = 1; l <= depth; l++) {
                double[] y = apply(w[l - 1], dirs[a][l - 1]);
                double c = norm(y);
                double scale = Math.max(NormOps_DDRM.normF(w[l - 1]), Double.MIN_NORMAL);
                if (!(c > TOLERANCE * scale)) {
                    why[0] = "mode " + (a + 1) + " has a zero gain in layer " + l + " but not in layer 1";
                    return null;
                }
                for (int i = 0; i < y.length; i++) y[i] /= c;
                gains[a][l - 1] = c;
                dirs[a][l] = y;
            }
        }
        // layers are exactly Σ_active c r rᵀ
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj rec = new DMatrixRMaj(net.rows(l), net.cols(l));
            for (int a = 0; a < k; a++) {
                if (!active[a]) continue;
                double[] left = dirs[a][l], right = dirs[a][l - 1];
                for (int i = 0; i < rec.numRows; i++)
                    for (int j = 0; j < rec.numCols; j++) rec.add(i, j, gains[a][l - 1] * left[i] * right[j]);
            }
            DMatrixRMaj diff = new DMatrixRMaj(rec.numRows, rec.numCols);
            CommonOps_DDRM.subtract(w[l - 1], rec, diff);
            if (NormOps_DDRM.normF(diff) > TOLERANCE * Math.max(NormOps_DDRM.normF(w[l - 1]), Double.MIN_NORMAL)) {
                why[0] = "layer " + l + " is not diagonal in the target's singular basis (initialization is not task-aligned)";
                return null;
            }
            // orthonormality of the active r_ℓ
            for (int a = 0; a < k; a++) {
                if (!active[a]) continue;
                for (int b = a + 1; b < k; b++) {
                    if (!active[b]) continue;
                    if (Math.abs(dot(dirs[a][l], dirs[b][l])) > 1e3 * TOLERANCE) {
                        why[0] = "hidden directions of modes " + (a + 1) + " and " + (b + 1) + " overlap in layer " + l;
                        return null;
                    }
                }
            }
        }
        // target is diagonal on the active modes: T r_0 = s r_L, Tᵀ r_L = s r_0
        double tn = Math.max(NormOps_DDRM.normF(t), 1.0);
        DMatrixRMaj rest = t.copy();
        for (int a = 0; a < k; a++) {
            if (!active[a]) continue;
            double[] r0 = dirs[a][0], rl = dirs[a][depth];
            double[] tr0 = apply(t, r0);
            double sa = dot(rl, tr0);
            double[] ttrl = applyT(t, rl);
            double e1 = 0, e2 = 0;
            for (int i = 0; i < tr0.length; i++) e1 = Math.max(e1, Math.abs(tr0[i] - sa * rl[i]));
            for (int i = 0; i < ttrl.length; i++) e2 = Math.max(e2, Math.abs(ttrl[i] - sa * r0[i]));
            if (e1 > TOLERANCE * tn || e2 > TOLERANCE * tn) {
                why[0] = "mode " + (a + 1) + " of W_eff(0) is not a singular pair of the target";
                return null;
            }
            if (Math.abs(sa) <= TOLERANCE * tn) sa = 0.0;   // a zero singular value of T
            s[a] = sa;
            for (int i = 0; i < rest.numRows; i++)
                for (int j = 0; j < rest.numCols; j++) rest.add(i, j, -sa * rl[i] * r0[j]);
        }
        return new AlignedModes(depth, k, active, gains, s, dirs, rest);
    }

    /**
     * Input variance λ_α = r_0ᵀ Σxx r_0 of every active mode, or null (reason in why[0]) unless every active
     * r_0^α is an eigenvector of Σxx — the condition under which the modes stay decoupled for non-white
     * inputs (Saxe et al.'s original setting; each mode then runs on its own clock λ_α t).
     */
    double[] inputVariances(DMatrixRMaj sigma, String[] why) {
        double[] lam = new double[k];
        double scale = Math.max(NormOps_DDRM.normF(sigma), Double.MIN_NORMAL);
        for (int a = 0; a < k; a++) {
            if (!active[a]) continue;
            double[] r = dirs[a][0];
            double[] sr = apply(sigma, r);
            double l = dot(r, sr);
            double err = 0;
            for (int i = 0; i < r.length; i++) err = Math.max(err, Math.abs(sr[i] - l * r[i]));
            if (err > TOLERANCE * scale) {
                why[0] = "inputs are not whitened and the input direction of mode " + (a + 1)
                        + " is not an eigenvector of Σxx (the modes couple)";
                return null;
            }
            lam[a] = l;
        }
        return lam;
    }

    /** max over active modes and layers of |D_ℓ^α| relative to its terms, D_ℓ = η_ℓ c_{ℓ+1}² − η_{ℓ+1} c_ℓ² */
    double maxRelativeImbalance(Network net) {
        double worst = 0;
        for (int a = 0; a < k; a++) {
            if (!active[a]) continue;
            for (int l = 1; l < depth; l++) {
                double up = net.rate(l) * gains[a][l] * gains[a][l];
                double down = net.rate(l + 1) * gains[a][l - 1] * gains[a][l - 1];
                worst = Math.max(worst, Math.abs(up - down) / (up + down));
            }
        }
        return worst;
    }

    /** whether every D_ℓ^α (all layers, all active modes) equals one λ, to a relative tol */
    boolean isLambdaBalanced(Network net, double tol) {
        double first = Double.NaN, scale = 0;
        boolean ok = true;
        for (int a = 0; a < k; a++) {
            if (!active[a]) continue;
            for (int l = 1; l < depth; l++) {
                double up = net.rate(l) * gains[a][l] * gains[a][l];
                double down = net.rate(l + 1) * gains[a][l - 1] * gains[a][l - 1];
                double d = up - down;
                scale = Math.max(scale, up + down);
                if (Double.isNaN(first)) first = d;
                else ok &= Math.abs(d - first) <= tol * Math.max(scale, Double.MIN_NORMAL);
            }
        }
        return ok;
    }

    /** D_1 of mode α at depth 2: η_1 c_2² − η_2 c_1² */
    double delta2(Network net, int a) {
        return net.rate(1) * gains[a][1] * gains[a][1] - net.rate(2) * gains[a][0] * gains[a][0];
    }

    double product(int a) {
        double p = 1;
        for (double c : gains[a]) p *= c;
        return p;
    }

    private static double[] apply(DMatrixRMaj m, double[] x) {
        double[] y = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double acc = 0;
            for (int j = 0; j < m.numCols; j++) acc += m.get(i, j) * x[j];
            y[i] = acc;
        }
        return y;
    }

    private static double[] applyT(DMatrixRMaj m, double[] x) {
        double[] y = new double[m.numCols];
        for (int i = 0; i < m.numRows; i++)
            for (int j = 0; j < m.numCols; j++) y[j] += m.get(i, j) * x[i];
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
}
