package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.parallel.CorePair;
import org.ejml.data.DMatrixRMaj;

/**
 * The DLN objective and its derivatives on a flat parameter vector θ = (W_1, …, W_L).
 * Not thread-safe: every workspace is allocated once in the constructor (EJML style), so the
 * hot loop (flow evaluations) allocates nothing. Use one instance per thread. On a network large enough to
 * gain ({@link GradientSplit#MIN_WORK}), the gradient pass runs in {@link GradientSplit}'s chunks when two
 * cores are asked for ({@link CorePair#available}): on both cores when {@link CorePair#acquire} offers the pair,
 * else on this thread, with the same digits either way (within {@link GradientSplit#ROUNDING} of the
 * one-thread pass).
 *
 * Notation: P_ℓ = W_{ℓ:1} (P_0 = I), S_ℓ = W_{L:ℓ} (S_{L+1} = I), W_eff = P_L.
 */
public final class Objective {
    private final Network net;
    private final int depth;
    private final boolean whitened;
    private final DMatrixRMaj sigmaXX;
    private final DMatrixRMaj target;
    private final double minimumLoss;
    private final org.dlnexplorer.model.core.Measurements meas;   // null: the covariance form
    private final double[] resid, dResid;                          // r_k = ⟨A_k, W_eff⟩ − y_k and its derivative

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
    // HVP on the fast path: suffixes S_ℓ and the directional derivatives, all flat
    private final double[][] suf;        // S_ℓ = W_L ⋯ W_ℓ for ℓ = 2…L−1 (n_L × n_{ℓ−1})
    private final double[][] dpre;       // dP_ℓ for ℓ = 2…L (n_ℓ × n_0)
    private final double[][] dsuf;       // dS_ℓ for ℓ = 2…L−1 (n_L × n_{ℓ−1})
    private final double[] dErrF;        // dE = dP_L Σxx
    private final double[] hvpA, hvpB, hvpTmp;
    private final double[] hvpTheta;     // θ of the cached forward pass and suffixes
    private boolean hvpReady;
    // training.freezeOutput: θ[trainable, n) is W_L, whose gradient is zero and whose curvature is not read
    private final int trainable;
    private final double[] maskedVec, fullOut;   // the HVP's padded input and full output (frozen W_L only)
    private final GradientSplit split;   // the gradient pass for two cores; null when the network is too small

    public Objective(Network net, Task task) {
        this(net, task, GradientSplit.MIN_WORK);
    }

    /** with the two-core gradient pass from splitMinWork multiply-adds per gradient on (tests: 0, always) */
    Objective(Network net, Task task, long splitMinWork) {
        this.net = net;
        this.depth = net.depth();
        if (task.inputDim() != net.inputDim() || task.outputDim() != net.outputDim())
            throw new IllegalArgumentException("task shape does not match the network widths");
        this.whitened = task.isWhitened();
        this.sigmaXX = task.sigmaXX();
        this.target = task.target();
        this.minimumLoss = task.minimumLoss();
        this.meas = task.measurements();
        this.resid = meas == null ? null : new double[meas.count()];
        this.dResid = meas == null ? null : new double[meas.count()];
        int n0 = net.inputDim(), nL = net.outputDim();
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
        suf = new double[depth + 1][];
        dpre = new double[depth + 1][];
        dsuf = new double[depth + 1][];
        int maxW = Math.max(n0, nL);
        for (int l = 0; l <= depth; l++) maxW = Math.max(maxW, net.width(l));
        for (int l = 2; l <= depth; l++) dpre[l] = new double[net.width(l) * n0];
        for (int l = 2; l < depth; l++) {
            suf[l] = new double[nL * net.width(l - 1)];
            dsuf[l] = new double[nL * net.width(l - 1)];
        }
        dErrF = new double[nL * n0];
        hvpA = new double[maxW * n0];
        hvpB = new double[maxW * n0];
        hvpTmp = new double[maxW * maxW];
        hvpTheta = new double[net.parameterCount()];
        trainable = net.trainableCount();
        boolean frozen = trainable < net.parameterCount();
        maskedVec = frozen ? new double[net.parameterCount()] : null;
        fullOut = frozen ? new double[net.parameterCount()] : null;
        split = meas == null && GradientSplit.pays(net, splitMinWork)
                ? new GradientSplit(net, whitened, pre, diffF, errF, targetData, sigmaXXData) : null;
    }

    public Network network() { return net; }
    public int parameterCount() { return net.parameterCount(); }
    /** the trainable parameters θ[0, trainableCount()) (all of them unless the output layer is frozen) */
    public int trainableCount() { return trainable; }

