package org.dlnexplorer.model.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD side of {@link Basis}: products with k basis rows q_j, four rows (or two rows × three vectors) per
 * pass with one fused multiply-add chain per row and lane, the entries past the last full vector in scalar
 * tails. Only loaded when jdk.incubator.vector is in the boot layer ({@link Kernels#VECTOR}).
 */
final class VectorBasis {
    private VectorBasis() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();

    /** c_j = q_j · x for j &lt; k */
    static void project(double[][] q, int k, double[] x, double[] c) {
        int n = x.length, bound = S.loopBound(n), j = 0;
        for (; j + 3 < k; j += 4) {
            double[] a = q[j], b = q[j + 1], d = q[j + 2], e = q[j + 3];
            DoubleVector va = DoubleVector.zero(S), vb = va, vd = va, ve = va;
            int i = 0;
            for (; i < bound; i += LANES) {
                DoubleVector xv = DoubleVector.fromArray(S, x, i);
                va = DoubleVector.fromArray(S, a, i).fma(xv, va);
                vb = DoubleVector.fromArray(S, b, i).fma(xv, vb);
                vd = DoubleVector.fromArray(S, d, i).fma(xv, vd);
                ve = DoubleVector.fromArray(S, e, i).fma(xv, ve);
            }
            double sa = va.reduceLanes(jdk.incubator.vector.VectorOperators.ADD), sb = vb.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            double sd = vd.reduceLanes(jdk.incubator.vector.VectorOperators.ADD), se = ve.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            for (; i < n; i++) {
                sa += a[i] * x[i];
                sb += b[i] * x[i];
                sd += d[i] * x[i];
                se += e[i] * x[i];
            }
            c[j] = sa;
            c[j + 1] = sb;
            c[j + 2] = sd;
            c[j + 3] = se;
        }
        for (; j < k; j++) {
            double[] a = q[j];
            DoubleVector va = DoubleVector.zero(S);
            int i = 0;
            for (; i < bound; i += LANES) va = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, x, i), va);
            double s = va.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            for (; i < n; i++) s += a[i] * x[i];
            c[j] = s;
        }
    }

    /** x += Σ_{j &lt; k} c_j q_j */
    static void combine(double[][] q, int k, double[] c, double[] x) {
        int n = x.length, bound = S.loopBound(n), j = 0;
        for (; j + 3 < k; j += 4) {
            double[] a = q[j], b = q[j + 1], d = q[j + 2], e = q[j + 3];
            double ca = c[j], cb = c[j + 1], cd = c[j + 2], ce = c[j + 3];
            DoubleVector wa = DoubleVector.broadcast(S, ca), wb = DoubleVector.broadcast(S, cb),
                    wd = DoubleVector.broadcast(S, cd), we = DoubleVector.broadcast(S, ce);
            int i = 0;
            for (; i < bound; i += LANES) {
                DoubleVector v = DoubleVector.fromArray(S, x, i);
                v = DoubleVector.fromArray(S, a, i).fma(wa, v);
                v = DoubleVector.fromArray(S, b, i).fma(wb, v);
                v = DoubleVector.fromArray(S, d, i).fma(wd, v);
                v = DoubleVector.fromArray(S, e, i).fma(we, v);
                v.intoArray(x, i);
            }
            for (; i < n; i++) x[i] += ca * a[i] + cb * b[i] + cd * d[i] + ce * e[i];
        }
        for (; j < k; j++) {
            double[] a = q[j];
            double ca = c[j];
            DoubleVector wa = DoubleVector.broadcast(S, ca);
            int i = 0;
            for (; i < bound; i += LANES)
                DoubleVector.fromArray(S, a, i).fma(wa, DoubleVector.fromArray(S, x, i)).intoArray(x, i);
            for (; i < n; i++) x[i] += ca * a[i];
        }
    }

    /** c_s,j = q_j · x_s for three vectors, two rows per pass */
    static void project3(double[][] q, int k, double[] x1, double[] x2, double[] x3,
                         double[] c1, double[] c2, double[] c3) {
        int n = x1.length, bound = S.loopBound(n), j = 0;
        jdk.incubator.vector.VectorOperators.Associative add = jdk.incubator.vector.VectorOperators.ADD;
        for (; j + 1 < k; j += 2) {
            double[] a = q[j], b = q[j + 1];
            DoubleVector a1 = DoubleVector.zero(S), a2 = a1, a3 = a1, b1 = a1, b2 = a1, b3 = a1;
            int i = 0;
            for (; i < bound; i += LANES) {
                DoubleVector u = DoubleVector.fromArray(S, x1, i), v = DoubleVector.fromArray(S, x2, i),
                        w = DoubleVector.fromArray(S, x3, i);
                DoubleVector ai = DoubleVector.fromArray(S, a, i), bi = DoubleVector.fromArray(S, b, i);
                a1 = ai.fma(u, a1);
                a2 = ai.fma(v, a2);
                a3 = ai.fma(w, a3);
                b1 = bi.fma(u, b1);
                b2 = bi.fma(v, b2);
                b3 = bi.fma(w, b3);
            }
            double s1 = a1.reduceLanes(add), s2 = a2.reduceLanes(add), s3 = a3.reduceLanes(add);
            double t1 = b1.reduceLanes(add), t2 = b2.reduceLanes(add), t3 = b3.reduceLanes(add);
            for (; i < n; i++) {
                s1 += a[i] * x1[i];
                s2 += a[i] * x2[i];
                s3 += a[i] * x3[i];
                t1 += b[i] * x1[i];
                t2 += b[i] * x2[i];
                t3 += b[i] * x3[i];
            }
            c1[j] = s1;
            c2[j] = s2;
            c3[j] = s3;
            c1[j + 1] = t1;
            c2[j + 1] = t2;
            c3[j + 1] = t3;
        }
        for (; j < k; j++) Basis.project3Row(q[j], j, x1, x2, x3, c1, c2, c3);
    }

    /** x_s += Σ_{j &lt; k} c_s,j q_j for three vectors, two rows per pass */
    static void combine3(double[][] q, int k, double[] c1, double[] c2, double[] c3,
                         double[] x1, double[] x2, double[] x3) {
        int n = x1.length, bound = S.loopBound(n), j = 0;
        for (; j + 1 < k; j += 2) {
            double[] a = q[j], b = q[j + 1];
            double a1 = c1[j], a2 = c2[j], a3 = c3[j], b1 = c1[j + 1], b2 = c2[j + 1], b3 = c3[j + 1];
            DoubleVector va1 = DoubleVector.broadcast(S, a1), va2 = DoubleVector.broadcast(S, a2),
                    va3 = DoubleVector.broadcast(S, a3), vb1 = DoubleVector.broadcast(S, b1),
                    vb2 = DoubleVector.broadcast(S, b2), vb3 = DoubleVector.broadcast(S, b3);
            int i = 0;
            for (; i < bound; i += LANES) {
                DoubleVector ai = DoubleVector.fromArray(S, a, i), bi = DoubleVector.fromArray(S, b, i);
                bi.fma(vb1, ai.fma(va1, DoubleVector.fromArray(S, x1, i))).intoArray(x1, i);
                bi.fma(vb2, ai.fma(va2, DoubleVector.fromArray(S, x2, i))).intoArray(x2, i);
                bi.fma(vb3, ai.fma(va3, DoubleVector.fromArray(S, x3, i))).intoArray(x3, i);
            }
            for (; i < n; i++) {
                x1[i] += a1 * a[i] + b1 * b[i];
                x2[i] += a2 * a[i] + b2 * b[i];
                x3[i] += a3 * a[i] + b3 * b[i];
            }
        }
        for (; j < k; j++) Basis.combine3Row(q[j], c1[j], c2[j], c3[j], x1, x2, x3);
    }
}
