package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Random;

/**
 * Sharpness λ_max(∇²ℒ) by Lanczos iteration with full re-orthogonalisation on exact Hessian-vector
 * products. Stops when the Ritz residual |β_k y_k| ≤ {@link #RELATIVE_TOLERANCE}·|θ_max| or the Krylov
 * space is exhausted (then the value is exact to round-off).
 */
public final class Sharpness {
    public static final double RELATIVE_TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 120;
    /** Krylov dimensions up to which convergence is tested after every step */
    static final int CHECK_ALWAYS_BELOW = 8;
    /** beyond that, convergence is tested when the dimension is a multiple of this */
    static final int CHECK_EVERY = 4;
    /**
     * up to this many parameters the Krylov space is built to the full dimension and solved once (exact to
     * round-off): an early stop saves at most a few cheap Hessian-vector products there, and the test after
     * every step cost more than they do (a [2, 2, 2] network: 8 tridiagonal solves per frame instead of 1)
     */
    static final int FULL_SPACE_UP_TO = 16;

    private final Objective objective;
    private final int n;
    private final int maxK;
    private final double[][] basis;
    private final double[] w;
    private final double[] alpha;
    private final double[] beta;
    private final double[] coef;
    /** the seed of every Lanczos start vector: λ_max(θ) is a function of θ alone, not of the frames before it */
    static final long START_SEED = 0x5eed;
    private final Random rng = new Random(START_SEED);

    public Sharpness(Objective objective) {
        this.objective = objective;
        this.n = objective.trainableCount();   // a frozen W_L (training.freezeOutput) is left out
        this.maxK = Math.min(n, MAX_ITERATIONS);
        this.basis = new double[maxK + 1][n];
        this.w = new double[n];
        this.alpha = new double[maxK];
        this.beta = new double[maxK + 1];
        this.coef = new double[maxK + 1];
    }

    /** λ_max of the Hessian at θ. */
    public double compute(double[] theta) {
        double[] q0 = basis[0];
        rng.setSeed(START_SEED);
        for (int i = 0; i < n; i++) q0[i] = rng.nextGaussian();
        scale(q0, 1.0 / norm(q0));
        double previous = 0.0;
        for (int k = 0; k < maxK; k++) {
            objective.trainableHessianVector(theta, basis[k], w);
            alpha[k] = dot(w, basis[k]);
            // full re-orthogonalisation by classical Gram–Schmidt, twice (CGS2): h = Qᵀw, w ← w − Q h
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) coef[j] = dot(w, basis[j]);
                for (int j = 0; j <= k; j++) axpy(-coef[j], basis[j], w);
            }
            beta[k + 1] = norm(w);
            boolean last = k + 1 == n || k + 1 == maxK;
            // test convergence on every step while the space is small, then every CHECK_EVERY-th step (a few
            // extra steps only sharpen θ); small problems only at the full dimension; a vanishing β always
            // ends the run (invariant subspace)
            boolean test = n <= FULL_SPACE_UP_TO ? last
                    : k + 1 <= CHECK_ALWAYS_BELOW || (k + 1) % CHECK_EVERY == 0;
            if (last || test || beta[k + 1] <= 1e-14 * Math.max(1.0, Math.abs(previous))) {
                double[] ritz = largestRitz(k + 1);
                double theta1 = ritz[0];
                double residual = Math.abs(beta[k + 1] * ritz[1]);
                boolean exhausted = last || beta[k + 1] <= 1e-14 * Math.max(1.0, Math.abs(theta1));
                if (exhausted || residual <= RELATIVE_TOLERANCE * Math.max(Math.abs(theta1), 1e-300)) return theta1;
                previous = theta1;
            }
            double[] next = basis[k + 1];
            for (int i = 0; i < n; i++) next[i] = w[i] / beta[k + 1];
        }
        return previous;
    }

    /** largest eigenvalue of the k×k tridiagonal T_k and the last component of its eigenvector */
    private double[] largestRitz(int k) {
        double[] fast = TridiagonalEigen.largest(alpha, beta, k);
        return fast != null ? fast : largestRitzDense(k);
    }

    /** the same by a dense EJML eigen-decomposition (fallback if implicit QL fails to converge) */
    private double[] largestRitzDense(int k) {
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < k) { t.set(i, i + 1, beta[i + 1]); t.set(i + 1, i, beta[i + 1]); }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(t)) throw new IllegalStateException("tridiagonal eigen-decomposition failed");
        int best = 0;
        for (int i = 1; i < k; i++) if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) best = i;
        DMatrixRMaj vec = eig.getEigenVector(best);
        double nrm = 0;
        for (int i = 0; i < k; i++) nrm += vec.get(i) * vec.get(i);
        return new double[]{eig.getEigenvalue(best).real, vec.get(k - 1) / Math.sqrt(nrm)};
    }

    /** ⟨a, b⟩ with four interleaved partial sums (independent add chains, so not latency bound) */
    private static double dot(double[] a, double[] b) {
        int len = a.length, len4 = len - len % 4;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < len4; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (int i = len4; i < len; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    private static void scale(double[] a, double c) { for (int i = 0; i < a.length; i++) a[i] *= c; }

    private static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] += c * x[i]; }
}
