package org.dlnexplorer.model.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A regression task in covariance form (SPEC §1): Σxx (n0×n0), Σyx (nL×n0), tr Σyy.
 * ℒ(W) = ½ tr(W Σxx Wᵀ) − tr(W Σyxᵀ) + ½ tr Σyy
 *      = ½ tr((W − T) Σxx (W − T)ᵀ) + ℒ_min,  with T Σxx = Σyx and ℒ_min = ½ tr Σyy − ½ tr(T Σxx Tᵀ).
 * The second form is what we evaluate (no cancellation near the minimum).
 * Immutable: accessors return copies.
 */
public final class Task {
    private final DMatrixRMaj sigmaXX;
    private final DMatrixRMaj sigmaYX;
    private final DMatrixRMaj target;
    private final DMatrixRMaj ntkInputs;
    private final double minimumLoss;
    private final boolean whitened;
    private Dataset dataset;
    private final Measurements measurements;   // null unless W_eff is observed through measurements
    private final boolean truthKnown;

    private Task(DMatrixRMaj sigmaXX, DMatrixRMaj sigmaYX, DMatrixRMaj target, DMatrixRMaj ntkInputs,
                 double traceSigmaYY, boolean whitened) {
        this(sigmaXX, sigmaYX, target, ntkInputs, traceSigmaYY, whitened, null, true);
    }

    private Task(DMatrixRMaj sigmaXX, DMatrixRMaj sigmaYX, DMatrixRMaj target, DMatrixRMaj ntkInputs,
                 double traceSigmaYY, boolean whitened, Measurements measurements, boolean truthKnown) {
        this.measurements = measurements;
        this.truthKnown = truthKnown;
        this.sigmaXX = sigmaXX;
        this.sigmaYX = sigmaYX;
        this.target = target;
        this.ntkInputs = ntkInputs;
        this.whitened = whitened;
        // ℒ_min = ½ tr Σyy − ½ tr(T Σxx Tᵀ)
        DMatrixRMaj tS = new DMatrixRMaj(target.numRows, target.numCols);
        CommonOps_DDRM.mult(target, sigmaXX, tS);
        double trTST = Matrices.inner(tS, target);
        double min = 0.5 * traceSigmaYY - 0.5 * trTST;
        this.minimumLoss = measurements != null ? measurements.minimumLoss()
                : Math.abs(min) < 1e-13 * Math.max(1.0, traceSigmaYY) ? 0.0 : Math.max(0.0, min);
    }

    /**
     * W_eff observed through linear measurements (task.completion, task.sensing): ℒ = ½ Σ_k (⟨A_k, W_eff⟩ − y_k)².
     * truth is the matrix behind the observations (M), or null when not known; it stands as the target (for the
     * rank and alignment readouts and the recovery error), a zero matrix when unknown. Inputs count as Σxx = I for
     * the NTK; no closed-form theory applies.
     */
    public static Task measured(Measurements ms, DMatrixRMaj truth) {
        DMatrixRMaj eye = CommonOps_DDRM.identity(ms.cols());
        DMatrixRMaj t = truth == null ? new DMatrixRMaj(ms.rows(), ms.cols()) : truth.copy();
        return new Task(eye, t.copy(), t, CommonOps_DDRM.identity(ms.cols()), traceOf(t, eye), false, ms, truth != null);
    }

    /** Target form, whitened inputs: Σxx = I, Σyx = T, Σyy = T Tᵀ. */
    public static Task whitened(DMatrixRMaj target) {
        int n0 = target.numCols;
        DMatrixRMaj eye = CommonOps_DDRM.identity(n0);
        return new Task(eye, target.copy(), target.copy(), CommonOps_DDRM.identity(n0),
                traceOf(target, eye), true);
    }

    /** Target form with input covariance: Σyx = T Σxx, Σyy = T Σxx Tᵀ; NTK inputs X = Σxx^{1/2}. */
    public static Task withCovariance(DMatrixRMaj target, DMatrixRMaj sigmaXX) {
        DMatrixRMaj syx = new DMatrixRMaj(target.numRows, target.numCols);
        CommonOps_DDRM.mult(target, sigmaXX, syx);
        return new Task(sigmaXX.copy(), syx, target.copy(), symmetricSqrt(sigmaXX),
                traceOf(target, sigmaXX), isIdentity(sigmaXX));
    }

