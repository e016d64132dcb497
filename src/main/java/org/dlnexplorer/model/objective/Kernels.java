package org.dlnexplorer.model.objective;

/**
 * Allocation-free dense kernels on row-major double[] with offsets, register-blocked in 2×4 tiles of C
 * (8 scalar accumulators, few enough to stay in registers; plain Java, no Vector API, so they run on any
 * JVM 17+). Each sum over p is accumulated in ascending p with separate multiply and add, like the
 * textbook triple loop, so results agree with a naive reference to round-off. C must not overlap A or B.
 * When jdk.incubator.vector is in the boot layer (and -Ddln.kernels=scalar is not set), products with at
 * least {@link #MIN_VECTOR_WIDTH} columns go to the SIMD {@link VectorKernels} (fused multiply-add: same
 * sums, round-off differs by a few ulps per term).
 * <ul>
 * <li>{@link #mult}: C = α A B, A m×k, B k×n</li>
 * <li>{@link #multTransA}: C = α Aᵀ B, A k×m, B k×n</li>
 * <li>{@link #multTransB}: C = α A Bᵀ, A m×k, B n×k</li>
 * </ul>
 * C is m×n with row stride n; A and B are packed with their own column count as row stride.
 */
public final class Kernels {
    private Kernels() {}

    /** System property that forces the scalar kernels: {@code -Ddln.kernels=scalar} */
    public static final String KERNELS_PROPERTY = "dln.kernels";
    /**
     * Narrowest C (columns n) sent to {@link VectorKernels}. Measured (CPU time, docs/PERFORMANCE-VECTOR.md):
     * n×n×n products alone are faster with the vector kernels from n = 4 (one AVX2 vector), ~3–4× at 16–64,
     * and a width-8 trajectory is faster with them; whole width-4 trajectories (peer 2x4) were not faster in
     * paired runs, so width 4 stays on the scalar tiles.
     */
    static final int MIN_VECTOR_WIDTH = 8;
    /** Same for multTransB, whose vector path first packs Bᵀ into a workspace. */
    static final int MIN_VECTOR_WIDTH_TRANS_B = 8;
    /** True when jdk.incubator.vector is in the boot layer and not disabled: checked once per JVM. */
    static final boolean VECTOR = detectVector(System.getProperty(KERNELS_PROPERTY));

    /** "vector" when the Vector API kernels are in use, else "scalar" */
    public static String kind() {
        return VECTOR ? "vector" : "scalar";
    }

