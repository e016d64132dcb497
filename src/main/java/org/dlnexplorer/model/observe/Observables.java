package org.dlnexplorer.model.observe;

import org.dlnexplorer.model.core.Matrices;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Kernels;
import org.dlnexplorer.model.objective.Balance;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Computes a {@link Frame} from the parameters at a recorded time. Holds the reference quantities of
 * t = 0 (NTK blocks, conserved D_ℓ(0)) and the target's singular basis. One instance per run and thread.
 */
public final class Observables {
    private final Network net;
    private final Task task;
    private final Objective objective;
    private final Sharpness sharpness;
    private final boolean withSharpness;
    private double sharpnessFrom = Double.NEGATIVE_INFINITY;
    private final HessianSpectrum hessian;   // null unless asked for
    private final DMatrixRMaj x;           // NTK inputs (n × n0)
    private final DMatrixRMaj targetU;     // left singular vectors of T (nL × k)
    private final DMatrixRMaj targetV;     // right singular vectors of T (n0 × k)
    private final double[] targetSigma;
    private DMatrixRMaj[] ntkA0;           // η_ℓ X P_{ℓ−1}ᵀ P_{ℓ−1} Xᵀ at t = 0
    private DMatrixRMaj[] ntkB0;           // S_{ℓ+1} S_{ℓ+1}ᵀ at t = 0
    private double ntkNorm0;
    private DMatrixRMaj[] balance0;        // D_ℓ(0)
    private double[] theta0;               // θ(0), for max_ℓ ‖W_ℓ(t) − W_ℓ(0)‖_F
    // per-frame workspaces, allocated once (frames themselves are fresh immutable snapshots)
    private final DMatrixRMaj[] layers;      // W_ℓ, index ℓ−1
    private final DMatrixRMaj[] prefixes;    // P_ℓ = W_ℓ ⋯ W_1, index ℓ (1…L)
    private final DMatrixRMaj[] suffixes;    // S_ℓ = W_L ⋯ W_ℓ, index ℓ (1…L)
    private final DMatrixRMaj xT;            // Xᵀ
    private final boolean xIsIdentity;
    private final DMatrixRMaj[] ntkZ;        // P_{ℓ−1} Xᵀ
    private final DMatrixRMaj[] ntkA, ntkB;
    private final DMatrixRMaj[] balanceNow, balanceDiff;
    private final Balance balance;
    private final SingularValueDecomposition_F64<DMatrixRMaj> weffSvd;
    private final DMatrixRMaj svdWork, svdU, svdW, svdV;
    private final SingularValueDecomposition_F64<DMatrixRMaj>[] layerSvd;
    private final DMatrixRMaj[] layerWork;
    /** below this σ_min/σ_max, W_eff's singular vectors come from QR (Jacobi's would be ill-determined) */
    private static final double RANK_TOLERANCE = 1e-10;
    private final SmallSvd weffJacobi;        // null when W_eff is too large for Jacobi
    private final SmallSvd[] layerJacobi;     // null entries for large layers
    private final double[] uCol, vCol;

    public Observables(Network net, Task task, Objective objective, boolean withSharpness) {
        this(net, task, objective, withSharpness, false);
    }

