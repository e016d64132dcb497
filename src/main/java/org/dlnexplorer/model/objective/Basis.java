package org.dlnexplorer.model.objective;

/**
 * Products with k rows q_j of an orthonormal basis (Lanczos vectors), four rows per pass over x so that the
 * sums form independent chains (a single dot product waits on its own additions):
 *   {@link #project}: c_j = q_j · x,   {@link #combine}: x += Σ_j c_j q_j,
 * and the same for three vectors at once (Radau's stages). Sums run in ascending i per row, as a plain loop;
 * with the Vector API ({@link Kernels#kind} "vector") the rows of at least {@link #VECTOR_MIN} entries go to
 * {@link VectorBasis} (fused multiply-add per lane: the same sums to round-off).
 */
public final class Basis {
    private Basis() {}

    /** shortest rows sent to the vector kernels (two AVX2 vectors) */
    static final int VECTOR_MIN = 8;

    private static boolean vector(int n) { return Kernels.VECTOR && n >= VECTOR_MIN; }

    /** c_j = q_j · x for j &lt; k */
    public static void project(double[][] q, int k, double[] x, double[] c) {
        if (vector(x.length)) VectorBasis.project(q, k, x, c);
        else projectScalar(q, k, x, c);
    }

    /** x += Σ_{j &lt; k} c_j q_j */
    public static void combine(double[][] q, int k, double[] c, double[] x) {
        if (vector(x.length)) VectorBasis.combine(q, k, c, x);
        else combineScalar(q, k, c, x);
    }

    /** c1_j = q_j · x1, c2_j = q_j · x2, c3_j = q_j · x3 for j &lt; k */
    public static void project3(double[][] q, int k, double[] x1, double[] x2, double[] x3,
                                double[] c1, double[] c2, double[] c3) {
        if (vector(x1.length)) VectorBasis.project3(q, k, x1, x2, x3, c1, c2, c3);
        else project3Scalar(q, k, x1, x2, x3, c1, c2, c3);
    }

    /** x_s += Σ_{j &lt; k} c_s,j q_j for s = 1, 2, 3 */
    public static void combine3(double[][] q, int k, double[] c1, double[] c2, double[] c3,
                                double[] x1, double[] x2, double[] x3) {
        if (vector(x1.length)) VectorBasis.combine3(q, k, c1, c2, c3, x1, x2, x3);
        else combine3Scalar(q, k, c1, c2, c3, x1, x2, x3);
    }

    /** c_j = q_j · x for j &lt; k */
    static void projectScalar(double[][] q, int k, double[] x, double[] c) {
        int n = x.length, j = 0;
        for (; j + 3 < k; j += 4) {
            double[] a = q[j], b = q[j + 1], d = q[j + 2], e = q[j + 3];
            double sa = 0, sb = 0, sd = 0, se = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                sa += a[i] * xi;
                sb += b[i] * xi;
                sd += d[i] * xi;
                se += e[i] * xi;
            }
            c[j] = sa;
            c[j + 1] = sb;
            c[j + 2] = sd;
            c[j + 3] = se;
        }
        for (; j < k; j++) {
            double[] a = q[j];
            double s = 0;
            for (int i = 0; i < n; i++) s += a[i] * x[i];
            c[j] = s;
        }
    }

    /** x += Σ_{j &lt; k} c_j q_j */
    static void combineScalar(double[][] q, int k, double[] c, double[] x) {
        int n = x.length, j = 0;
        for (; j + 3 < k; j += 4) {
            double[] a = q[j], b = q[j + 1], d = q[j + 2], e = q[j + 3];
            double ca = c[j], cb = c[j + 1], cd = c[j + 2], ce = c[j + 3];
            for (int i = 0; i < n; i++) x[i] += ca * a[i] + cb * b[i] + cd * d[i] + ce * e[i];
        }
        for (; j < k; j++) {
            double[] a = q[j];
            double ca = c[j];
            for (int i = 0; i < n; i++) x[i] += ca * a[i];
        }
    }

    /** c1_j = q_j · x1, c2_j = q_j · x2, c3_j = q_j · x3 for j &lt; k */
    static void project3Scalar(double[][] q, int k, double[] x1, double[] x2, double[] x3,
                                double[] c1, double[] c2, double[] c3) {
        int n = x1.length, j = 0;
        for (; j + 1 < k; j += 2) {
            double[] a = q[j], b = q[j + 1];
            double a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
            for (int i = 0; i < n; i++) {
                double u = x1[i], v = x2[i], w = x3[i], ai = a[i], bi = b[i];
                a1 += ai * u;
                a2 += ai * v;
                a3 += ai * w;
                b1 += bi * u;
                b2 += bi * v;
                b3 += bi * w;
            }
            c1[j] = a1;
            c2[j] = a2;
            c3[j] = a3;
            c1[j + 1] = b1;
            c2[j + 1] = b2;
            c3[j + 1] = b3;
        }
        for (; j < k; j++) project3Row(q[j], j, x1, x2, x3, c1, c2, c3);
    }

    /** one row's c_s,j = q_j · x_s for s = 1, 2, 3 (the odd row after the pairs, also of {@link VectorBasis}) */
    static void project3Row(double[] a, int j, double[] x1, double[] x2, double[] x3,
                            double[] c1, double[] c2, double[] c3) {
        double s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < x1.length; i++) {
            s1 += a[i] * x1[i];
            s2 += a[i] * x2[i];
            s3 += a[i] * x3[i];
        }
        c1[j] = s1;
        c2[j] = s2;
        c3[j] = s3;
    }

    /** x_s += Σ_{j &lt; k} c_s,j q_j for s = 1, 2, 3 */
    static void combine3Scalar(double[][] q, int k, double[] c1, double[] c2, double[] c3,
                                double[] x1, double[] x2, double[] x3) {
        int n = x1.length, j = 0;
        for (; j + 1 < k; j += 2) {
            double[] a = q[j], b = q[j + 1];
            double a1 = c1[j], a2 = c2[j], a3 = c3[j], b1 = c1[j + 1], b2 = c2[j + 1], b3 = c3[j + 1];
            for (int i = 0; i < n; i++) {
                double ai = a[i], bi = b[i];
                x1[i] += a1 * ai + b1 * bi;
                x2[i] += a2 * ai + b2 * bi;
                x3[i] += a3 * ai + b3 * bi;
            }
        }
        for (; j < k; j++) combine3Row(q[j], c1[j], c2[j], c3[j], x1, x2, x3);
    }

    /** one row's x_s += c_s q for s = 1, 2, 3 (the odd row after the pairs, also of {@link VectorBasis}) */
    static void combine3Row(double[] a, double a1, double a2, double a3, double[] x1, double[] x2, double[] x3) {
        for (int i = 0; i < x1.length; i++) {
            x1[i] += a1 * a[i];
            x2[i] += a2 * a[i];
            x3[i] += a3 * a[i];
        }
    }
}
