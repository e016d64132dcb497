package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The DLN objective and its derivatives on a flat parameter vector θ = (W_1, …, W_L).
 * Not thread-safe: every workspace is allocated once in the constructor (EJML style), so the
 * hot loop (flow evaluations) allocates nothing. Use one instance per thread.
 *
 * Notation: P_ℓ = W_{ℓ:1} (P_0 = I), S_ℓ = W_{L:ℓ} (S_{L+1} = I), W_eff = P_L.
 */
public final class Objective {
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
    // fast path (loss, gradient, flow): flat row-major buffers, θ read in place
    private final int n0;
    private final int nL;
    private final double[] targetData;   // T
    private final double[] sigmaXXData;  // Σxx
    private final double[][] pre;        // P_ℓ for ℓ = 2…L (n_ℓ × n_0); P_1 = W_1 is read from θ
    private final double[][] back;       // G_ℓ = S_{ℓ+1}ᵀ E for ℓ = 1…L−1 (n_ℓ × n_0); G_L = E
    private final double[] diffF;        // W_eff − T
    private final double[] errF;         // E = (W_eff − T) Σxx (aliases diffF when whitened)
    private double[] weffArr;            // where W_eff lives after fastForward
    private int weffOff;
    // HVP forward cache: the θ the full forward pass was last evaluated at
    private final double[] fullTheta;
    private boolean fullValid;
    // HVP workspaces
    private final DMatrixRMaj[] v;
    private final DMatrixRMaj[] dPrefix;
    private final DMatrixRMaj[] dSuffix;
    private final DMatrixRMaj dErr;
    private final DMatrixRMaj[] scratchA;
    private final DMatrixRMaj[] scratchB;

    public Objective(Network net, Task task) {
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
        v = new DMatrixRMaj[depth];
        tmpL = new DMatrixRMaj[depth];
        scratchA = new DMatrixRMaj[depth];
        scratchB = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            w[l - 1] = new DMatrixRMaj(net.rows(l), net.cols(l));
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
        this.n0 = n0;
        this.nL = nL;
        targetData = target.data.clone();
        sigmaXXData = sigmaXX.data.clone();
        pre = new double[depth + 1][];
        back = new double[depth + 1][];
        for (int l = 2; l <= depth; l++) pre[l] = new double[net.width(l) * n0];
        for (int l = 1; l < depth; l++) back[l] = new double[net.width(l) * n0];
        diffF = new double[nL * n0];
        errF = whitened ? diffF : new double[nL * n0];
        fullTheta = new double[net.parameterCount()];
    }

    public Network network() { return net; }
    public int parameterCount() { return net.parameterCount(); }

    private void load(double[] theta, DMatrixRMaj[] into) {
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj m = into[l - 1];
            System.arraycopy(theta, net.offset(l), m.data, 0, m.getNumElements());
        }
    }

    /**
     * Fast forward pass for ℒ and ∇ℒ: P_ℓ = W_ℓ P_{ℓ−1} (ℓ = 2…L, P_1 = W_1 read from θ in place),
     * diff = W_eff − T, E = diff Σxx (E = diff when whitened). L − 1 products, no copies.
     */
    private void fastForward(double[] theta) {
        double[] prevArr = theta;
        int prevOff = net.offset(1);
        for (int l = 2; l <= depth; l++) {
            Kernels.mult(1.0, theta, net.offset(l), prevArr, prevOff, pre[l], 0, net.rows(l), net.cols(l), n0);
            prevArr = pre[l];
            prevOff = 0;
        }
        weffArr = prevArr;
        weffOff = prevOff;
        double[] t = targetData;
        for (int i = 0; i < diffF.length; i++) diffF[i] = prevArr[prevOff + i] - t[i];
        if (!whitened) Kernels.mult(1.0, diffF, 0, sigmaXXData, 0, errF, 0, nL, n0, n0);
    }

    /** ℒ from the fast forward pass: ½ ⟨E, W_eff − T⟩ + ℒ_min */
    private double fastLoss() {
        return 0.5 * Kernels.dot(errF, 0, diffF, 0, errF.length) + minimumLoss;
    }

    /**
     * Backward pass after {@link #fastForward}: G_L = E, G_{ℓ−1} = W_ℓᵀ G_ℓ, and
     * out_ℓ = scale_ℓ · G_ℓ P_{ℓ−1}ᵀ (= scale_ℓ ∂ℒ/∂W_ℓ), written at net.offset(ℓ). 2(L − 1) products.
     */
    private void fastBackward(double[] theta, double[] out, boolean flow) {
        double[] g = errF;
        for (int l = depth; l >= 1; l--) {
            double alpha = flow ? -net.rate(l) : 1.0;
            int off = net.offset(l);
            if (l == 1) {
                int len = net.rows(1) * n0;
                for (int i = 0; i < len; i++) out[off + i] = alpha * g[i];
                break;
            }
            double[] pArr = l - 1 == 1 ? theta : pre[l - 1];
            int pOff = l - 1 == 1 ? net.offset(1) : 0;
            // ∂ℒ/∂W_ℓ = G_ℓ P_{ℓ−1}ᵀ
            Kernels.multTransB(alpha, g, 0, pArr, pOff, out, off, net.rows(l), n0, net.cols(l));
            // G_{ℓ−1} = W_ℓᵀ G_ℓ
            Kernels.multTransA(1.0, theta, off, g, 0, back[l - 1], 0, net.cols(l), net.rows(l), n0);
            g = back[l - 1];
        }
    }

    /** Full forward pass for the HVP: P_ℓ = W_ℓ P_{ℓ−1}, S_ℓ = S_{ℓ+1} W_ℓ, E = P_L Σxx − Σyx (cached per θ). */
    private void forward(double[] theta) {
        if (fullValid && java.util.Arrays.equals(theta, fullTheta)) return;
        System.arraycopy(theta, 0, fullTheta, 0, fullTheta.length);
        fullValid = true;
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
        fastForward(theta);
        return fastLoss();
    }

    /** W_eff = W_L ⋯ W_1 into out (n_L × n_0). */
    public void effectiveWeight(double[] theta, DMatrixRMaj out) {
        fastForward(theta);
        out.reshape(nL, n0);
        System.arraycopy(weffArr, weffOff, out.data, 0, nL * n0);
    }

    /**
     * ∂ℒ/∂W_ℓ = S_{ℓ+1}ᵀ E P_{ℓ−1}ᵀ, by backpropagation (3(L − 1) matrix products in all); writes the
     * gradient into grad; returns ℒ.
     */
    public double gradient(double[] theta, double[] grad) {
        fastForward(theta);
        fastBackward(theta, grad, false);
        return fastLoss();
    }

    /** Gradient-flow field dθ/dt = −η_ℓ ∂ℒ/∂W_ℓ. */
    public void flow(double[] theta, double[] dtheta) {
        fastForward(theta);
        fastBackward(theta, dtheta, true);
    }

    /** Gradient-flow field and ℒ at θ in one pass; returns ℒ. */
    public double flowAndLoss(double[] theta, double[] dtheta) {
        fastForward(theta);
        fastBackward(theta, dtheta, true);
        return fastLoss();
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
