package org.dlnexplorer.model.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the {@link Kernels} products with the JDK Vector API (jdk.incubator.vector), same
 * signatures and layout: row-major double[] with offsets, C m×n with row stride n, C not overlapping A or B.
 * Only loaded through {@link Kernels} when the module is in the boot layer ({@link Kernels#VECTOR}), so a JVM
 * started without {@code --add-modules jdk.incubator.vector} never resolves this class.
 * <p>
 * Tiles of C are 4 rows × 2 vectors (8 vector accumulators, 2 B vectors and 1 broadcast: 11 of the 16 AVX2
 * registers). Each sum over p runs in ascending p with a fused multiply-add, so results differ from the
 * scalar kernels only by round-off (one rounding per term instead of two). Columns past the last full
 * vector are done in scalar code, also ascending p with {@link Math#fma}.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** doubles per vector (4 with AVX2) */
    static final int LANES = S.length();

    /** Packed Bᵀ for multTransB, grown on demand, one per thread (no per-call allocation once warm). */
    private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    /** C = α A B (A m×k, B k×n): A(i,p) at aOff + i·k + p, B(p,j) at bOff + p·n + j */
    static void mult(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                     int m, int k, int n) {
        product(alpha, a, aOff, k, 1, b, bOff, c, cOff, m, k, n);
    }

    /** C = α Aᵀ B (A k×m, B k×n): Aᵀ(i,p) = A(p,i) at aOff + p·m + i */
    static void multTransA(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                           int m, int k, int n) {
        product(alpha, a, aOff, 1, m, b, bOff, c, cOff, m, k, n);
    }

    /** C = α A Bᵀ (A m×k, B n×k): Bᵀ packed once into a thread-local k×n workspace, then C = α A (Bᵀ) */
    static void multTransB(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                           int m, int k, int n) {
        double[][] holder = PACK.get();
        double[] bt = holder[0];
        if (bt.length < k * n) holder[0] = bt = new double[k * n];
        // Bᵀ(p, j) = B(j, p)
        for (int j = 0; j < n; j++) {
            int src = bOff + j * k;
            for (int p = 0; p < k; p++) bt[p * n + j] = b[src + p];
        }
        product(alpha, a, aOff, k, 1, bt, 0, c, cOff, m, k, n);
    }

    /**
     * C = α Â B with Â(i,p) = a[aOff + i·rowStride + p·colStride] (row-major A: (k, 1); Aᵀ of a k×m A: (1, m))
     * and B k×n row-major at bOff.
     */
    private static void product(double alpha, double[] a, int aOff, int rs, int cs, double[] b, int bOff,
                                double[] c, int cOff, int m, int k, int n) {
        final int v = LANES;
        int nV = n - n % v;            // columns covered by full vectors
        int nV2 = nV - nV % (2 * v);   // columns covered by pairs of vectors
        int m4 = m - m % 4;
        for (int i = 0; i < m4; i += 4) {
            int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
            int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            for (int j = 0; j < nV2; j += 2 * v) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                        c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) {
                    DoubleVector y0 = DoubleVector.fromArray(S, b, pb);
                    DoubleVector y1 = DoubleVector.fromArray(S, b, pb + v);
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + pa]);
                    c00 = x.fma(y0, c00); c01 = x.fma(y1, c01);
                    x = DoubleVector.broadcast(S, a[a1 + pa]);
                    c10 = x.fma(y0, c10); c11 = x.fma(y1, c11);
                    x = DoubleVector.broadcast(S, a[a2 + pa]);
                    c20 = x.fma(y0, c20); c21 = x.fma(y1, c21);
                    x = DoubleVector.broadcast(S, a[a3 + pa]);
                    c30 = x.fma(y0, c30); c31 = x.fma(y1, c31);
                }
                c00.mul(alpha).intoArray(c, r0 + j); c01.mul(alpha).intoArray(c, r0 + j + v);
                c10.mul(alpha).intoArray(c, r1 + j); c11.mul(alpha).intoArray(c, r1 + j + v);
                c20.mul(alpha).intoArray(c, r2 + j); c21.mul(alpha).intoArray(c, r2 + j + v);
                c30.mul(alpha).intoArray(c, r3 + j); c31.mul(alpha).intoArray(c, r3 + j + v);
            }
            if (nV2 < nV) {
                int j = nV2;
                DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) {
                    DoubleVector y = DoubleVector.fromArray(S, b, pb);
                    c0 = DoubleVector.broadcast(S, a[a0 + pa]).fma(y, c0);
                    c1 = DoubleVector.broadcast(S, a[a1 + pa]).fma(y, c1);
                    c2 = DoubleVector.broadcast(S, a[a2 + pa]).fma(y, c2);
                    c3 = DoubleVector.broadcast(S, a[a3 + pa]).fma(y, c3);
                }
                c0.mul(alpha).intoArray(c, r0 + j); c1.mul(alpha).intoArray(c, r1 + j);
                c2.mul(alpha).intoArray(c, r2 + j); c3.mul(alpha).intoArray(c, r3 + j);
            }
            for (int j = nV; j < n; j++) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) {
                    double y = b[pb];
                    s0 = Math.fma(a[a0 + pa], y, s0); s1 = Math.fma(a[a1 + pa], y, s1);
                    s2 = Math.fma(a[a2 + pa], y, s2); s3 = Math.fma(a[a3 + pa], y, s3);
                }
                c[r0 + j] = alpha * s0; c[r1 + j] = alpha * s1; c[r2 + j] = alpha * s2; c[r3 + j] = alpha * s3;
            }
        }
        for (int i = m4; i < m; i++) {
            int a0 = aOff + i * rs;
            int r0 = cOff + i * n;
            for (int j = 0; j < nV2; j += 2 * v) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) {
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + pa]);
                    c00 = x.fma(DoubleVector.fromArray(S, b, pb), c00);
                    c01 = x.fma(DoubleVector.fromArray(S, b, pb + v), c01);
                }
                c00.mul(alpha).intoArray(c, r0 + j); c01.mul(alpha).intoArray(c, r0 + j + v);
            }
            if (nV2 < nV) {
                int j = nV2;
                DoubleVector c0 = DoubleVector.zero(S);
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) {
                    c0 = DoubleVector.broadcast(S, a[a0 + pa]).fma(DoubleVector.fromArray(S, b, pb), c0);
                }
                c0.mul(alpha).intoArray(c, r0 + j);
            }
            for (int j = nV; j < n; j++) {
                double s0 = 0;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += n, pa += cs) s0 = Math.fma(a[a0 + pa], b[pb], s0);
                c[r0 + j] = alpha * s0;
            }
        }
    }
}
