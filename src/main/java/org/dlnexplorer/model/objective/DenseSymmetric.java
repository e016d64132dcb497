package org.dlnexplorer.model.objective;

import org.ejml.data.DMatrixRMaj;

import java.util.function.BiConsumer;

/** The dense matrix of a symmetric linear operator known by its products (Hessian-vector products and the like). */
public final class DenseSymmetric {
    private DenseSymmetric() {}

    /**
     * out ← (A + Aᵀ)/2, A the n × n operator whose product(v, Av) writes A v into its second argument: column j of A
     * is A e_j, and the symmetrisation removes the products' round-off asymmetry. e (zero on entry, zero again on
     * return) and column are work arrays of length n; out is n × n.
     */
    public static void fill(int n, BiConsumer<double[], double[]> product, double[] e, double[] column, DMatrixRMaj out) {
        double[] a = out.data;
        // column j: A e_j
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            product.accept(e, column);
            e[j] = 0.0;
            for (int i = 0; i < n; i++) a[i * n + j] = column[i];
        }
        // A ← (A + Aᵀ)/2
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
    }
}
