package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.objective.DenseSymmetric;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;

/**
 * The whole spectrum of the Hessian ∇²ℒ(θ) in all trainable parameters: H is built column by column from n
 * exact Hessian-vector products H e_j, symmetrised ((H + Hᵀ)/2 removes the products' round-off asymmetry),
 * and its eigenvalues come from EJML's symmetric eigen-decomposition (Householder tridiagonalisation, implicit
 * QR), every eigenvalue with its multiplicity. The matrix and the decomposition are allocated once. n products
 * and O(n³) work: for networks up to {@link #MAX_PARAMETERS} parameters.
 */
public final class HessianSpectrum {
    /** the largest network whose spectrum a frame carries */
    public static final int MAX_PARAMETERS = 400;
    /** an eigenvalue counts as negative below −NEGATIVE_LEVEL·max(1, |λ_max|) */
    public static final double NEGATIVE_LEVEL = 1e-9;
    /** the lowest eigenvalues a frame keeps (the view draws them) */
    public static final int BOTTOM = 24;

    /** λ_min, λ_max, the index (number of negative eigenvalues) and the lowest eigenvalues, ascending */
    public record Result(double min, double max, int index, double[] bottom) {
        public Result { bottom = bottom.clone(); }
        @Override public double[] bottom() { return bottom.clone(); }
    }

    private final Objective objective;
    private final int n;
    private final DMatrixRMaj h;
    private final double[] e, column;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    public HessianSpectrum(Objective objective) {
        this.objective = objective;
        this.n = objective.trainableCount();   // a frozen W_L (training.freezeOutput) is left out
        this.h = new DMatrixRMaj(n, n);
        this.e = new double[n];
        this.column = new double[n];
        this.eig = DecompositionFactory_DDRM.eig(n, false, true);
    }

    public Result compute(double[] theta) {
        double[] ev = eigenvalues(theta);
        return new Result(ev[0], ev[n - 1], index(ev), Arrays.copyOf(ev, Math.min(BOTTOM, n)));
    }

    /** every eigenvalue of ∇²ℒ(θ), ascending, with multiplicity */
    public double[] eigenvalues(double[] theta) {
        // H from its columns H e_j, symmetrised
        DenseSymmetric.fill(n, (v, hv) -> objective.trainableHessianVector(theta, v, hv), e, column, h);
        if (!eig.decompose(h)) throw new IllegalStateException("symmetric eigen-decomposition of the Hessian failed");
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    /** the number of eigenvalues below −NEGATIVE_LEVEL·max(1, |λ_max|) of an ascending spectrum */
    public static int index(double[] ascending) {
        double level = -NEGATIVE_LEVEL * Math.max(1.0, Math.abs(ascending[ascending.length - 1]));
        int k = 0;
        while (k < ascending.length && ascending[k] < level) k++;
        return k;
    }
}
