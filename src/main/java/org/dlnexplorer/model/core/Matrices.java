package org.dlnexplorer.model.core;

import org.ejml.data.DMatrixRMaj;

/** Small matrix helpers missing from EJML's CommonOps. */
public final class Matrices {
    private Matrices() {}

    /** ⟨A, B⟩_F = Σ_ij A_ij B_ij = tr(Aᵀ B) */
    public static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) throw new IllegalArgumentException("shape mismatch");
        double[] x = a.data, y = b.data;
        int n = a.getNumElements();
        double s = 0;
        for (int i = 0; i < n; i++) s += x[i] * y[i];
        return s;
    }
}