    /** withHessian: frames carry the Hessian's spectrum ({@link HessianSpectrum}, n Hessian-vector products each) */
    public Observables(Network net, Task task, Objective objective, boolean withSharpness, boolean withHessian) {
        this.hessian = withHessian ? new HessianSpectrum(objective) : null;
        this.net = net;
        this.task = task;
        this.objective = objective;
        this.withSharpness = withSharpness;
        this.sharpness = withSharpness ? new Sharpness(objective) : null;
        this.x = task.ntkInputs();
        DMatrixRMaj t = task.target();
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(t.numRows, t.numCols, true, true, true);
        if (!svd.decompose(t.copy())) throw new IllegalStateException("SVD of target failed");
        DMatrixRMaj u = svd.getU(null, false), w = svd.getW(null), v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        this.targetU = u;
        this.targetV = v;
        this.targetSigma = task.targetSingularValues();
        int depth = net.depth(), n0 = net.inputDim(), nL = net.outputDim();
        layers = new DMatrixRMaj[depth];
        prefixes = new DMatrixRMaj[depth + 1];
        suffixes = new DMatrixRMaj[depth + 2];
        ntkZ = new DMatrixRMaj[depth];
        ntkA = new DMatrixRMaj[depth];
        ntkB = new DMatrixRMaj[depth];
        @SuppressWarnings("unchecked")
        SingularValueDecomposition_F64<DMatrixRMaj>[] ls = new SingularValueDecomposition_F64[depth];
        layerSvd = ls;
        layerWork = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            layers[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            prefixes[l] = new DMatrixRMaj(net.width(l), n0);
            suffixes[l] = new DMatrixRMaj(nL, net.width(l - 1));
            ntkZ[l - 1] = new DMatrixRMaj(net.width(l - 1), x.numRows);
            ntkA[l - 1] = new DMatrixRMaj(x.numRows, x.numRows);
            ntkB[l - 1] = new DMatrixRMaj(nL, nL);
            layerSvd[l - 1] = DecompositionFactory_DDRM.svd(net.rows(l), net.cols(l), false, false, true);
            layerWork[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
        }
        xT = new DMatrixRMaj(x.numCols, x.numRows);
        CommonOps_DDRM.transpose(x, xT);
        xIsIdentity = MatrixFeatures_DDRM.isIdentity(x, 0.0);
        int nb = Math.max(0, depth - 1);
        balanceNow = new DMatrixRMaj[nb];
        balanceDiff = new DMatrixRMaj[nb];
        balance = new Balance(net);
        for (int l = 1; l < depth; l++) {
            int n = net.width(l);
            balanceNow[l - 1] = new DMatrixRMaj(n, n);
            balanceDiff[l - 1] = new DMatrixRMaj(n, n);
        }
        weffSvd = DecompositionFactory_DDRM.svd(nL, n0, true, true, true);
        svdWork = new DMatrixRMaj(nL, n0);
        weffJacobi = SmallSvd.suits(nL, n0) ? new SmallSvd(nL, n0, true) : null;
        uCol = new double[nL];
        vCol = new double[n0];
        layerJacobi = new SmallSvd[depth];
        for (int l = 1; l <= depth; l++)
            if (SmallSvd.suits(net.rows(l), net.cols(l))) layerJacobi[l - 1] = new SmallSvd(net.rows(l), net.cols(l), false);
        svdU = new DMatrixRMaj(1, 1);
        svdW = new DMatrixRMaj(1, 1);
        svdV = new DMatrixRMaj(1, 1);
    }

    public boolean computesSharpness() { return withSharpness; }

    /**
     * Frames before time t carry no sharpness (a sweep cell needs it only in the convergence window,
     * {@link Convergence#windowStart}); −∞ (the default): every frame does.
     */
    public void sharpnessFrom(double t) { sharpnessFrom = t; }

    /** Record the t = 0 references; must be called with θ(0) before the first frame. */
    public void setInitial(double[] theta0) {
        DMatrixRMaj[] w = Objective.layers(net, theta0);
        DMatrixRMaj[][] ab = ntkBlocks(w);
        ntkA0 = ab[0];
        ntkB0 = ab[1];
        ntkNorm0 = Math.sqrt(Math.max(0.0, ntkInner(ntkA0, ntkB0, ntkA0, ntkB0)));
        balance0 = balance(w);
        this.theta0 = theta0.clone();
    }

    public Frame frame(int index, long step, double t, double[] theta) {
        int depth = net.depth();
        DMatrixRMaj[] w = load(theta);
        double loss = objective.loss(theta);
        chains(w);
        DMatrixRMaj weff = prefixes[depth];
        int k = net.modes();
        double[] sigma = new double[k];
        double[] align = new double[k];
        if (!(weffJacobi != null && weffByJacobi(weff, sigma, align))) weffByQr(weff, sigma, align);
        double[][] layerSv = new double[depth][];
        for (int l = 0; l < depth; l++) layerSv[l] = layerSingularValues(l, w[l]);

        ntkBlocksInto(ntkA, ntkB);
        double kk = ntkInner(ntkA, ntkB, ntkA, ntkB);
        double k0k = ntkInner(ntkA0, ntkB0, ntkA, ntkB);
        double denom = ntkNorm0 * Math.sqrt(Math.max(0.0, kk));
        double kernelDistance = denom > 0 ? clamp01(1.0 - k0k / denom) : 0.0;

        balance.into(w, balanceNow);
        double drift = 0;
        // with a frozen W_L (training.freezeOutput) D_{L−1} = η_{L−1} W_LᵀW_L − η_L W_{L−1}W_{L−1}ᵀ is not conserved
        // (W_{L−1} moves, W_L does not): the drift is the conserved ones' only, D_1 … D_{L−2}
        int conserved = net.frozenOutput() ? balanceNow.length - 1 : balanceNow.length;
        for (int l = 0; l < conserved; l++) {
            CommonOps_DDRM.subtract(balanceNow[l], balance0[l], balanceDiff[l]);
            drift = Math.max(drift, NormOps_DDRM.normF(balanceDiff[l]));
        }
        double sharp = withSharpness && t >= sharpnessFrom ? sharpness.compute(theta) : Double.NaN;
        double[][] weights = null;
        if (net.parameterCount() <= Frame.MAX_WEIGHT_PARAMETERS) {
            weights = new double[depth][];
            for (int l = 0; l < depth; l++) weights[l] = w[l].data; // Frame copies
        }
        Frame f = new Frame(index, step, t, loss, sigma, layerSv, kernelDistance, drift, sharp,
                effectiveRank(sigma), rank(sigma), align, weff.data, weights);
        f = f.withLayerChange(layerChange(theta));
        return hessian == null ? f : f.withHessian(hessian.compute(theta));
    }

    /** max_ℓ ‖W_ℓ(t) − W_ℓ(0)‖_F */
    private double layerChange(double[] theta) {
        double worst = 0;
        for (int l = 1; l <= net.depth(); l++) {
            double s = 0;
            for (int i = net.offset(l), end = i + net.rows(l) * net.cols(l); i < end; i++) {
                double d = theta[i] - theta0[i];
                s += d * d;
            }
            worst = Math.max(worst, Math.sqrt(s));
        }
        return worst;
    }

    /** The kernel distance S(0,t) = 1 − ⟨K_0, K_t⟩_F / (‖K_0‖_F ‖K_t‖_F) at θ alone (setInitial first). */
    public double kernelDistance(double[] theta) {
        chains(load(theta));
        ntkBlocksInto(ntkA, ntkB);
        double kk = ntkInner(ntkA, ntkB, ntkA, ntkB);
        double k0k = ntkInner(ntkA0, ntkB0, ntkA, ntkB);
        double denom = ntkNorm0 * Math.sqrt(Math.max(0.0, kk));
        return denom > 0 ? clamp01(1.0 - k0k / denom) : 0.0;
    }

    /**
     * σ(W_eff) and the alignment by one-sided Jacobi; false (nothing trusted) if it did not converge or
     * W_eff is numerically rank deficient (the vectors of tiny σ are then ill-determined: let QR decide).
     */
    private boolean weffByJacobi(DMatrixRMaj weff, double[] sigma, double[] align) {
        if (!weffJacobi.decompose(weff.data, 0)) return false;
        int k = sigma.length;
        double max = weffJacobi.singularValue(0);
        if (!(max > 0) || weffJacobi.singularValue(k - 1) <= RANK_TOLERANCE * max) return false;
        for (int a = 0; a < k; a++) {
            sigma[a] = weffJacobi.singularValue(a);
            weffJacobi.vectors(a, uCol, vCol);
            double du = 0, dv = 0;
            for (int i = 0; i < uCol.length; i++) du += uCol[i] * targetU.get(i, a);
            for (int i = 0; i < vCol.length; i++) dv += vCol[i] * targetV.get(i, a);
            align[a] = Math.abs(du) * Math.abs(dv);
        }
        return true;
    }

    /** σ(W_eff) and the alignment by EJML's bidiagonal QR SVD (any size, any rank) */
    private void weffByQr(DMatrixRMaj weff, double[] sigma, double[] align) {
        int k = sigma.length;
        svdWork.setTo(weff);
        if (!weffSvd.decompose(svdWork)) throw new IllegalStateException("SVD of W_eff failed");
        DMatrixRMaj u = weffSvd.getU(svdU, false), sw = weffSvd.getW(svdW), v = weffSvd.getV(svdV, false);
        SingularOps_DDRM.descendingOrder(u, false, sw, v, false);
        for (int i = 0; i < k; i++) sigma[i] = sw.get(i, i);
        for (int a = 0; a < k; a++) {
            double du = 0, dv = 0;
            for (int i = 0; i < u.numRows; i++) du += u.get(i, a) * targetU.get(i, a);
            for (int i = 0; i < v.numRows; i++) dv += v.get(i, a) * targetV.get(i, a);
            align[a] = Math.abs(du) * Math.abs(dv);
        }
    }

    /** θ into the reused layer matrices W_1 … W_L */
    private DMatrixRMaj[] load(double[] theta) {
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj m = layers[l - 1];
            System.arraycopy(theta, net.offset(l), m.data, 0, m.getNumElements());
        }
        return layers;
    }

