package org.dlnexplorer.model.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the {@link Kernels} products with the JDK Vector API (jdk.incubator.vector), same
 * signatures and layout: row-major double[] with offsets, C m×n with row stride n, C not overlapping A or B
 * (αAB and αAᵀB also on a block of columns: B and C with their own row strides ldb, ldc).
 * Only loaded through {@link Kernels} when the module is in the boot layer ({@link Kernels#VECTOR}), so a JVM
 * started without {@code --add-modules jdk.incubator.vector} never resolves this class.
 * <p>
 * Tiles of C are 4 rows × 2 vectors (8 vector accumulators, 2 B vectors and 1 broadcast: 11 of the 16 AVX2
 * registers). Operands at least {@link #PACK_MIN} long are first copied into contiguous panels (B, or Bᵀ, in
 * column panels two vectors wide; Aᵀ in 4-row blocks), smaller ones are read in place ({@link #productDirect}). Each sum over p runs in ascending p with a fused multiply-add, so results differ from the
 * scalar kernels only by round-off (one rounding per term instead of two). Columns past the last full
 * vector are done in scalar code, also ascending p with {@link Math#fma}.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** doubles per vector (4 with AVX2) */
    static final int LANES = S.length();

    /**
     * Per-thread workspaces, grown on demand (no per-call allocation once warm): [0] the packed panels of B
     * ({@link #pack}) or, for small αABᵀ, Bᵀ row-major; [1] the packed 4-row blocks of A ({@link #packRows}).
     */
    private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /** C = α A B (A m×k, B k×n): A(i,p) at aOff + i·k + p, B(p,j) at bOff + p·n + j */
    static void mult(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                     int m, int k, int n) {
        mult(alpha, a, aOff, b, bOff, n, c, cOff, n, m, k, n);
    }

    /** C = α A B with row strides ldb of B and ldc of C (a block of columns of wider B and C) */
    static void mult(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                     int m, int k, int n) {
        if (!packs(k, n)) {
            productDirect(alpha, a, aOff, k, 1, b, bOff, ldb, c, cOff, ldc, m, k, n);
            return;
        }
        double[] bp = pack(b, bOff, ldb, 1, k, n);
        product(alpha, a, aOff, k, 1, bp, c, cOff, ldc, m, k, n);
    }

    /** C = α Aᵀ B (A k×m, B k×n): Aᵀ(i,p) = A(p,i) at aOff + p·m + i */
    static void multTransA(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                           int m, int k, int n) {
        multTransA(alpha, a, aOff, b, bOff, n, c, cOff, n, m, k, n);
    }

    /** C = α Aᵀ B with row strides ldb of B and ldc of C (a block of columns of wider B and C) */
    static void multTransA(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c, int cOff,
                           int ldc, int m, int k, int n) {
        if (!packs(k, n)) {
            productDirect(alpha, a, aOff, 1, m, b, bOff, ldb, c, cOff, ldc, m, k, n);
            return;
        }
        double[] bp = pack(b, bOff, ldb, 1, k, n);
        product(alpha, a, aOff, 1, m, bp, c, cOff, ldc, m, k, n);
    }

    /** C = α A Bᵀ (A m×k, B n×k): Bᵀ(p,j) = B(j,p) at bOff + j·k + p */
    static void multTransB(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                           int m, int k, int n) {
        if (!packs(k, n)) {
            // Bᵀ(p, j) = B(j, p) into a k×n row-major workspace, then the direct kernel
            double[][] holder = PACK.get();
            double[] bt = holder[0];
            if (bt.length < k * n) holder[0] = bt = new double[k * n];
            for (int j = 0; j < n; j++) {
                int src = bOff + j * k;
                for (int p = 0; p < k; p++) bt[p * n + j] = b[src + p];
            }
            productDirect(alpha, a, aOff, k, 1, bt, 0, n, c, cOff, n, m, k, n);
            return;
        }
        double[] bp = pack(b, bOff, 1, k, k, n);
        product(alpha, a, aOff, k, 1, bp, c, cOff, n, m, k, n);
    }

    /**
     * Operands at least this long (in the summed dimension k or the columns n) go through the packed kernel:
     * at 64 packing pays (αAᵀB 15 → 25 GFLOP/s; the 8x64 peer trajectory ~20% faster), at 16 the copies
     * cost more than they save (the 4x16 peer trajectory was ~10% slower packed).
     */
    static final int PACK_MIN = 48;

    /** whether a k-deep product with n columns goes through the packed kernel */
    static boolean packs(int k, int n) {
        return Math.max(k, n) >= PACK_MIN;
    }

    /**
     * Copies the k×n operand B̂(p,j) = b[bOff + p·ps + j·js] into the per-thread workspace as column panels:
     * panel q (columns 8q … 8q+7, two vectors wide) holds B̂(p, 8q + jj) at q·8k + 8p + jj; the columns left
     * over after the last full panel follow in the same layout with their own width (one vector, then the
     * scalar rest). Every panel is one contiguous stream, so the inner loop never walks a power-of-two stride
     * through memory (at n = 64 the unpacked column walk hit the same few L1 sets and ran at half speed),
     * and αABᵀ needs no separate transpose.
     */
    private static double[] pack(double[] b, int bOff, int ps, int js, int k, int n) {
        double[][] holder = PACK.get();
        double[] bp = holder[0];
        if (bp.length < k * n) holder[0] = bp = new double[k * n];
        final int w2 = 2 * LANES;
        int j = 0, dst = 0;
        for (; j + w2 <= n; j += w2) dst = packPanel(b, bOff, ps, js, k, j, w2, bp, dst);
        if (j + LANES <= n) {
            dst = packPanel(b, bOff, ps, js, k, j, LANES, bp, dst);
            j += LANES;
        }
        if (j < n) packPanel(b, bOff, ps, js, k, j, n - j, bp, dst);
        return bp;
    }

    /** one panel of `width` columns from column j: B̂(p, j + jj) to dst + p·width + jj; returns the next dst */
    private static int packPanel(double[] b, int bOff, int ps, int js, int k, int j, int width, double[] bp, int dst) {
        if (js == 1 && width == 2 * LANES) {
            for (int p = 0; p < k; p++) {
                int src = bOff + j + p * ps, d = dst + width * p;
                DoubleVector.fromArray(S, b, src).intoArray(bp, d);
                DoubleVector.fromArray(S, b, src + LANES).intoArray(bp, d + LANES);
            }
            dst += k * width;
        } else if (js == 1) {
            for (int p = 0, src = bOff + j; p < k; p++, src += ps, dst += width)
                for (int jj = 0; jj < width; jj++) bp[dst + jj] = b[src + jj];
        } else {
            for (int jj = 0; jj < width; jj++) {
                int src = bOff + (j + jj) * js;
                for (int p = 0, d = dst + jj; p < k; p++, src += ps, d += width) bp[d] = b[src];
            }
            dst += k * width;
        }
        return dst;
    }

    /**
     * Copies the first m4 (a multiple of 4) rows of Â(i,p) = a[aOff + i·rs + p·cs] into the per-thread workspace
     * as 4-row blocks: block b holds Â(4b + r, p) at 4bk + 4p + r. The inner loop then reads A as one
     * contiguous stream whose index is a constant multiple of the loop counter (the JIT removes its range
     * checks; with Aᵀ's run-time column stride it could not: 15 → 25 GFLOP/s for αAᵀB at n = 64).
     */
    private static double[] packRows(double[] a, int aOff, int rs, int cs, int m4, int k) {
        double[][] holder = PACK.get();
        double[] ap = holder[1];
        if (ap.length < m4 * k) holder[1] = ap = new double[m4 * k];
        for (int i = 0; i < m4; i += 4) {
            int blk = i * k;
            for (int r = 0; r < 4; r++) {
                int src = aOff + (i + r) * rs;
                for (int p = 0; p < k; p++) ap[blk + 4 * p + r] = a[src + p * cs];
            }
        }
        return ap;
    }

    /**
     * C = α Â B̂ with Â(i,p) = a[aOff + i·rowStride + p·colStride] (row-major A: (k, 1); Aᵀ of a k×m A: (1, m))
     * and B̂ k×n packed by {@link #pack}. For each panel, tiles of 4 rows of C run down the whole panel.
     */
    private static void product(double alpha, double[] a, int aOff, int rs, int cs, double[] bp,
                                double[] c, int cOff, int ldc, int m, int k, int n) {
        final int v = LANES, w2 = 2 * v;
        int m4 = m - m % 4;
        int j = 0, base = 0;
        // full panels, two vectors wide: 4 × 2 tiles (8 vector accumulators)
        // row-major A (αAB, αABᵀ) is read in place, Aᵀ (αAᵀB, run-time column stride) from packed 4-row blocks
        boolean rowMajor = cs == 1;
        double[] ap = rowMajor || m4 == 0 ? a : packRows(a, aOff, rs, cs, m4, k);
        for (; j + w2 <= n; j += w2, base += k * w2) {
            for (int i = 0; i < m4; i += 4) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                        c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                if (rowMajor) {
                    int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
                    for (int p = 0; p < k; p++) {
                        int pb = base + w2 * p;
                        DoubleVector y0 = DoubleVector.fromArray(S, bp, pb);
                        DoubleVector y1 = DoubleVector.fromArray(S, bp, pb + v);
                        DoubleVector x = DoubleVector.broadcast(S, a[a0 + p]);
                        c00 = x.fma(y0, c00); c01 = x.fma(y1, c01);
                        x = DoubleVector.broadcast(S, a[a1 + p]);
                        c10 = x.fma(y0, c10); c11 = x.fma(y1, c11);
                        x = DoubleVector.broadcast(S, a[a2 + p]);
                        c20 = x.fma(y0, c20); c21 = x.fma(y1, c21);
                        x = DoubleVector.broadcast(S, a[a3 + p]);
                        c30 = x.fma(y0, c30); c31 = x.fma(y1, c31);
                    }
                } else {
                    int blk = i * k;
                    for (int p = 0; p < k; p++) {
                        int pb = base + w2 * p, pa = blk + 4 * p;
                        DoubleVector y0 = DoubleVector.fromArray(S, bp, pb);
                        DoubleVector y1 = DoubleVector.fromArray(S, bp, pb + v);
                        DoubleVector x = DoubleVector.broadcast(S, ap[pa]);
                        c00 = x.fma(y0, c00); c01 = x.fma(y1, c01);
                        x = DoubleVector.broadcast(S, ap[pa + 1]);
                        c10 = x.fma(y0, c10); c11 = x.fma(y1, c11);
                        x = DoubleVector.broadcast(S, ap[pa + 2]);
                        c20 = x.fma(y0, c20); c21 = x.fma(y1, c21);
                        x = DoubleVector.broadcast(S, ap[pa + 3]);
                        c30 = x.fma(y0, c30); c31 = x.fma(y1, c31);
                    }
                }
                int r0 = cOff + i * ldc + j, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
                c00.mul(alpha).intoArray(c, r0); c01.mul(alpha).intoArray(c, r0 + v);
                c10.mul(alpha).intoArray(c, r1); c11.mul(alpha).intoArray(c, r1 + v);
                c20.mul(alpha).intoArray(c, r2); c21.mul(alpha).intoArray(c, r2 + v);
                c30.mul(alpha).intoArray(c, r3); c31.mul(alpha).intoArray(c, r3 + v);
            }
            for (int i = m4; i < m; i++) {
                int a0 = aOff + i * rs;
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00;
                for (int p = 0, pb = base, pa = 0; p < k; p++, pb += w2, pa += cs) {
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + pa]);
                    c00 = x.fma(DoubleVector.fromArray(S, bp, pb), c00);
                    c01 = x.fma(DoubleVector.fromArray(S, bp, pb + v), c01);
                }
                int r0 = cOff + i * ldc + j;
                c00.mul(alpha).intoArray(c, r0); c01.mul(alpha).intoArray(c, r0 + v);
            }
        }
        // one panel one vector wide: 4 × 1 tiles
        if (j + v <= n) {
            for (int i = 0; i < m4; i += 4) {
                DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
                if (rowMajor) {
                    int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
                    for (int p = 0; p < k; p++) {
                        DoubleVector y = DoubleVector.fromArray(S, bp, base + v * p);
                        c0 = DoubleVector.broadcast(S, a[a0 + p]).fma(y, c0);
                        c1 = DoubleVector.broadcast(S, a[a1 + p]).fma(y, c1);
                        c2 = DoubleVector.broadcast(S, a[a2 + p]).fma(y, c2);
                        c3 = DoubleVector.broadcast(S, a[a3 + p]).fma(y, c3);
                    }
                } else {
                    int blk = i * k;
                    for (int p = 0; p < k; p++) {
                        int pa = blk + 4 * p;
                        DoubleVector y = DoubleVector.fromArray(S, bp, base + v * p);
                        c0 = DoubleVector.broadcast(S, ap[pa]).fma(y, c0);
                        c1 = DoubleVector.broadcast(S, ap[pa + 1]).fma(y, c1);
                        c2 = DoubleVector.broadcast(S, ap[pa + 2]).fma(y, c2);
                        c3 = DoubleVector.broadcast(S, ap[pa + 3]).fma(y, c3);
                    }
                }
                int r0 = cOff + i * ldc + j;
                c0.mul(alpha).intoArray(c, r0); c1.mul(alpha).intoArray(c, r0 + ldc);
                c2.mul(alpha).intoArray(c, r0 + 2 * ldc); c3.mul(alpha).intoArray(c, r0 + 3 * ldc);
            }
            for (int i = m4; i < m; i++) {
                int a0 = aOff + i * rs;
                DoubleVector c0 = DoubleVector.zero(S);
                for (int p = 0, pb = base, pa = 0; p < k; p++, pb += v, pa += cs)
                    c0 = DoubleVector.broadcast(S, a[a0 + pa]).fma(DoubleVector.fromArray(S, bp, pb), c0);
                c0.mul(alpha).intoArray(c, cOff + i * ldc + j);
            }
            j += v;
            base += k * v;
        }
        // the scalar rest (fewer than one vector of columns), ascending p with fma
        int t = n - j;
        for (int jj = 0; jj < t; jj++) {
            for (int i = 0; i < m; i++) {
                int a0 = aOff + i * rs;
                double s0 = 0;
                for (int p = 0, pb = base + jj, pa = 0; p < k; p++, pb += t, pa += cs) s0 = Math.fma(a[a0 + pa], bp[pb], s0);
                c[cOff + i * ldc + j + jj] = alpha * s0;
            }
        }
    }

    /**
     * The unpacked kernel for small operands (where copying into panels costs more than it saves):
     * C = α Â B with Â(i,p) = a[aOff + i·rowStride + p·colStride] (row-major A: (k, 1); Aᵀ of a k×m A: (1, m))
     * and B k×n row-major at bOff.
     */
    private static void productDirect(double alpha, double[] a, int aOff, int rs, int cs, double[] b, int bOff, int ldb,
                                double[] c, int cOff, int ldc, int m, int k, int n) {
        final int v = LANES;
        int nV = n - n % v;            // columns covered by full vectors
        int nV2 = nV - nV % (2 * v);   // columns covered by pairs of vectors
        int m4 = m - m % 4;
        for (int i = 0; i < m4; i += 4) {
            int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
            int r0 = cOff + i * ldc, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
            for (int j = 0; j < nV2; j += 2 * v) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00,
                        c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) {
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
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) {
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
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) {
                    double y = b[pb];
                    s0 = Math.fma(a[a0 + pa], y, s0); s1 = Math.fma(a[a1 + pa], y, s1);
                    s2 = Math.fma(a[a2 + pa], y, s2); s3 = Math.fma(a[a3 + pa], y, s3);
                }
                c[r0 + j] = alpha * s0; c[r1 + j] = alpha * s1; c[r2 + j] = alpha * s2; c[r3 + j] = alpha * s3;
            }
        }
        for (int i = m4; i < m; i++) {
            int a0 = aOff + i * rs;
            int r0 = cOff + i * ldc;
            for (int j = 0; j < nV2; j += 2 * v) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) {
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + pa]);
                    c00 = x.fma(DoubleVector.fromArray(S, b, pb), c00);
                    c01 = x.fma(DoubleVector.fromArray(S, b, pb + v), c01);
                }
                c00.mul(alpha).intoArray(c, r0 + j); c01.mul(alpha).intoArray(c, r0 + j + v);
            }
            if (nV2 < nV) {
                int j = nV2;
                DoubleVector c0 = DoubleVector.zero(S);
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) {
                    c0 = DoubleVector.broadcast(S, a[a0 + pa]).fma(DoubleVector.fromArray(S, b, pb), c0);
                }
                c0.mul(alpha).intoArray(c, r0 + j);
            }
            for (int j = nV; j < n; j++) {
                double s0 = 0;
                for (int p = 0, pb = bOff + j, pa = 0; p < k; p++, pb += ldb, pa += cs) s0 = Math.fma(a[a0 + pa], b[pb], s0);
                c[r0 + j] = alpha * s0;
            }
        }
    }
}
