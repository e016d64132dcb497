package org.dlnexplorer.model.relu;

import java.util.Arrays;

/**
 * The activation pattern the flow holds fixed between events: for each neuron k and input i, the side of the
 * surface w_k·x_i = 0 the pair is on (+1 active, −1 inactive), or 0 when the flow slides along that surface
 * (Filippov). For each neuron, an orthonormal basis Q_k of the inputs it slides on (projection
 * P_k = Q_kᵀQ_k) and their Gram inverse G⁻¹ (for Filippov's weights). Mutable; owned by one integrator.
 */
public final class Mode {
    /** an input nearly in the span of the ones a neuron already slides on (relative residual) is not added */
    public static final double SPAN_TOLERANCE = 1e-10;

    private final int h, n, d;
    private final byte[] side;
    private final int[][] sliding;
    private final double[][] basis;        // per neuron, |S_k| rows of length d, orthonormal
    private final double[][] gramInverse;  // per neuron, |S_k| × |S_k| row-major

    private Mode(int h, int n, int d) {
        this.h = h;
        this.n = n;
        this.d = d;
        this.side = new byte[h * n];
        this.sliding = new int[h][0];
        this.basis = new double[h][0];
        this.gramInverse = new double[h][0];
    }

    /** every pair on the side its preactivation z_ki (k·n + i) is on; z = 0 counts as inactive */
    public static Mode fromPreactivations(int h, int n, int d, double[] z) {
        Mode m = new Mode(h, n, d);
        for (int j = 0; j < h * n; j++) m.side[j] = (byte) (z[j] > 0 ? 1 : -1);
        return m;
    }

    /** +1, −1, or 0 (sliding) */
    public int side(int k, int i) { return side[k * n + i]; }

    public boolean isSliding(int k, int i) { return side[k * n + i] == 0; }

    /** the inputs neuron k slides on (a copy) */
    public int[] sliding(int k) { return sliding[k].clone(); }

    /**
     * Whether neuron k slides on d independent surfaces: they meet only at w_k = 0, where the neuron has
     * collapsed (every input on its surface, ẇ_k = 0, ȧ_k = 0). It stays there until a pattern's field leaves
     * the origin inside its own region ({@link PiecewiseNet#escape}; see docs/THEORY.md).
     */
    public boolean collapsed(int k) { return sliding[k].length == d; }

    /** a collapsed neuron k leaves the origin: no pair slides any more, each on the side of the pattern */
    public void escape(int k, byte[] pattern) {
        sliding[k] = new int[0];
        basis[k] = new double[0];
        gramInverse[k] = new double[0];
        for (int i = 0; i < n; i++) side[k * n + i] = pattern[i] > 0 ? (byte) 1 : (byte) -1;
    }

    /** pairs sliding in all */
    public int slidingCount() {
        int c = 0;
        for (int[] s : sliding) c += s.length;
        return c;
    }

    /** pair (k, i) leaves or joins a side */
    public void setSide(int k, int i, int s) {
        if (s != 1 && s != -1) throw new IllegalArgumentException("side must be ±1");
        if (side[k * n + i] == 0) throw new IllegalStateException("pair is sliding: release it");
        side[k * n + i] = (byte) s;
    }