    /** Data form: X (n×n0), Y (n×nL): Σxx = XᵀX/n, Σyx = YᵀX/n, Σyy = YᵀY/n; T = Σyx Σxx⁺. */
    public static Task fromData(DMatrixRMaj x, DMatrixRMaj y) {
        int n = x.numRows;
        DMatrixRMaj sxx = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(x, x, sxx);
        CommonOps_DDRM.scale(1.0 / n, sxx);
        DMatrixRMaj syx = new DMatrixRMaj(y.numCols, x.numCols);
        CommonOps_DDRM.multTransA(y, x, syx);
        CommonOps_DDRM.scale(1.0 / n, syx);
        double trYY = Matrices.inner(y, y) / n;
        DMatrixRMaj pinv = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.pinv(sxx, pinv);
        DMatrixRMaj t = new DMatrixRMaj(y.numCols, x.numCols);
        CommonOps_DDRM.mult(syx, pinv, t);
        Task task = new Task(sxx, syx, t, x.copy(), trYY, isIdentity(sxx));
        if (y.numCols == 1) task.dataset = Dataset.of(n, x.numCols, x.data.clone(), y.data.clone());
        return task;
    }

    /**
     * Data form from raw data with an optional test set and teacher (the piecewise-linear family trains on
     * the raw data; the covariance form is kept for the views that read it).
     */
    public static Task fromDataset(Dataset data) {
        Task task = fromData(new DMatrixRMaj(data.samples(), data.inputDim(), true, data.x()),
                new DMatrixRMaj(data.samples(), 1, true, data.y()));
        task.dataset = data;
        return task;
    }

    private static double traceOf(DMatrixRMaj t, DMatrixRMaj sxx) {
        DMatrixRMaj tS = new DMatrixRMaj(t.numRows, t.numCols);
        CommonOps_DDRM.mult(t, sxx, tS);
        return Matrices.inner(tS, t);
    }

    private static boolean isIdentity(DMatrixRMaj m) {
        if (m.numRows != m.numCols) return false;
        for (int i = 0; i < m.numRows; i++)
            for (int j = 0; j < m.numCols; j++)
                if (m.get(i, j) != (i == j ? 1.0 : 0.0)) return false;
        return true;
    }

    /** Symmetric PSD square root via eigen-decomposition (negative round-off eigenvalues clipped to 0). */
    public static DMatrixRMaj symmetricSqrt(DMatrixRMaj s) {
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s.copy())) throw new IllegalArgumentException("eigen-decomposition failed");
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double lam = Math.max(0.0, eig.getEigenvalue(k).real);
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm = NormOps_DDRM.normF(v);
            double c = Math.sqrt(lam) / (norm * norm);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    r.add(i, j, c * v.get(i) * v.get(j));
        }
        return r;
    }

    /** the raw data of a data task with one output (with its test set and teacher), else null */
    public Dataset dataset() { return dataset; }

    public int inputDim() { return sigmaXX.numRows; }
    public int outputDim() { return sigmaYX.numRows; }
    public boolean isWhitened() { return whitened; }
    /** true when W_eff is observed through measurements (completion or sensing) */
    public boolean isMeasured() { return measurements != null; }
    /** the measurements, or null */
    public Measurements measurements() { return measurements; }
    /** false for measurements whose underlying matrix was not given (then target() is zero) */
    public boolean truthKnown() { return truthKnown; }
    public DMatrixRMaj sigmaXX() { return sigmaXX.copy(); }
    public DMatrixRMaj sigmaYX() { return sigmaYX.copy(); }
    /** T with T Σxx = Σyx (the minimum-norm regression target). */
    public DMatrixRMaj target() { return target.copy(); }
    /** Rows of X used for the NTK (data, or Σxx^{1/2}). */
    public DMatrixRMaj ntkInputs() { return ntkInputs.copy(); }
    /** ℒ_min = ½ tr Σyy − ½ tr(TΣxxTᵀ), the loss no linear map can remove. */
    public double minimumLoss() { return minimumLoss; }

    /** Singular values of T, descending, min(n0, nL) of them. */
    public double[] targetSingularValues() {
        return singularValues(target);
    }

    public static double[] singularValues(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) throw new IllegalStateException("SVD failed");
        double[] s = svd.getSingularValues();
        int k = Math.min(m.numRows, m.numCols);
        double[] out = new double[k];
        System.arraycopy(s, 0, out, 0, Math.min(k, svd.numberOfSingularValues()));
        java.util.Arrays.sort(out);
        for (int i = 0; i < k / 2; i++) { double tmp = out[i]; out[i] = out[k - 1 - i]; out[k - 1 - i] = tmp; }
        return out;
    }
}