    /**
     * Prefix products P_ℓ = W_ℓ P_{ℓ−1} (P_1 = W_1, so P_L = W_eff) and suffix products
     * S_ℓ = S_{ℓ+1} W_ℓ (S_L = W_L), into reused buffers; 2(L − 1) products per frame.
     */
    private void chains(DMatrixRMaj[] w) {
        int depth = net.depth();
        prefixes[1].setTo(w[0]);
        for (int l = 2; l <= depth; l++) CommonOps_DDRM.mult(w[l - 1], prefixes[l - 1], prefixes[l]);
        suffixes[depth].setTo(w[depth - 1]);
        for (int l = depth - 1; l >= 1; l--) CommonOps_DDRM.mult(suffixes[l + 1], w[l - 1], suffixes[l]);
    }

    /** singular values of W_ℓ (descending), with a decomposition reused per layer */
    private double[] layerSingularValues(int l, DMatrixRMaj wl) {
        SmallSvd jacobi = layerJacobi[l];
        if (jacobi != null && jacobi.decompose(wl.data, 0)) {
            double[] out = new double[Math.min(wl.numRows, wl.numCols)];
            jacobi.singularValues(out);
            return out;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> d = layerSvd[l];
        layerWork[l].setTo(wl);
        if (!d.decompose(layerWork[l])) throw new IllegalStateException("SVD of W_" + (l + 1) + " failed");
        double[] s = d.getSingularValues();
        int k = Math.min(wl.numRows, wl.numCols);
        double[] out = new double[k];
        System.arraycopy(s, 0, out, 0, Math.min(k, d.numberOfSingularValues()));
        java.util.Arrays.sort(out);
        for (int i = 0; i < k / 2; i++) { double tmp = out[i]; out[i] = out[k - 1 - i]; out[k - 1 - i] = tmp; }
        return out;
    }

    private static double clamp01(double s) { return Math.min(1.0, Math.max(0.0, s)); }

    /** Roy–Vetterli effective rank exp(−Σ p log p), p = σ/Σσ. */
    static double effectiveRank(double[] sigma) {
        double sum = 0;
        for (double s : sigma) sum += s;
        if (!(sum > 0)) return 0.0;
        double h = 0;
        for (double s : sigma) if (s > 0) { double p = s / sum; h -= p * Math.log(p); }
        return Math.exp(h);
    }

    /** modes learned: σ_α(W_eff) > ½ s_α(T) for target singular values s_α > 0 */
    private int rank(double[] sigma) {
        int r = 0;
        for (int a = 0; a < sigma.length && a < targetSigma.length; a++)
            if (targetSigma[a] > 0 && sigma[a] > 0.5 * targetSigma[a]) r++;
        return r;
    }

    /** W_{hi:lo} = W_hi ⋯ W_lo (identity of size n_{lo−1} when hi < lo) */
    static DMatrixRMaj product(DMatrixRMaj[] w, int hi, int lo) {
        if (hi < lo) {
            int n = lo >= 2 ? w[lo - 2].numRows : w[0].numCols;
            return CommonOps_DDRM.identity(n);
        }
        DMatrixRMaj p = w[lo - 1].copy();
        for (int l = lo + 1; l <= hi; l++) {
            DMatrixRMaj next = new DMatrixRMaj(w[l - 1].numRows, p.numCols);
            CommonOps_DDRM.mult(w[l - 1], p, next);
            p = next;
        }
        return p;
    }

    /** A_ℓ = η_ℓ X W_{ℓ−1:1}ᵀ W_{ℓ−1:1} Xᵀ and B_ℓ = W_{L:ℓ+1} W_{L:ℓ+1}ᵀ, so that K = Σ_ℓ A_ℓ ⊗ B_ℓ. */
    private DMatrixRMaj[][] ntkBlocks(DMatrixRMaj[] w) {
        int depth = net.depth();
        DMatrixRMaj[] a = new DMatrixRMaj[depth];
        DMatrixRMaj[] b = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            a[l - 1] = new DMatrixRMaj(x.numRows, x.numRows);
            b[l - 1] = new DMatrixRMaj(net.outputDim(), net.outputDim());
        }
        chains(w);
        ntkBlocksInto(a, b);
        return new DMatrixRMaj[][]{a, b};
    }

