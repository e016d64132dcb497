package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Test reference: the original EJML implementation of the objective (prefix and suffix products),
 * The DLN objective and its derivatives on a flat parameter vector θ = (W_1, …, W_L).
 * Not thread-safe: every workspace is allocated once in the constructor (EJML style), so the
 * hot loop (flow evaluations) allocates nothing. Use one instance per thread.
 *
 * Notation: P_ℓ = W_{ℓ:1} (P_0 = I), S_ℓ = W_{L:ℓ} (S_{L+1} = I), W_eff = P_L.
 */
final class ReferenceObjective {
    private final Network net;
    private final int depth;
    private final boolean whitened;
    private final DMatrixRMaj sigmaXX;
    private final DMatrixRMaj sigmaYX;
    private final DMatrixRMaj target;
    private final double minimumLoss;

    private final DMatrixRMaj[] w;       // W_ℓ, index ℓ-1, wrap of a copy of θ
    private final DMatrixRMaj[] prefix;  // P_ℓ, index ℓ (0..L)
    private final DMatrixRMaj[] suffix;  // S_ℓ, index ℓ (1..L+1)
    private final DMatrixRMaj err;       // E = W_eff Σxx − Σyx
    private final DMatrixRMaj diff;      // W_eff − T
    private final DMatrixRMaj diffS;     // (W_eff − T) Σxx
    private final DMatrixRMaj[] tmpL;    // per-layer n_L × n_{ℓ−1} scratch: S_{ℓ+1}ᵀ E
    private final DMatrixRMaj[] gradMat; // per layer gradient view
    // HVP workspaces
    private final DMatrixRMaj[] v;
    private final DMatrixRMaj[] dPrefix;
    private final DMatrixRMaj[] dSuffix;
    private final DMatrixRMaj dErr;
    private final DMatrixRMaj[] scratchA;
    private final DMatrixRMaj[] scratchB;