    /**
     * Fast forward pass for ℒ and ∇ℒ: P_ℓ = W_ℓ P_{ℓ−1} (ℓ = 2…L, P_1 = W_1 read from θ in place),
     * diff = W_eff − T, E = diff Σxx (E = diff when whitened). L − 1 products, no copies.
     */
    private void fastForward(double[] theta) {
        hvpReady = false;
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
        if (meas != null) {
            // measurements: E = ∂ℒ/∂W_eff = Σ_k r_k A_k, r_k = ⟨A_k, W_eff⟩ − y_k
            meas.residual(prevArr, prevOff, resid);
            meas.adjoint(resid, errF);
            return;
        }
        if (!whitened) Kernels.mult(1.0, diffF, 0, sigmaXXData, 0, errF, 0, nL, n0, n0);
    }

    /** ℒ from the fast forward pass: ½ ⟨E, W_eff − T⟩ + ℒ_min */
    private double fastLoss() {
        if (meas != null) return 0.5 * Kernels.dot(resid, 0, resid, 0, resid.length);   // ½ Σ_k r_k²
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
        // a frozen W_L (training.freezeOutput): ∂ℒ/∂W_L is not followed, its entries are 0
        if (trainable < out.length) java.util.Arrays.fill(out, trainable, net.parameterCount(), 0.0);
    }

    /** forward and backward pass: on two cores when the network is large enough and the pair is free */
    private void gradientPass(double[] theta, double[] out, boolean flow) {
        boolean twoCores = split != null && CorePair.available();
        CorePair pair = twoCores ? CorePair.acquire() : null;
        if (!twoCores) {
            fastForward(theta);
            fastBackward(theta, out, flow);
            return;
        }
        try {
            hvpReady = false;
            // the pair taken by another computation (null): the same chunks on this thread, the same digits
            split.run(pair, theta, out, flow);
            weffArr = pre[depth];
            weffOff = 0;
            // a frozen W_L (training.freezeOutput): as in fastBackward
            if (trainable < out.length) java.util.Arrays.fill(out, trainable, net.parameterCount(), 0.0);
        } finally {
            if (pair != null) pair.release();
        }
    }

    /** the two-core chunks in order on this thread (what {@link #gradientPass} runs when the pair is taken) */
    void splitAlone(double[] theta, double[] out, boolean flow) {
        hvpReady = false;
        split.run(null, theta, out, flow);
        if (trainable < out.length) java.util.Arrays.fill(out, trainable, net.parameterCount(), 0.0);
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
        gradientPass(theta, grad, false);
        return fastLoss();
    }

    /** Gradient-flow field dθ/dt = −η_ℓ ∂ℒ/∂W_ℓ. */
    public void flow(double[] theta, double[] dtheta) {
        gradientPass(theta, dtheta, true);
    }

    /** Gradient-flow field and ℒ at θ in one pass; returns ℒ. */
    public double flowAndLoss(double[] theta, double[] dtheta) {
        gradientPass(theta, dtheta, true);
        return fastLoss();
    }

    /**
     * Exact Hessian-vector product H v of ℒ with respect to θ (forward-mode differentiation of the
     * gradient): dP_ℓ = W_ℓ dP_{ℓ−1} + V_ℓ P_{ℓ−1}, dS_ℓ = dS_{ℓ+1} W_ℓ + S_{ℓ+1} V_ℓ, dE = dP_L Σxx,
     * d(∂ℒ/∂W_ℓ) = dS_{ℓ+1}ᵀ E P_{ℓ−1}ᵀ + S_{ℓ+1}ᵀ dE P_{ℓ−1}ᵀ + S_{ℓ+1}ᵀ E dP_{ℓ−1}ᵀ.
     */
    public void hessianVector(double[] theta, double[] vec, double[] out) {
        if (maskedVec != null) {
            // frozen W_L: P H P v with P the projection on the trainable block (the Hessian restricted to it)
            System.arraycopy(vec, 0, maskedVec, 0, trainable);
            fullHessianVector(theta, maskedVec, out);
            java.util.Arrays.fill(out, trainable, out.length, 0.0);
            return;
        }
        fullHessianVector(theta, vec, out);
    }

    /**
     * The Hessian of ℒ in the trainable parameters only, H_TT v (vec and out of length {@link #trainableCount}):
     * what sharpness and the Hessian's spectrum read. With every layer trainable, {@link #hessianVector}.
     */
    public void trainableHessianVector(double[] theta, double[] vec, double[] out) {
        if (maskedVec == null) { fullHessianVector(theta, vec, out); return; }
        System.arraycopy(vec, 0, maskedVec, 0, trainable);
        fullHessianVector(theta, maskedVec, fullOut);
        System.arraycopy(fullOut, 0, out, 0, trainable);
    }