    /**
     * The NTK blocks from the chains of the current frame: A_ℓ = η_ℓ (P_{ℓ−1}Xᵀ)ᵀ(P_{ℓ−1}Xᵀ) with
     * P_0 = I, B_ℓ = S_{ℓ+1} S_{ℓ+1}ᵀ with S_{L+1} = I. Whitened tasks have X = I (no product with X).
     */
    private void ntkBlocksInto(DMatrixRMaj[] a, DMatrixRMaj[] b) {
        int depth = net.depth();
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj z;
            if (l == 1) {
                z = xT;                                   // P_0 Xᵀ = Xᵀ
            } else if (xIsIdentity) {
                z = prefixes[l - 1];
            } else {
                z = ntkZ[l - 1];
                CommonOps_DDRM.multTransB(prefixes[l - 1], x, z);   // P Xᵀ
            }
            CommonOps_DDRM.multTransA(z, z, a[l - 1]);
            CommonOps_DDRM.scale(net.trains(l) ? net.rate(l) : 0.0, a[l - 1]);   // a frozen W_L adds nothing to the NTK
            if (l == depth) {
                CommonOps_DDRM.setIdentity(b[l - 1]);
            } else {
                CommonOps_DDRM.multTransB(suffixes[l + 1], suffixes[l + 1], b[l - 1]);
            }
        }
    }

    /** ⟨Σ A_ℓ⊗B_ℓ, Σ C_m⊗D_m⟩_F = Σ_{ℓ,m} ⟨A_ℓ,C_m⟩⟨B_ℓ,D_m⟩ */
    private static double ntkInner(DMatrixRMaj[] a, DMatrixRMaj[] b, DMatrixRMaj[] c, DMatrixRMaj[] d) {
        double s = 0;
        for (int l = 0; l < a.length; l++)
            for (int m = 0; m < c.length; m++)
                s += Matrices.inner(a[l], c[m]) * Matrices.inner(b[l], d[m]);
        return s;
    }

    /** The full NTK matrix K (n·n_L square), index (i,p) → i·n_L + p. For tests and small exports. */
    public DMatrixRMaj ntkMatrix(double[] theta) {
        DMatrixRMaj[][] ab = ntkBlocks(Objective.layers(net, theta));
        int n = x.numRows, nL = net.outputDim();
        DMatrixRMaj k = new DMatrixRMaj(n * nL, n * nL);
        for (int l = 0; l < net.depth(); l++) {
            DMatrixRMaj kron = new DMatrixRMaj(n * nL, n * nL);
            CommonOps_DDRM.kron(ab[0][l], ab[1][l], kron);
            CommonOps_DDRM.addEquals(k, kron);
        }
        return k;
    }

    /** S = 1 − ⟨K_0, K_t⟩_F / (‖K_0‖_F ‖K_t‖_F) for explicit kernel matrices */
    public static double kernelDistance(DMatrixRMaj k0, DMatrixRMaj kt) {
        double denom = NormOps_DDRM.normF(k0) * NormOps_DDRM.normF(kt);
        return denom > 0 ? clamp01(1.0 - Matrices.inner(k0, kt) / denom) : 0.0;
    }

    /** D_ℓ = η_ℓ W_{ℓ+1}ᵀ W_{ℓ+1} − η_{ℓ+1} W_ℓ W_ℓᵀ, ℓ = 1…L−1 ({@link Balance}) */
    public DMatrixRMaj[] balance(DMatrixRMaj[] w) {
        return balance.of(w);
    }
}
