package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.Random;

/**
 * The whole spectrum of the Hessian ∇²ℒ(θ) in all parameters, by Lanczos iteration on exact Hessian-vector
 * products run to the full dimension n, with full re-orthogonalisation (CGS2) and a fresh random start,
 * orthogonal to the basis so far, whenever the Krylov space becomes invariant. Then QᵀHQ = T (block
 * tridiagonal, blocks split at the restarts) up to round-off, Q is n × n orthogonal, and the eigenvalues of T
 * are those of H with their multiplicities (a single Krylov space would give a repeated eigenvalue once,
 * and the index counts multiplicities). n Hessian-vector products and O(n³) work: for networks up to
 * {@link #MAX_PARAMETERS} parameters.
 */
public final class HessianSpectrum {
    /** the largest network whose spectrum a frame carries */
    public static final int MAX_PARAMETERS = 400;
    /** an eigenvalue counts as negative below −NEGATIVE_LEVEL·max(1, |λ_max|) */
    public static final double NEGATIVE_LEVEL = 1e-9;
    /** the lowest eigenvalues a frame keeps (the view draws them) */
    public static final int BOTTOM = 24;
    /** β below this × ‖T‖ so far ends a Krylov block (invariant subspace): restart */
    private static final double BREAKDOWN = 1e-10;

    /** λ_min, λ_max, the index (number of negative eigenvalues) and the lowest eigenvalues, ascending */
    public record Result(double min, double max, int index, double[] bottom) {
        public Result { bottom = bottom.clone(); }
        @Override public double[] bottom() { return bottom.clone(); }
    }

    private final Objective objective;
    private final int n;
    private final double[][] q;
    private final double[] w, alpha, beta, coef;
    private final Random rng = new Random(0x4e55);

    public HessianSpectrum(Objective objective) {
        this.objective = objective;
        this.n = objective.trainableCount();   // a frozen W_L (training.freezeOutput) is left out
        this.q = new double[n][n];
        this.w = new double[n];
        this.alpha = new double[n];
        this.beta = new double[n + 1];
        this.coef = new double[n];
    }

    public Result compute(double[] theta) {
        double[] ev = eigenvalues(theta);
        return new Result(ev[0], ev[n - 1], index(ev), Arrays.copyOf(ev, Math.min(BOTTOM, n)));
    }

    /** every eigenvalue of ∇²ℒ(θ), ascending, with multiplicity */
    public double[] eigenvalues(double[] theta) {
        double scale = 0;            // a running ‖T‖ (largest row sum so far)
        startVector(0);
        for (int k = 0; k < n; k++) {
            objective.trainableHessianVector(theta, q[k], w);
            alpha[k] = dot(w, q[k]);
            orthogonalise(w, k + 1);
            double b = Math.sqrt(dot(w, w));
            scale = Math.max(scale, Math.abs(alpha[k]) + beta[k] + b);
            if (k + 1 == n) break;
            if (b <= BREAKDOWN * scale) {
                // invariant subspace: T splits here; continue from a new direction
                beta[k + 1] = 0;
                startVector(k + 1);
            } else {
                beta[k + 1] = b;
                for (int i = 0; i < n; i++) q[k + 1][i] = w[i] / b;
            }
        }
        return tridiagonalEigenvalues();
    }

    /** the number of eigenvalues below −NEGATIVE_LEVEL·max(1, |λ_max|) of an ascending spectrum */
    public static int index(double[] ascending) {
        double level = -NEGATIVE_LEVEL * Math.max(1.0, Math.abs(ascending[ascending.length - 1]));
        int k = 0;
        while (k < ascending.length && ascending[k] < level) k++;
        return k;
    }

    /** q_k: a random unit vector orthogonal to q_0 … q_{k−1} */
    private void startVector(int k) {
        double[] v = q[k];
        for (int attempt = 0; ; attempt++) {
            for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
            orthogonalise(v, k);
            double norm = Math.sqrt(dot(v, v));
            if (norm > 1e-3 || attempt > 10) {
                for (int i = 0; i < n; i++) v[i] /= norm;
                return;
            }
        }
    }

    /** v ← v − Q Qᵀ v over q_0 … q_{k−1}, twice (classical Gram–Schmidt, CGS2) */
    private void orthogonalise(double[] v, int k) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) coef[j] = dot(v, q[j]);
            for (int j = 0; j < k; j++) {
                double c = coef[j];
                double[] qj = q[j];
                for (int i = 0; i < n; i++) v[i] -= c * qj[i];
            }
        }
    }

    /** eigenvalues of the n × n symmetric tridiagonal T (α on the diagonal, β off it), ascending */
    private double[] tridiagonalEigenvalues() {
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < n) { t.set(i, i + 1, beta[i + 1]); t.set(i + 1, i, beta[i + 1]); }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(t)) throw new IllegalStateException("tridiagonal eigen-decomposition failed");
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = eig.getEigenvalue(i).real;
        Arrays.sort(ev);
        return ev;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
