package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Random;

/**
 * The Jacobian of gradient flow dθ/dt = −R ∇ℒ(θ) (R = diag of the per-layer rates η_ℓ) from exact
 * Hessian-vector products: J = −R H. With D = R^{1/2} it is similar to a symmetric matrix,
 *   J = −D M D⁻¹,  M = D H D,
 * so its spectrum is real and M = U Θ Uᵀ with orthonormal U. {@link #spectrum} returns (Θ, U): exactly
 * (P products H e_i and a dense symmetric eigen-decomposition) when P ≤ {@link #DENSE_MAX}, otherwise the
 * Rayleigh–Ritz pairs of an m-step Lanczos run on M (m ≤ {@link #KRYLOV_MAX}, full re-orthogonalisation),
 * matrix-free: M ≈ Q_m T_m Q_mᵀ, which holds the extreme (stiff) eigenvalues. {@link #krylov} returns that
 * form itself (Q_m and the tridiagonal T_m, no Ritz vectors), which is what the implicit solver's Newton
 * systems need. Not thread-safe.
 */
public final class FlowJacobian {
    /** parameter counts up to which the spectrum is computed exactly from a dense M */
    public static final int DENSE_MAX = 64;
    /** first Krylov dimension of the Lanczos spectrum for larger networks… */
    public static final int KRYLOV_START = 64;
    /** …widened (doubled) up to this while the rest of the spectrum is still stiff ({@link Spectrum#rest}) */
    public static final int KRYLOV_MAX = 256;
    /** power iterations estimating the largest |eigenvalue| of M off the Krylov space */
    private static final int REST_ITERATIONS = 8;
    /** a Lanczos vector below this fraction of the largest |α| ends the run (invariant subspace) */
    private static final double BREAKDOWN = 1e-12;
    /** a Gram–Schmidt pass that leaves less than this fraction of ‖w‖ is repeated (DGKS: 1/√2) */
    private static final double REORTHOGONALISE_AGAIN = Math.sqrt(0.5);

    /**
     * Eigenvalues θ_j of M (largest |θ| first) and its eigenvectors as rows u_j; exact or Ritz pairs. rest
     * estimates max |eigenvalue| of M off span(u_j) (0 when exact): the stiffness the pairs leave out.
     */
    public record Spectrum(double[] values, double[][] vectors, boolean exact, double rest) {
        /** max |θ_j|: the spectral radius of J */
        public double radius() {
            return values.length == 0 ? 0.0 : Math.abs(values[0]);
        }
    }

    private final Objective objective;
    private final int n;
    private final double[] sqrtRate;
    private final double[] v, hv, v2;
    private final Random rng = new Random(0x1ac0b1L);

    /** objective: an instance of its own (its HVP caches are reused across the products at one θ) */
    public FlowJacobian(Objective objective) {
        this.objective = objective;
        this.n = objective.parameterCount();
        Network net = objective.network();
        sqrtRate = new double[n];
        for (int l = 1; l <= net.depth(); l++) {
            double d = Math.sqrt(net.rate(l));
            for (int i = net.offset(l), end = i + net.rows(l) * net.cols(l); i < end; i++) sqrtRate[i] = d;
        }
        v = new double[n];
        hv = new double[n];
        v2 = new double[n];
    }

    public int size() { return n; }

    /** D = R^{1/2}, per parameter (a live array: do not modify) */
    public double[] sqrtRates() { return sqrtRate; }

    /** whether every rate is positive (D invertible) */
    public boolean ratesPositive() {
        for (double d : sqrtRate) if (!(d > 0)) return false;
        return true;
    }

    /** J = −R H at θ, dense row-major n × n, column by column from H e_j */
    public double[] dense(double[] theta) {
        double[] j = new double[n * n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(v, 0.0);
            v[c] = 1.0;
            objective.hessianVector(theta, v, hv);
            for (int r = 0; r < n; r++) j[r * n + c] = -sqrtRate[r] * sqrtRate[r] * hv[r];
        }
        return j;
    }

    /** M v = D H D v into out */
    public void applyM(double[] theta, double[] vec, double[] out) {
        for (int i = 0; i < n; i++) v[i] = sqrtRate[i] * vec[i];
        objective.hessianVector(theta, v, hv);
        for (int i = 0; i < n; i++) out[i] = sqrtRate[i] * hv[i];
    }

    /** the spectrum of M at θ (exact for small networks, Lanczos of dimension ≤ krylov for large) */
    public Spectrum spectrum(double[] theta, int krylov) {
        return n <= DENSE_MAX ? denseSpectrum(theta) : lanczosSpectrum(theta, Math.min(n, krylov));
    }

    /** the exact spectrum whatever the size (tests) */
    Spectrum denseSpectrumForTest(double[] theta) { return denseSpectrum(theta); }

