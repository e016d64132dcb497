package org.dlnexplorer.model.engine;

/**
 * LU factorisation with partial (row) pivoting of an N × N band matrix with kl sub- and ku super-diagonals,
 * as LAPACK's dgbtrf/dgbtrs: step p exchanges row p with the row of largest |a_ip| among p … p + kl and
 * eliminates below it, so U gains at most kl more super-diagonals. Row i is stored over the absolute columns
 * i − kl … i + kl + ku (an interchange within kl rows keeps every entry inside the window); the multipliers of
 * step p stay in column p of their rows, and the solve replays the interchanges in order:
 *   forward  for p: swap b_p, b_piv(p); b_i −= l_ip b_p (i = p + 1 … p + kl)
 *   backward b_p = (b_p − Σ_{c > p} u_pc b_c) / u_pp.
 * Allocation-free after construction.
 */
final class BandLu {
    private final int size, kl, ku, width;
    private final double[] a;
    private final int[] pivot;

    BandLu(int size, int kl, int ku) {
        this.size = size;
        this.kl = kl;
        this.ku = ku;
        this.width = 2 * kl + ku + 1;
        this.a = new double[size * width];
        this.pivot = new int[size];
    }

    int size() { return size; }

    /** all entries to 0 (before setting a new matrix) */
    void clear() { java.util.Arrays.fill(a, 0.0); }

    /** a_ij = value, for |i − j| inside the band */
    void set(int i, int j, double value) { a[index(i, j)] = value; }

    private int index(int i, int j) { return i * width + (j - i + kl); }

    /** factors in place; false if a pivot is exactly zero (singular) */
    boolean factor() {
        for (int p = 0; p < size; p++) {
            int last = Math.min(size - 1, p + kl), right = Math.min(size - 1, p + kl + ku);
            int r = p;
            double best = Math.abs(a[index(p, p)]);
            for (int i = p + 1; i <= last; i++) {
                double v = Math.abs(a[index(i, p)]);
                if (v > best) {
                    best = v;
                    r = i;
                }
            }
            pivot[p] = r;
            if (!(best > 0)) return false;
            if (r != p)
                for (int c = p; c <= right; c++) {
                    int x = index(p, c), y = index(r, c);
                    double t = a[x];
                    a[x] = a[y];
                    a[y] = t;
                }
            double inv = 1.0 / a[index(p, p)];
            for (int i = p + 1; i <= last; i++) {
                int ip = index(i, p);
                double m = a[ip] * inv;
                a[ip] = m;
                if (m == 0) continue;
                int rowI = index(i, p + 1), rowP = index(p, p + 1);
                for (int c = 0; c < right - p; c++) a[rowI + c] -= m * a[rowP + c];
            }
        }
        return true;
    }

    /** b ← A⁻¹ b in place (after {@link #factor}) */
    void solve(double[] b) {
        for (int p = 0; p < size; p++) {
            int r = pivot[p];
            if (r != p) {
                double t = b[p];
                b[p] = b[r];
                b[r] = t;
            }
            double bp = b[p];
            if (bp == 0) continue;
            for (int i = p + 1, last = Math.min(size - 1, p + kl); i <= last; i++) b[i] -= a[index(i, p)] * bp;
        }
        for (int p = size - 1; p >= 0; p--) {
            double s = b[p];
            int row = index(p, 0);
            for (int c = p + 1, right = Math.min(size - 1, p + kl + ku); c <= right; c++) s -= a[row + c] * b[c];
            b[p] = s / a[row + p];
        }
    }
}
