package org.dlnexplorer.model.objective;

/**
 * Allocation-free dense kernels on row-major double[] with offsets, register-blocked in 4×4 tiles of C
 * (16 scalar accumulators; plain Java, no Vector API, so they run in any JVM). Each sum over p is
 * accumulated in ascending p with separate multiply and add, like the textbook triple loop, so results
 * agree with a naive reference to round-off. C must not overlap A or B.
 * <ul>
 * <li>{@link #mult}: C = α A B, A m×k, B k×n</li>
 * <li>{@link #multTransA}: C = α Aᵀ B, A k×m, B k×n</li>
 * <li>{@link #multTransB}: C = α A Bᵀ, A m×k, B n×k</li>
 * </ul>
 * C is m×n with row stride n; A and B are packed with their own column count as row stride.
 */
public final class Kernels {
    private Kernels() {}

    /** C = α A B (A m×k, B k×n), C m×n at cOff */
    public static void mult(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        int m4 = m & ~3, n4 = n & ~3;
        for (int i = 0; i < m4; i += 4) {
            int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int p = 0; p < k; p++) {
                    double b0 = b[bOff + p * n + (j)], b1 = b[bOff + p * n + (j + 1)], b2 = b[bOff + p * n + (j + 2)], b3 = b[bOff + p * n + (j + 3)];
                    double x0 = a[aOff + (i) * k + p];
                    c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
                    double x1 = a[aOff + (i + 1) * k + p];
                    c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
                    double x2 = a[aOff + (i + 2) * k + p];
                    c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
                    double x3 = a[aOff + (i + 3) * k + p];
                    c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
                c[r2 + j] = alpha * c20; c[r2 + j + 1] = alpha * c21; c[r2 + j + 2] = alpha * c22; c[r2 + j + 3] = alpha * c23;
                c[r3 + j] = alpha * c30; c[r3 + j + 1] = alpha * c31; c[r3 + j + 2] = alpha * c32; c[r3 + j + 3] = alpha * c33;
            }
            for (int j = n4; j < n; j++) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double bv = b[bOff + p * n + (j)];
                    c0 += a[aOff + (i) * k + p] * bv; c1 += a[aOff + (i + 1) * k + p] * bv; c2 += a[aOff + (i + 2) * k + p] * bv; c3 += a[aOff + (i + 3) * k + p] * bv;
                }
                c[r0 + j] = alpha * c0; c[r1 + j] = alpha * c1; c[r2 + j] = alpha * c2; c[r3 + j] = alpha * c3;
            }
        }
        for (int i = m4; i < m; i++) {
            int r0 = cOff + i * n;
            for (int j = 0; j < n4; j += 4) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + (i) * k + p];
                    c0 += x * b[bOff + p * n + (j)]; c1 += x * b[bOff + p * n + (j + 1)]; c2 += x * b[bOff + p * n + (j + 2)]; c3 += x * b[bOff + p * n + (j + 3)];
                }
                c[r0 + j] = alpha * c0; c[r0 + j + 1] = alpha * c1; c[r0 + j + 2] = alpha * c2; c[r0 + j + 3] = alpha * c3;
            }
            for (int j = n4; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[aOff + (i) * k + p] * b[bOff + p * n + (j)];
                c[r0 + j] = alpha * s;
            }
        }
    }

    /** C = α Aᵀ B (A k×m, B k×n), C m×n at cOff */
    public static void multTransA(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        int m4 = m & ~3, n4 = n & ~3;
        for (int i = 0; i < m4; i += 4) {
            int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int p = 0; p < k; p++) {
                    double b0 = b[bOff + p * n + (j)], b1 = b[bOff + p * n + (j + 1)], b2 = b[bOff + p * n + (j + 2)], b3 = b[bOff + p * n + (j + 3)];
                    double x0 = a[aOff + p * m + (i)];
                    c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
                    double x1 = a[aOff + p * m + (i + 1)];
                    c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
                    double x2 = a[aOff + p * m + (i + 2)];
                    c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
                    double x3 = a[aOff + p * m + (i + 3)];
                    c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
                c[r2 + j] = alpha * c20; c[r2 + j + 1] = alpha * c21; c[r2 + j + 2] = alpha * c22; c[r2 + j + 3] = alpha * c23;
                c[r3 + j] = alpha * c30; c[r3 + j + 1] = alpha * c31; c[r3 + j + 2] = alpha * c32; c[r3 + j + 3] = alpha * c33;
            }
            for (int j = n4; j < n; j++) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double bv = b[bOff + p * n + (j)];
                    c0 += a[aOff + p * m + (i)] * bv; c1 += a[aOff + p * m + (i + 1)] * bv; c2 += a[aOff + p * m + (i + 2)] * bv; c3 += a[aOff + p * m + (i + 3)] * bv;
                }
                c[r0 + j] = alpha * c0; c[r1 + j] = alpha * c1; c[r2 + j] = alpha * c2; c[r3 + j] = alpha * c3;
            }
        }
        for (int i = m4; i < m; i++) {
            int r0 = cOff + i * n;
            for (int j = 0; j < n4; j += 4) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + p * m + (i)];
                    c0 += x * b[bOff + p * n + (j)]; c1 += x * b[bOff + p * n + (j + 1)]; c2 += x * b[bOff + p * n + (j + 2)]; c3 += x * b[bOff + p * n + (j + 3)];
                }
                c[r0 + j] = alpha * c0; c[r0 + j + 1] = alpha * c1; c[r0 + j + 2] = alpha * c2; c[r0 + j + 3] = alpha * c3;
            }
            for (int j = n4; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[aOff + p * m + (i)] * b[bOff + p * n + (j)];
                c[r0 + j] = alpha * s;
            }
        }
    }

    /** C = α A Bᵀ (A m×k, B n×k), C m×n at cOff */
    public static void multTransB(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        int m4 = m & ~3, n4 = n & ~3;
        for (int i = 0; i < m4; i += 4) {
            int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int p = 0; p < k; p++) {
                    double b0 = b[bOff + (j) * k + p], b1 = b[bOff + (j + 1) * k + p], b2 = b[bOff + (j + 2) * k + p], b3 = b[bOff + (j + 3) * k + p];
                    double x0 = a[aOff + (i) * k + p];
                    c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
                    double x1 = a[aOff + (i + 1) * k + p];
                    c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
                    double x2 = a[aOff + (i + 2) * k + p];
                    c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
                    double x3 = a[aOff + (i + 3) * k + p];
                    c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
                c[r2 + j] = alpha * c20; c[r2 + j + 1] = alpha * c21; c[r2 + j + 2] = alpha * c22; c[r2 + j + 3] = alpha * c23;
                c[r3 + j] = alpha * c30; c[r3 + j + 1] = alpha * c31; c[r3 + j + 2] = alpha * c32; c[r3 + j + 3] = alpha * c33;
            }
            for (int j = n4; j < n; j++) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double bv = b[bOff + (j) * k + p];
                    c0 += a[aOff + (i) * k + p] * bv; c1 += a[aOff + (i + 1) * k + p] * bv; c2 += a[aOff + (i + 2) * k + p] * bv; c3 += a[aOff + (i + 3) * k + p] * bv;
                }
                c[r0 + j] = alpha * c0; c[r1 + j] = alpha * c1; c[r2 + j] = alpha * c2; c[r3 + j] = alpha * c3;
            }
        }
        for (int i = m4; i < m; i++) {
            int r0 = cOff + i * n;
            for (int j = 0; j < n4; j += 4) {
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + (i) * k + p];
                    c0 += x * b[bOff + (j) * k + p]; c1 += x * b[bOff + (j + 1) * k + p]; c2 += x * b[bOff + (j + 2) * k + p]; c3 += x * b[bOff + (j + 3) * k + p];
                }
                c[r0 + j] = alpha * c0; c[r0 + j + 1] = alpha * c1; c[r0 + j + 2] = alpha * c2; c[r0 + j + 3] = alpha * c3;
            }
            for (int j = n4; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[aOff + (i) * k + p] * b[bOff + (j) * k + p];
                c[r0 + j] = alpha * s;
            }
        }
    }

    /** ⟨a, b⟩ over len entries from the given offsets */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }
}