    /** M = D H D from n products, symmetrised, and its full eigen-decomposition */
    private Spectrum denseSpectrum(double[] theta) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        DenseSymmetric.fill(n, (x, mx) -> applyM(theta, x, mx), new double[n], new double[n], m);
        return eigen(m);
    }

    /**
     * M ≈ Q T Qᵀ on span(Q): k orthonormal rows q_j (the Lanczos vectors, or exact eigenvectors with T
     * diagonal) and the symmetric tridiagonal T (diagonal α_j, β_j coupling j − 1 and j, β_0 = 0). radius:
     * max |eigenvalue| of T (the spectral radius of J when the space holds the extreme eigenvalues); rest:
     * the estimate of max |eigenvalue| of M off span(Q) (0 when exact). The arrays are this FlowJacobian's
     * workspaces: valid until its next {@link #krylov} or {@link #lanczosSpectrum} call.
     */
    public record Krylov(double[][] basis, int size, double[] alpha, double[] beta, double radius, double rest,
                         boolean exact) {}

    /**
     * The Newton solver's form of M at θ: for P ≤ {@link #DENSE_MAX} the exact eigen-decomposition (T diagonal),
     * else m ≤ krylov steps of Lanczos, T's eigenvalues only for the radius (no Ritz vectors).
     */
    public Krylov krylov(double[] theta, int krylov) {
        if (n <= DENSE_MAX) {
            Spectrum s = denseSpectrum(theta);
            int k = s.values().length;
            return new Krylov(s.vectors(), k, s.values(), new double[k], s.radius(), 0.0, true);
        }
        int k = lanczos(theta, Math.min(n, krylov));
        double rest = k == n ? 0.0 : restRadius(theta, lanczosQ, k);
        return new Krylov(lanczosQ, k, lanczosAlpha, lanczosBeta, tridiagonalRadius(k), rest, k == n);
    }

    /** the Ritz pairs of m Lanczos steps on M (Θ and Q s for the eigenpairs (Θ, s) of T) */
    public Spectrum lanczosSpectrum(double[] theta, int m) {
        int k = lanczos(theta, m);
        return tridiagonalEigen(lanczosAlpha, lanczosBeta, k, lanczosQ, k == n ? 0.0 : restRadius(theta, lanczosQ, k));
    }

    private double[][] lanczosQ = new double[0][];
    private double[] lanczosAlpha = new double[0], lanczosBeta = new double[0];

    /**
     * m steps of Lanczos on M from a random start into the workspaces (q_j, α_j, β_j), with full
     * re-orthogonalisation: after the three-term step w = M q_k − α_k q_k − β_k q_{k−1}, one Gram–Schmidt
     * pass against every q_j, and a second one only when the first removed more than 1 − 1/√2 of ‖w‖
     * (Daniel–Gragg–Kaufman–Stewart). M Q_k = Q_k T_k + β q eₖᵀ. Returns the dimension reached (≤ m).
     */
    private int lanczos(double[] theta, int m) {
        if (lanczosQ.length < m) {
            double[][] grown = java.util.Arrays.copyOf(lanczosQ, m);
            for (int j = lanczosQ.length; j < m; j++) grown[j] = new double[n];
            lanczosQ = grown;
            lanczosAlpha = new double[m];
            lanczosBeta = new double[m];
        }
        double[][] q = lanczosQ;
        double[] alpha = lanczosAlpha, beta = lanczosBeta;
        java.util.Arrays.fill(beta, 0.0);
        double[] w = v2;
        double[] q0 = q[0];
        for (int i = 0; i < n; i++) q0[i] = rng.nextGaussian();
        scale(q0, 1.0 / norm(q0));
        int k = 0;
        double alphaMax = 0;
        while (true) {
            applyM(theta, q[k], w);
            alpha[k] = dot(w, q[k]);
            alphaMax = Math.max(alphaMax, Math.abs(alpha[k]));
            axpy(-alpha[k], q[k], w);
            if (k > 0) axpy(-beta[k], q[k - 1], w);
            reorthogonalise(w, q, k + 1);
            k++;
            if (k == m) break;
            double b = norm(w);
            if (!(b > BREAKDOWN * Math.max(alphaMax, 1e-300))) {
                // invariant subspace (e.g. a repeated eigenvalue): restart from a random vector orthogonal to it,
                // uncoupled in T (β = 0), so that every eigenspace is reached
                for (int i = 0; i < n; i++) w[i] = rng.nextGaussian();
                reorthogonalise(w, q, k);
                reorthogonalise(w, q, k);
                double nw = norm(w);
                if (!(nw > 1e-8)) break;
                scale(w, 1.0 / nw);
                beta[k] = 0.0;
                System.arraycopy(w, 0, q[k], 0, n);
                continue;
            }
            beta[k] = b;
            double[] next = q[k];
            double inv = 1.0 / b;
            for (int i = 0; i < n; i++) next[i] = w[i] * inv;
        }
        return k;
    }

    /** w ← (I − Q Qᵀ) w over the first k rows (classical Gram–Schmidt), repeated once when the pass removed most of w (DGKS) */
    private void reorthogonalise(double[] w, double[][] q, int k) {
        double before = norm(w);
        removeSpan(w, q, k);
        if (norm(w) < REORTHOGONALISE_AGAIN * before) removeSpan(w, q, k);
    }

    /** w ← w − Q (Qᵀ w) over the first k rows */
    private void removeSpan(double[] w, double[][] q, int k) {
        if (coefficients.length < k) coefficients = new double[Math.max(k, KRYLOV_MAX)];
        Basis.project(q, k, w, coefficients);
        for (int j = 0; j < k; j++) coefficients[j] = -coefficients[j];
        Basis.combine(q, k, coefficients, w);
    }

    private double[] coefficients = new double[0];

    /** max |eigenvalue| of the k × k tridiagonal (α, β_1 … β_{k−1}), eigenvalues only */
    private double tridiagonalRadius(int k) {
        double[] off = new double[Math.max(1, k - 1)];
        for (int i = 0; i + 1 < k; i++) off[i] = lanczosBeta[i + 1];
        SymmetricQrAlgorithm_DDRM fast = new SymmetricQrAlgorithm_DDRM();
        fast.setFastEigenvalues(true);
        if (!fast.process(k, java.util.Arrays.copyOf(lanczosAlpha, k), off))
            throw new IllegalStateException("tridiagonal eigenvalues failed");
        double radius = 0;
        for (int i = 0; i < k; i++) radius = Math.max(radius, Math.abs(fast.getEigenvalue(i)));
        return radius;
    }

    /**
     * Eigenpairs of the k × k tridiagonal T (diagonal α, off-diagonal β_1…β_{k−1}) by the implicit symmetric
     * QR algorithm on T itself (eigenvalues first, then the rotations accumulated with them as shifts), and
     * the Ritz vectors Q s; sorted by |θ| descending.
     */
    private Spectrum tridiagonalEigen(double[] alpha, double[] beta, int k, double[][] q, double rest) {
        double[] off = new double[Math.max(1, k - 1)];
        for (int i = 0; i + 1 < k; i++) off[i] = beta[i + 1];
        SymmetricQrAlgorithm_DDRM fast = new SymmetricQrAlgorithm_DDRM();
        fast.setFastEigenvalues(true);
        if (!fast.process(k, java.util.Arrays.copyOf(alpha, k), off.clone())) throw new IllegalStateException("tridiagonal eigenvalues failed");
        double[] shifts = new double[k];
        for (int i = 0; i < k; i++) shifts[i] = fast.getEigenvalue(i);
        SymmetricQrAlgorithm_DDRM full = new SymmetricQrAlgorithm_DDRM();
        full.setQ(CommonOps_DDRM.identity(k));
        if (!full.process(k, java.util.Arrays.copyOf(alpha, k), off.clone(), shifts))
            throw new IllegalStateException("tridiagonal eigenvectors failed");
        DMatrixRMaj s = full.getQ();          // row i: the eigenvector of eigenvalue i
        double[] val = new double[k];
        for (int i = 0; i < k; i++) val[i] = full.getEigenvalue(i);
        Integer[] order = byMagnitudeDescending(val);
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        for (int r = 0; r < k; r++) {
            int i = order[r];
            values[r] = val[i];
            double[] u = new double[n];
            for (int j = 0; j < k; j++) axpy(s.get(i, j), q[j], u);
            scale(u, 1.0 / norm(u));
            vectors[r] = u;
        }
        return new Spectrum(values, vectors, k == n, rest);
    }

    /** max |λ| of (I − QQᵀ) M (I − QQᵀ) by a few power iterations (Q: the k Lanczos vectors) */
    private double restRadius(double[] theta, double[][] q, int k) {
        double[] x = new double[n], mx = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
        removeSpan(x, q, k);
        double estimate = 0;
        for (int it = 0; it < REST_ITERATIONS; it++) {
            double nx = norm(x);
            if (!(nx > 0)) return 0.0;
            scale(x, 1.0 / nx);
            applyM(theta, x, mx);
            removeSpan(mx, q, k);
            estimate = norm(mx);
            System.arraycopy(mx, 0, x, 0, n);
        }
        return estimate;
    }

    /** eigenpairs of the dense symmetric matrix a, sorted by |θ| descending */
    private Spectrum eigen(DMatrixRMaj a) {
        int k = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(a)) throw new IllegalStateException("symmetric eigen-decomposition failed");
        double[] val = new double[k];
        for (int i = 0; i < k; i++) val[i] = eig.getEigenvalue(i).real;
        Integer[] order = byMagnitudeDescending(val);
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        for (int r = 0; r < k; r++) {
            int i = order[r];
            values[r] = val[i];
            double[] u = eig.getEigenVector(i).data.clone();
            scale(u, 1.0 / norm(u));
            vectors[r] = u;
        }
        return new Spectrum(values, vectors, true, 0.0);
    }

    /** indices of val ordered by |val| descending (both spectra list their eigenpairs so) */
    private static Integer[] byMagnitudeDescending(double[] val) {
        Integer[] order = new Integer[val.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(val[y]), Math.abs(val[x])));
        return order;
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int len = a.length, i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < len; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    private static void scale(double[] a, double c) { for (int i = 0; i < a.length; i++) a[i] *= c; }

    private static void axpy(double c, double[] x, double[] y) { for (int i = 0; i < y.length; i++) y[i] += c * x[i]; }
}