    /**
     * Pair (k, i) starts sliding on w_k·x_i = 0; false (nothing changed) when x_i is numerically in the span
     * of the inputs k already slides on (the surface is then already kept).
     */
    public boolean slide(int k, int i, double[] xs) {
        int[] old = sliding[k];
        int m = old.length;
        double[] q = new double[(m + 1) * d];
        System.arraycopy(basis[k], 0, q, 0, m * d);
        double norm0 = 0;
        for (int c = 0; c < d; c++) { q[m * d + c] = xs[i * d + c]; norm0 += xs[i * d + c] * xs[i * d + c]; }
        // Gram–Schmidt, twice for orthogonality to round-off
        for (int pass = 0; pass < 2; pass++)
            for (int r = 0; r < m; r++) {
                double dot = 0;
                for (int c = 0; c < d; c++) dot += q[r * d + c] * q[m * d + c];
                for (int c = 0; c < d; c++) q[m * d + c] -= dot * q[r * d + c];
            }
        double norm = 0;
        for (int c = 0; c < d; c++) norm += q[m * d + c] * q[m * d + c];
        if (!(norm > SPAN_TOLERANCE * SPAN_TOLERANCE * norm0)) return false;
        double inv = 1.0 / Math.sqrt(norm);
        for (int c = 0; c < d; c++) q[m * d + c] *= inv;
        int[] s = Arrays.copyOf(old, m + 1);
        s[m] = i;
        sliding[k] = s;
        basis[k] = q;
        side[k * n + i] = 0;
        gramInverse[k] = gramInverse(s, xs);
        return true;
    }

    /** pair (k, i) stops sliding and goes to side s */
    public void release(int k, int i, int s, double[] xs) {
        if (s != 1 && s != -1) throw new IllegalArgumentException("side must be ±1");
        int[] old = sliding[k];
        int[] keep = new int[old.length - 1];
        int j = 0;
        for (int v : old) if (v != i) keep[j++] = v;
        if (j != keep.length) throw new IllegalStateException("pair is not sliding");
        sliding[k] = new int[0];
        basis[k] = new double[0];
        gramInverse[k] = new double[0];
        side[k * n + i] = (byte) s;
        for (int v : keep) { side[k * n + v] = 1; slide(k, v, xs); }
    }

    /** v ← (I − P_k) v */
    public void project(int k, double[] v) {
        double[] q = basis[k];
        int m = sliding[k].length;
        for (int r = 0; r < m; r++) {
            double dot = 0;
            for (int c = 0; c < d; c++) dot += q[r * d + c] * v[c];
            for (int c = 0; c < d; c++) v[c] -= dot * q[r * d + c];
        }
    }

    /** u = −G⁻¹ X_S v: the coefficients of the inputs that cancel v's component across neuron k's surfaces */
    double[] slidingCoefficients(int k, double[] v, double[] xs, int dim) {
        int[] s = sliding[k];
        int m = s.length;
        double[] b = new double[m];
        for (int r = 0; r < m; r++) {
            double dot = 0;
            for (int c = 0; c < dim; c++) dot += xs[s[r] * dim + c] * v[c];
            b[r] = dot;
        }
        double[] g = gramInverse[k], u = new double[m];
        for (int r = 0; r < m; r++) {
            double acc = 0;
            for (int c = 0; c < m; c++) acc += g[r * m + c] * b[c];
            u[r] = -acc;
        }
        return u;
    }


    /** (X_S X_Sᵀ)⁻¹ by Gauss–Jordan with partial pivoting (|S| ≤ d, small) */
    private double[] gramInverse(int[] s, double[] xs) {
        int m = s.length;
        double[] a = new double[m * 2 * m];
        int w = 2 * m;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                double dot = 0;
                for (int col = 0; col < d; col++) dot += xs[s[r] * d + col] * xs[s[c] * d + col];
                a[r * w + c] = dot;
            }
            a[r * w + m + r] = 1;
        }
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) if (Math.abs(a[r * w + c]) > Math.abs(a[p * w + c])) p = r;
            if (p != c) for (int j = 0; j < w; j++) { double t = a[c * w + j]; a[c * w + j] = a[p * w + j]; a[p * w + j] = t; }
            double piv = a[c * w + c];
            for (int j = 0; j < w; j++) a[c * w + j] /= piv;
            for (int r = 0; r < m; r++) {
                if (r == c) continue;
                double f = a[r * w + c];
                if (f != 0) for (int j = 0; j < w; j++) a[r * w + j] -= f * a[c * w + j];
            }
        }
        double[] inv = new double[m * m];
        for (int r = 0; r < m; r++) System.arraycopy(a, r * w + m, inv, r * m, m);
        return inv;
    }
}
