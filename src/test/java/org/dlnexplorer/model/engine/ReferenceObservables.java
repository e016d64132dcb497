package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Sharpness;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Test reference: the original per-frame implementation of the observables (fresh products and decompositions per frame).
 * Computes a {@link Frame} from the parameters at a recorded time. Holds the reference quantities of
 * t = 0 (NTK blocks, conserved D_ℓ(0)) and the target's singular basis. One instance per run and thread.
 */
final class ReferenceObservables {
    private final Network net;
    private final Task task;
    private final Objective objective;
    private final Sharpness sharpness;
    private final boolean withSharpness;
    private final DMatrixRMaj x;           // NTK inputs (n × n0)
    private final DMatrixRMaj targetU;     // left singular vectors of T (nL × k)
    private final DMatrixRMaj targetV;     // right singular vectors of T (n0 × k)
    private final double[] targetSigma;
    private DMatrixRMaj[] ntkA0;           // η_ℓ X P_{ℓ−1}ᵀ P_{ℓ−1} Xᵀ at t = 0
    private DMatrixRMaj[] ntkB0;           // S_{ℓ+1} S_{ℓ+1}ᵀ at t = 0
    private double ntkNorm0;
    private DMatrixRMaj[] balance0;        // D_ℓ(0)

    ReferenceObservables(Network net, Task task, Objective objective, boolean withSharpness) {
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
    }

    public boolean computesSharpness() { return withSharpness; }

    /** Record the t = 0 references; must be called with θ(0) before the first frame. */
    public void setInitial(double[] theta0) {
        DMatrixRMaj[] w = Objective.layers(net, theta0);
        DMatrixRMaj[][] ab = ntkBlocks(w);
        ntkA0 = ab[0];
        ntkB0 = ab[1];
        ntkNorm0 = Math.sqrt(Math.max(0.0, ntkInner(ntkA0, ntkB0, ntkA0, ntkB0)));
        balance0 = balance(w);
    }

    public Frame frame(int index, long step, double t, double[] theta) {
        DMatrixRMaj[] w = Objective.layers(net, theta);
        double loss = objective.loss(theta);
        DMatrixRMaj weff = product(w, net.depth(), 1);
        int k = net.modes();
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(weff.numRows, weff.numCols, true, true, true);
        if (!svd.decompose(weff.copy())) throw new IllegalStateException("SVD of W_eff failed");
        DMatrixRMaj u = svd.getU(null, false), sw = svd.getW(null), v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, sw, v, false);
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) sigma[i] = sw.get(i, i);
        double[] align = new double[k];
        for (int a = 0; a < k; a++) {
            double du = 0, dv = 0;
            for (int i = 0; i < u.numRows; i++) du += u.get(i, a) * targetU.get(i, a);
            for (int i = 0; i < v.numRows; i++) dv += v.get(i, a) * targetV.get(i, a);
            align[a] = Math.abs(du) * Math.abs(dv);
        }
        double[][] layerSv = new double[net.depth()][];
        for (int l = 0; l < net.depth(); l++) layerSv[l] = Task.singularValues(w[l]);

        DMatrixRMaj[][] ab = ntkBlocks(w);
        double kk = ntkInner(ab[0], ab[1], ab[0], ab[1]);
        double k0k = ntkInner(ntkA0, ntkB0, ab[0], ab[1]);
        double denom = ntkNorm0 * Math.sqrt(Math.max(0.0, kk));
        double kernelDistance = denom > 0 ? clamp01(1.0 - k0k / denom) : 0.0;

        DMatrixRMaj[] d = balance(w);
        double drift = 0;
        for (int l = 0; l < d.length; l++) {
            DMatrixRMaj diff = new DMatrixRMaj(d[l].numRows, d[l].numCols);
            CommonOps_DDRM.subtract(d[l], balance0[l], diff);
            drift = Math.max(drift, NormOps_DDRM.normF(diff));
        }
        double sharp = withSharpness ? sharpness.compute(theta) : Double.NaN;
        double[][] weights = null;
        if (net.parameterCount() <= Frame.MAX_WEIGHT_PARAMETERS) {
            weights = new double[net.depth()][];
            for (int l = 0; l < net.depth(); l++) weights[l] = w[l].data.clone();
        }
        return new Frame(index, step, t, loss, sigma, layerSv, kernelDistance, drift, sharp,
                effectiveRank(sigma), rank(sigma), align, weff.data, weights);
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
            DMatrixRMaj p = product(w, l - 1, 1);       // n_{ℓ−1} × n_0
            DMatrixRMaj z = new DMatrixRMaj(p.numRows, x.numRows);
            CommonOps_DDRM.multTransB(p, x, z);         // P Xᵀ
            a[l - 1] = new DMatrixRMaj(x.numRows, x.numRows);
            CommonOps_DDRM.multTransA(z, z, a[l - 1]);
            CommonOps_DDRM.scale(net.rate(l), a[l - 1]);
            DMatrixRMaj s = product(w, depth, l + 1);   // n_L × n_ℓ
            b[l - 1] = new DMatrixRMaj(s.numRows, s.numRows);
            CommonOps_DDRM.multTransB(s, s, b[l - 1]);
        }
        return new DMatrixRMaj[][]{a, b};
    }

    /** ⟨Σ A_ℓ⊗B_ℓ, Σ C_m⊗D_m⟩_F = Σ_{ℓ,m} ⟨A_ℓ,C_m⟩⟨B_ℓ,D_m⟩ */
    private static double ntkInner(DMatrixRMaj[] a, DMatrixRMaj[] b, DMatrixRMaj[] c, DMatrixRMaj[] d) {
        double s = 0;
        for (int l = 0; l < a.length; l++)
            for (int m = 0; m < c.length; m++)
                s += org.dlnexplorer.model.core.Matrices.inner(a[l], c[m]) * org.dlnexplorer.model.core.Matrices.inner(b[l], d[m]);
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

    /** D_ℓ = η_ℓ W_{ℓ+1}ᵀ W_{ℓ+1} − η_{ℓ+1} W_ℓ W_ℓᵀ, ℓ = 1…L−1 */
    public DMatrixRMaj[] balance(DMatrixRMaj[] w) {
        int depth = net.depth();
        DMatrixRMaj[] d = new DMatrixRMaj[Math.max(0, depth - 1)];
        for (int l = 1; l < depth; l++) {
            int n = net.width(l);
            DMatrixRMaj up = new DMatrixRMaj(n, n), down = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(w[l], w[l], up);
            CommonOps_DDRM.multTransB(w[l - 1], w[l - 1], down);
            DMatrixRMaj out = new DMatrixRMaj(n, n);
            CommonOps_DDRM.add(net.rate(l), up, -net.rate(l + 1), down, out);
            d[l - 1] = out;
        }
        return d;
    }
}