    private void fullHessianVector(double[] theta, double[] vec, double[] out) {
        if (!(hvpReady && java.util.Arrays.equals(theta, hvpTheta))) {
            fastForward(theta);               // P_ℓ, E (clears hvpReady)
            // S_ℓ = S_{ℓ+1} W_ℓ for ℓ = L−1 … 2 (S_L = W_L is read from θ)
            for (int l = depth - 1; l >= 2; l--)
                Kernels.mult(1.0, sArr(theta, l + 1), sOff(l + 1), theta, net.offset(l), suf[l], 0, nL, net.rows(l),
                        net.cols(l));
            System.arraycopy(theta, 0, hvpTheta, 0, hvpTheta.length);
            hvpReady = true;
        }
        // dP_ℓ = W_ℓ dP_{ℓ−1} + V_ℓ P_{ℓ−1} (dP_1 = V_1, read from vec)
        for (int l = 2; l <= depth; l++) {
            int rows = net.rows(l), cols = net.cols(l), len = rows * n0;
            Kernels.mult(1.0, theta, net.offset(l), dpArr(vec, l - 1), dpOff(l - 1), dpre[l], 0, rows, cols, n0);
            Kernels.mult(1.0, vec, net.offset(l), pArr(theta, l - 1), pOff(l - 1), hvpTmp, 0, rows, cols, n0);
            for (int i = 0; i < len; i++) dpre[l][i] += hvpTmp[i];
        }
        // dS_ℓ = dS_{ℓ+1} W_ℓ + S_{ℓ+1} V_ℓ (dS_L = V_L, read from vec)
        for (int l = depth - 1; l >= 2; l--) {
            int rows = net.rows(l), cols = net.cols(l), len = nL * cols;
            Kernels.mult(1.0, dsArr(vec, l + 1), dsOff(l + 1), theta, net.offset(l), dsuf[l], 0, nL, rows, cols);
            Kernels.mult(1.0, sArr(theta, l + 1), sOff(l + 1), vec, net.offset(l), hvpTmp, 0, nL, rows, cols);
            for (int i = 0; i < len; i++) dsuf[l][i] += hvpTmp[i];
        }
        // dE = dP_L Σxx
        double[] dpL = dpArr(vec, depth);
        int dpLOff = dpOff(depth);
        if (meas != null) {
            // dE = 𝒜*(𝒜(dP_L))
            for (int k = 0; k < dResid.length; k++) dResid[k] = meas.apply(k, dpL, dpLOff);
            meas.adjoint(dResid, dErrF);
        } else if (whitened) System.arraycopy(dpL, dpLOff, dErrF, 0, dErrF.length);
        else Kernels.mult(1.0, dpL, dpLOff, sigmaXXData, 0, dErrF, 0, nL, n0, n0);
        for (int l = 1; l <= depth; l++) {
            int rows = net.rows(l), cols = net.cols(l), lenA = rows * n0, off = net.offset(l);
            // A = dS_{ℓ+1}ᵀ E + S_{ℓ+1}ᵀ dE and B = S_{ℓ+1}ᵀ E (n_ℓ × n_0); S_{L+1} = I, dS_{L+1} = 0
            double[] a, b;
            if (l == depth) {
                a = dErrF;
                b = errF;
            } else {
                a = hvpA;
                b = hvpB;
                Kernels.multTransA(1.0, dsArr(vec, l + 1), dsOff(l + 1), errF, 0, a, 0, rows, nL, n0);
                Kernels.multTransA(1.0, sArr(theta, l + 1), sOff(l + 1), dErrF, 0, hvpTmp, 0, rows, nL, n0);
                for (int i = 0; i < lenA; i++) a[i] += hvpTmp[i];
                Kernels.multTransA(1.0, sArr(theta, l + 1), sOff(l + 1), errF, 0, b, 0, rows, nL, n0);
            }
            if (l == 1) {
                // P_0 = I, dP_0 = 0: H_1 = A
                System.arraycopy(a, 0, out, off, lenA);
            } else {
                // H_ℓ = A P_{ℓ−1}ᵀ + B dP_{ℓ−1}ᵀ
                Kernels.multTransB(1.0, a, 0, pArr(theta, l - 1), pOff(l - 1), out, off, rows, n0, cols);
                Kernels.multTransB(1.0, b, 0, dpArr(vec, l - 1), dpOff(l - 1), hvpTmp, 0, rows, n0, cols);
                for (int i = 0, len = rows * cols; i < len; i++) out[off + i] += hvpTmp[i];
            }
        }
    }

    // where P_ℓ, dP_ℓ (ℓ ≥ 1) and S_ℓ, dS_ℓ (ℓ ≤ L) live: layer 1 / layer L are read in place
    private double[] pArr(double[] theta, int l) { return l == 1 ? theta : pre[l]; }
    private int pOff(int l) { return l == 1 ? net.offset(1) : 0; }
    private double[] dpArr(double[] vec, int l) { return l == 1 ? vec : dpre[l]; }
    private int dpOff(int l) { return l == 1 ? net.offset(1) : 0; }
    private double[] sArr(double[] theta, int l) { return l == depth ? theta : suf[l]; }
    private int sOff(int l) { return l == depth ? net.offset(depth) : 0; }
    private double[] dsArr(double[] vec, int l) { return l == depth ? vec : dsuf[l]; }
    private int dsOff(int l) { return l == depth ? net.offset(depth) : 0; }

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