    ReferenceObjective(Network net, Task task) {
        this.net = net;
        this.depth = net.depth();
        if (task.inputDim() != net.inputDim() || task.outputDim() != net.outputDim())
            throw new IllegalArgumentException("task shape does not match the network widths");
        this.whitened = task.isWhitened();
        this.sigmaXX = task.sigmaXX();
        this.sigmaYX = task.sigmaYX();
        this.target = task.target();
        this.minimumLoss = task.minimumLoss();
        int n0 = net.inputDim(), nL = net.outputDim();
        w = new DMatrixRMaj[depth];
        gradMat = new DMatrixRMaj[depth];
        v = new DMatrixRMaj[depth];
        tmpL = new DMatrixRMaj[depth];
        scratchA = new DMatrixRMaj[depth];
        scratchB = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            w[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            gradMat[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            v[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            tmpL[l - 1] = new DMatrixRMaj(net.rows(l), n0);
            scratchA[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            scratchB[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
        }
        prefix = new DMatrixRMaj[depth + 1];
        dPrefix = new DMatrixRMaj[depth + 1];
        prefix[0] = CommonOps_DDRM.identity(n0);
        dPrefix[0] = new DMatrixRMaj(n0, n0);
        for (int l = 1; l <= depth; l++) {
            prefix[l] = new DMatrixRMaj(net.width(l), n0);
            dPrefix[l] = new DMatrixRMaj(net.width(l), n0);
        }
        suffix = new DMatrixRMaj[depth + 2];
        dSuffix = new DMatrixRMaj[depth + 2];
        suffix[depth + 1] = CommonOps_DDRM.identity(nL);
        dSuffix[depth + 1] = new DMatrixRMaj(nL, nL);
        for (int l = depth; l >= 1; l--) {
            suffix[l] = new DMatrixRMaj(nL, net.width(l - 1));
            dSuffix[l] = new DMatrixRMaj(nL, net.width(l - 1));
        }
        err = new DMatrixRMaj(nL, n0);
        diff = new DMatrixRMaj(nL, n0);
        diffS = new DMatrixRMaj(nL, n0);
        dErr = new DMatrixRMaj(nL, n0);
    }

    public Network network() { return net; }
    public int parameterCount() { return net.parameterCount(); }

    private void load(double[] theta, DMatrixRMaj[] into) {
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj m = into[l - 1];
            System.arraycopy(theta, net.offset(l), m.data, 0, m.getNumElements());
        }
    }

    /** Forward pass: P_ℓ = W_ℓ P_{ℓ−1}, S_ℓ = S_{ℓ+1} W_ℓ, E = P_L Σxx − Σyx. */
    private void forward(double[] theta) {
        load(theta, w);
        for (int l = 1; l <= depth; l++) CommonOps_DDRM.mult(w[l - 1], prefix[l - 1], prefix[l]);
        for (int l = depth; l >= 1; l--) CommonOps_DDRM.mult(suffix[l + 1], w[l - 1], suffix[l]);
        // W_eff − T
        CommonOps_DDRM.subtract(prefix[depth], target, diff);
        if (whitened) {
            err.setTo(diff);
        } else {
            // E = W_eff Σxx − Σyx = (W_eff − T) Σxx
            CommonOps_DDRM.mult(diff, sigmaXX, err);
        }
    }

    /** ℒ = ½ tr((W_eff − T) Σxx (W_eff − T)ᵀ) + ℒ_min */
    public double loss(double[] theta) {
        forward(theta);
        return lossFromForward();
    }

    private double lossFromForward() {
        return 0.5 * inner(err, diff) + minimumLoss;
    }

    /** W_eff = W_L ⋯ W_1 into out (n_L × n_0). */
    public void effectiveWeight(double[] theta, DMatrixRMaj out) {
        forward(theta);
        out.setTo(prefix[depth]);
    }

    /** ∂ℒ/∂W_ℓ = S_{ℓ+1}ᵀ E P_{ℓ−1}ᵀ; writes the gradient into grad; returns ℒ. */
    public double gradient(double[] theta, double[] grad) {
        forward(theta);
        for (int l = 1; l <= depth; l++) {
            gradientOfLayer(l);
            System.arraycopy(gradMat[l - 1].data, 0, grad, net.offset(l), gradMat[l - 1].getNumElements());
        }
        return lossFromForward();
    }

    /** Gradient-flow field dθ/dt = −η_ℓ ∂ℒ/∂W_ℓ. */
    public void flow(double[] theta, double[] dtheta) {
        forward(theta);
        for (int l = 1; l <= depth; l++) {
            gradientOfLayer(l);
            double eta = -net.rate(l);
            double[] g = gradMat[l - 1].data;
            int off = net.offset(l);
            for (int i = 0; i < g.length; i++) dtheta[off + i] = eta * g[i];
        }
    }

    private void gradientOfLayer(int l) {
        // tmp = S_{ℓ+1}ᵀ E  (n_ℓ × n_0), grad = tmp P_{ℓ−1}ᵀ
        CommonOps_DDRM.multTransA(suffix[l + 1], err, tmpL[l - 1]);
        CommonOps_DDRM.multTransB(tmpL[l - 1], prefix[l - 1], gradMat[l - 1]);
    }

    /**
     * Exact Hessian-vector product H v of ℒ with respect to θ (forward-mode differentiation of the
     * gradient): dP_ℓ = W_ℓ dP_{ℓ−1} + V_ℓ P_{ℓ−1}, dS_ℓ = dS_{ℓ+1} W_ℓ + S_{ℓ+1} V_ℓ, dE = dP_L Σxx,
     * d(∂ℒ/∂W_ℓ) = dS_{ℓ+1}ᵀ E P_{ℓ−1}ᵀ + S_{ℓ+1}ᵀ dE P_{ℓ−1}ᵀ + S_{ℓ+1}ᵀ E dP_{ℓ−1}ᵀ.
     */
    public void hessianVector(double[] theta, double[] vec, double[] out) {
        forward(theta);
        load(vec, v);
        dPrefix[0].zero();
        for (int l = 1; l <= depth; l++) {
            CommonOps_DDRM.mult(w[l - 1], dPrefix[l - 1], dPrefix[l]);
            CommonOps_DDRM.multAdd(v[l - 1], prefix[l - 1], dPrefix[l]);
        }
        dSuffix[depth + 1].zero();
        for (int l = depth; l >= 1; l--) {
            CommonOps_DDRM.mult(dSuffix[l + 1], w[l - 1], dSuffix[l]);
            CommonOps_DDRM.multAdd(suffix[l + 1], v[l - 1], dSuffix[l]);
        }
        if (whitened) dErr.setTo(dPrefix[depth]);
        else CommonOps_DDRM.mult(dPrefix[depth], sigmaXX, dErr);
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj tmp = tmpL[l - 1];
            DMatrixRMaj h = scratchA[l - 1];
            // dS_{ℓ+1}ᵀ E P_{ℓ−1}ᵀ + S_{ℓ+1}ᵀ dE P_{ℓ−1}ᵀ
            CommonOps_DDRM.multTransA(dSuffix[l + 1], err, tmp);
            CommonOps_DDRM.multAddTransA(suffix[l + 1], dErr, tmp);
            CommonOps_DDRM.multTransB(tmp, prefix[l - 1], h);
            // + S_{ℓ+1}ᵀ E dP_{ℓ−1}ᵀ
            CommonOps_DDRM.multTransA(suffix[l + 1], err, tmp);
            CommonOps_DDRM.multAddTransB(tmp, dPrefix[l - 1], h);
            System.arraycopy(h.data, 0, out, net.offset(l), h.getNumElements());
        }
    }

    /** ⟨A, B⟩_F = Σ a_ij b_ij over equally shaped matrices (EJML's dot accepts vectors only). */
    public static double inner(DMatrixRMaj a, DMatrixRMaj b) {
        double[] x = a.data, y = b.data;
        double s = 0;
        for (int i = 0, n = a.getNumElements(); i < n; i++) s += x[i] * y[i];
        return s;
    }

    /** Layer views of θ as fresh matrices (W_1 … W_L). */
    public static DMatrixRMaj[] layers(Network net, double[] theta) {
        DMatrixRMaj[] out = new DMatrixRMaj[net.depth()];
        for (int l = 1; l <= net.depth(); l++) {
            out[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
            System.arraycopy(theta, net.offset(l), out[l - 1].data, 0, out[l - 1].getNumElements());
        }
        return out;
    }

    /** Flatten layers into θ. */
    public static double[] flatten(Network net, DMatrixRMaj[] layers) {
        double[] theta = new double[net.parameterCount()];
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj m = layers[l - 1];
            if (m.numRows != net.rows(l) || m.numCols != net.cols(l))
                throw new IllegalArgumentException("W_" + l + " must be " + net.rows(l) + "×" + net.cols(l));
            System.arraycopy(m.data, 0, theta, net.offset(l), m.getNumElements());
        }
        return theta;
    }
}