    /** Vector kernels only if not forced scalar, the module is present and VectorKernels links. */
    static boolean detectVector(String property) {
        if ("scalar".equalsIgnoreCase(property)) return false;
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
            return VectorKernels.LANES >= 2;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** C = α A B (A m×k, B k×n), C m×n at cOff */
    public static void mult(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        if (VECTOR && n >= MIN_VECTOR_WIDTH) VectorKernels.mult(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
        else multScalar(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /**
     * Columns j0 … j1−1 of C = α A B (A m×k, B k×n, C m×n at cOff). The kernel is chosen on the whole n, and
     * every entry is the same sum in the same order whatever the columns around it, so blocks computed apart
     * (on two threads) agree bit for bit with {@link #mult} of the whole.
     */
    public static void multColumns(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                                   int m, int k, int n, int j0, int j1) {
        multBlock(alpha, a, aOff, b, bOff + j0, n, c, cOff + j0, n, m, k, n, j1 - j0);
    }

    /**
     * A block of nb columns of C = α A B whose whole has n columns, B and C with their own row strides (ldb,
     * ldc): the kernel is chosen on the whole n, so each entry is the same as in {@link #mult} of the whole.
     */
    public static void multBlock(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c,
                                 int cOff, int ldc, int m, int k, int n, int nb) {
        if (VECTOR && n >= MIN_VECTOR_WIDTH) VectorKernels.mult(alpha, a, aOff, b, bOff, ldb, c, cOff, ldc, m, k, nb);
        else multScalar(alpha, a, aOff, b, bOff, ldb, c, cOff, ldc, m, k, nb);
    }

    /** scalar 2×4-tile version of {@link #mult} */
    static void multScalar(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        multScalar(alpha, a, aOff, b, bOff, n, c, cOff, n, m, k, n);
    }

    /** the same with row strides ldb of B and ldc of C (a block of columns of wider B and C) */
    static void multScalar(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c, int cOff,
                           int ldc, int m, int k, int n) {
        int mR = m - m % 2, n4 = n - n % 4;
        for (int i = 0; i < mR; i += 2) {
            int a0 = aOff + (i + 0) * k; int a1 = aOff + (i + 1) * k;
            int r0 = cOff + (i + 0) * ldc; int r1 = cOff + (i + 1) * ldc;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb]; double y1 = b[pb + 1]; double y2 = b[pb + 2]; double y3 = b[pb + 3];
                    double x0 = a[a0 + p]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                    double x1 = a[a1 + p]; c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
            }
            for (int j = n4; j < n; j++) {
                double c00 = 0, c10 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb];
                    double x0 = a[a0 + p]; c00 += x0 * y0;
                    double x1 = a[a1 + p]; c10 += x1 * y0;
                }
                c[r0 + j] = alpha * c00;
                c[r1 + j] = alpha * c10;
            }
        }
        for (int i = mR; i < m; i++) {
            int a0 = aOff + (i + 0) * k;
            int r0 = cOff + i * ldc;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb]; double y1 = b[pb + 1]; double y2 = b[pb + 2]; double y3 = b[pb + 3];
                    double x0 = a[a0 + p]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
            }
            for (int j = n4; j < n; j++) {
                double c00 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb];
                    double x0 = a[a0 + p]; c00 += x0 * y0;
                }
                c[r0 + j] = alpha * c00;
            }
        }
    }

    /** C = α Aᵀ B (A k×m, B k×n), C m×n at cOff */
    public static void multTransA(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        if (VECTOR && n >= MIN_VECTOR_WIDTH) VectorKernels.multTransA(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
        else multTransAScalar(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /** Columns j0 … j1−1 of C = α Aᵀ B (A k×m, B k×n, C m×n at cOff), bit for bit as in {@link #multTransA}. */
    public static void multTransAColumns(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c,
                                         int cOff, int m, int k, int n, int j0, int j1) {
        multTransABlock(alpha, a, aOff, b, bOff + j0, n, c, cOff + j0, n, m, k, n, j1 - j0);
    }

    /** A block of nb columns of C = α Aᵀ B whose whole has n columns (as {@link #multBlock}). */
    public static void multTransABlock(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c,
                                       int cOff, int ldc, int m, int k, int n, int nb) {
        if (VECTOR && n >= MIN_VECTOR_WIDTH) VectorKernels.multTransA(alpha, a, aOff, b, bOff, ldb, c, cOff, ldc, m, k, nb);
        else multTransAScalar(alpha, a, aOff, b, bOff, ldb, c, cOff, ldc, m, k, nb);
    }

    /** scalar 2×4-tile version of {@link #multTransA} */
    static void multTransAScalar(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        multTransAScalar(alpha, a, aOff, b, bOff, n, c, cOff, n, m, k, n);
    }

    /** the same with row strides ldb of B and ldc of C (a block of columns of wider B and C) */
    static void multTransAScalar(double alpha, double[] a, int aOff, double[] b, int bOff, int ldb, double[] c,
                                 int cOff, int ldc, int m, int k, int n) {
        int mR = m - m % 2, n4 = n - n % 4;
        for (int i = 0; i < mR; i += 2) {
            int r0 = cOff + (i + 0) * ldc; int r1 = cOff + (i + 1) * ldc;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb]; double y1 = b[pb + 1]; double y2 = b[pb + 2]; double y3 = b[pb + 3];
                    int pa = aOff + p * m + i;
                    double x0 = a[pa]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                    double x1 = a[pa + 1]; c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
            }
            for (int j = n4; j < n; j++) {
                double c00 = 0, c10 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb];
                    int pa = aOff + p * m + i;
                    double x0 = a[pa]; c00 += x0 * y0;
                    double x1 = a[pa + 1]; c10 += x1 * y0;
                }
                c[r0 + j] = alpha * c00;
                c[r1 + j] = alpha * c10;
            }
        }
        for (int i = mR; i < m; i++) {
            int r0 = cOff + i * ldc;
            for (int j = 0; j < n4; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb]; double y1 = b[pb + 1]; double y2 = b[pb + 2]; double y3 = b[pb + 3];
                    int pa = aOff + p * m + i;
                    double x0 = a[pa]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
            }
            for (int j = n4; j < n; j++) {
                double c00 = 0;
                for (int p = 0; p < k; p++) {
                    int pb = bOff + p * ldb + j;
                    double y0 = b[pb];
                    int pa = aOff + p * m + i;
                    double x0 = a[pa]; c00 += x0 * y0;
                }
                c[r0 + j] = alpha * c00;
            }
        }
    }

    /** C = α A Bᵀ (A m×k, B n×k), C m×n at cOff */
    public static void multTransB(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        if (VECTOR && n >= MIN_VECTOR_WIDTH_TRANS_B) VectorKernels.multTransB(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
        else multTransBScalar(alpha, a, aOff, b, bOff, c, cOff, m, k, n);
    }

    /** scalar 2×4-tile version of {@link #multTransB} */
    static void multTransBScalar(double alpha, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            int m, int k, int n) {
        int mR = m - m % 2, n4 = n - n % 4;
        for (int i = 0; i < mR; i += 2) {
            int a0 = aOff + (i + 0) * k; int a1 = aOff + (i + 1) * k;
            int r0 = cOff + (i + 0) * n; int r1 = cOff + (i + 1) * n;
            for (int j = 0; j < n4; j += 4) {
                int b0 = bOff + (j + 0) * k; int b1 = bOff + (j + 1) * k; int b2 = bOff + (j + 2) * k; int b3 = bOff + (j + 3) * k;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                for (int p = 0; p < k; p++) {
                    double y0 = b[b0 + p]; double y1 = b[b1 + p]; double y2 = b[b2 + p]; double y3 = b[b3 + p];
                    double x0 = a[a0 + p]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                    double x1 = a[a1 + p]; c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
                c[r1 + j] = alpha * c10; c[r1 + j + 1] = alpha * c11; c[r1 + j + 2] = alpha * c12; c[r1 + j + 3] = alpha * c13;
            }
            for (int j = n4; j < n; j++) {
                int b0 = bOff + (j + 0) * k;
                double c00 = 0, c10 = 0;
                for (int p = 0; p < k; p++) {
                    double y0 = b[b0 + p];
                    double x0 = a[a0 + p]; c00 += x0 * y0;
                    double x1 = a[a1 + p]; c10 += x1 * y0;
                }
                c[r0 + j] = alpha * c00;
                c[r1 + j] = alpha * c10;
            }
        }
        for (int i = mR; i < m; i++) {
            int a0 = aOff + (i + 0) * k;
            int r0 = cOff + i * n;
            for (int j = 0; j < n4; j += 4) {
                int b0 = bOff + (j + 0) * k; int b1 = bOff + (j + 1) * k; int b2 = bOff + (j + 2) * k; int b3 = bOff + (j + 3) * k;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                for (int p = 0; p < k; p++) {
                    double y0 = b[b0 + p]; double y1 = b[b1 + p]; double y2 = b[b2 + p]; double y3 = b[b3 + p];
                    double x0 = a[a0 + p]; c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                }
                c[r0 + j] = alpha * c00; c[r0 + j + 1] = alpha * c01; c[r0 + j + 2] = alpha * c02; c[r0 + j + 3] = alpha * c03;
            }
            for (int j = n4; j < n; j++) {
                int b0 = bOff + (j + 0) * k;
                double c00 = 0;
                for (int p = 0; p < k; p++) {
                    double y0 = b[b0 + p];
                    double x0 = a[a0 + p]; c00 += x0 * y0;
                }
                c[r0 + j] = alpha * c00;
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
