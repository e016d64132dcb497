package org.dlnexplorer.model.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Linear observations of the effective weight W (n_L × n_0): y_k ≈ ⟨A_k, W⟩, k = 1 … m, with the loss
 * ℒ(W) = ½ Σ_k (⟨A_k, W⟩ − y_k)² (seed 000 §8: matrix sensing). Matrix completion is the case A_k = e_i e_jᵀ for
 * the observed entries (i, j), y_k = M_ij; it keeps the entries' positions and never forms the A_k.
 * Immutable.
 */
public final class Measurements {
    private final int rows, cols;
    private final double[][] a;    // A_k row-major (sensing), null for completion
    private final int[] entry;     // i·cols + j of each observed entry (completion), null for sensing
    private final double[] y;

    private Measurements(int rows, int cols, double[][] a, int[] entry, double[] y) {
        this.rows = rows;
        this.cols = cols;
        this.a = a;
        this.entry = entry;
        this.y = y;
    }

    /** the entries of M where mask is 1 (mask entries are 0 or 1; same shape as M) */
    public static Measurements completion(DMatrixRMaj m, DMatrixRMaj mask) {
        if (m.numRows != mask.numRows || m.numCols != mask.numCols) throw new IllegalArgumentException("mask shape");
        int count = 0;
        for (double v : mask.data) if (v != 0) count++;
        int[] entry = new int[count];
        double[] y = new double[count];
        for (int i = 0, k = 0; i < mask.data.length; i++)
            if (mask.data[i] != 0) { entry[k] = i; y[k] = m.data[i]; k++; }
        return new Measurements(m.numRows, m.numCols, null, entry, y);
    }

    /** y_k = ⟨A_k, W⟩ for the given A_1 … A_m (each rows × cols) */
    public static Measurements sensing(DMatrixRMaj[] as, double[] y) {
        if (as.length != y.length || as.length == 0) throw new IllegalArgumentException("one y per A_k, at least one");
        double[][] a = new double[as.length][];
        for (int k = 0; k < as.length; k++) {
            if (as[k].numRows != as[0].numRows || as[k].numCols != as[0].numCols) throw new IllegalArgumentException("A shapes");
            a[k] = as[k].data.clone();
        }
        return new Measurements(as[0].numRows, as[0].numCols, a, null, y.clone());
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    /** m, the number of observations */
    public int count() { return y.length; }
    public boolean isCompletion() { return entry != null; }
    public double[] values() { return y.clone(); }

    /** A_k as a matrix (completion: e_i e_jᵀ) */
    public DMatrixRMaj matrix(int k) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        if (entry != null) m.data[entry[k]] = 1;
        else System.arraycopy(a[k], 0, m.data, 0, a[k].length);
        return m;
    }

    /** r_k = ⟨A_k, W⟩ − y_k, W read row-major from w at off */
    public void residual(double[] w, int off, double[] r) {
        for (int k = 0; k < y.length; k++) r[k] = apply(k, w, off) - y[k];
    }

    /** ⟨A_k, W⟩ */
    public double apply(int k, double[] w, int off) {
        if (entry != null) return w[off + entry[k]];
        double s = 0;
        double[] ak = a[k];
        for (int i = 0; i < ak.length; i++) s += ak[i] * w[off + i];
        return s;
    }

    /** out = 𝒜*(r) = Σ_k r_k A_k (rows × cols, row-major) */
    public void adjoint(double[] r, double[] out) {
        java.util.Arrays.fill(out, 0, rows * cols, 0.0);
        for (int k = 0; k < y.length; k++) {
            if (entry != null) out[entry[k]] += r[k];
            else { double[] ak = a[k]; double c = r[k]; for (int i = 0; i < ak.length; i++) out[i] += c * ak[i]; }
        }
    }

    /** min over all W of ½ Σ_k (⟨A_k, W⟩ − y_k)²: ½‖(I − 𝒜𝒜⁺) y‖² (0 when the A_k are independent) */
    public double minimumLoss() {
        int m = y.length, n = rows * cols;
        DMatrixRMaj op = new DMatrixRMaj(m, n);
        for (int k = 0; k < m; k++) System.arraycopy(matrix(k).data, 0, op.data, k * n, n);
        DMatrixRMaj pinv = new DMatrixRMaj(n, m);
        CommonOps_DDRM.pinv(op, pinv);
        DMatrixRMaj yv = new DMatrixRMaj(m, 1, true, y);
        DMatrixRMaj w = new DMatrixRMaj(n, 1), fit = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.mult(pinv, yv, w);
        CommonOps_DDRM.mult(op, w, fit);
        double s = 0;
        for (int k = 0; k < m; k++) s += (y[k] - fit.get(k)) * (y[k] - fit.get(k));
        double scale = 0;
        for (double v : y) scale += v * v;
        return s <= 1e-24 * Math.max(1, scale) ? 0.0 : 0.5 * s;
    }
}
