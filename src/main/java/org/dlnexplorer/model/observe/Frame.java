package org.dlnexplorer.model.observe;

/**
 * One immutable snapshot of a run at time t (SPEC §3). Arrays are copied in and out, so a frame can be
 * handed to any thread. Optional values are NaN (sharpness not computed) or null (weights of a network
 * with more than {@link #MAX_WEIGHT_PARAMETERS} parameters).
 */
public final class Frame {
    public static final int MAX_WEIGHT_PARAMETERS = 200;
    /**
     * the piecewise-linear family records [W, aᵀ] up to this many parameters (the views draw the partition
     * and each neuron's μ_k = a_k‖w_k‖ and direction from them)
     */
    public static final int MAX_PIECEWISE_WEIGHT_PARAMETERS = 2048;

    private final int index;
    private final long step;
    private final double t;
    private final double loss;
    private final double[] singularValues;
    private final double[][] layerSingularValues;
    private final double kernelDistance;
    private final double balanceDrift;
    private final double sharpness;
    private final double effectiveRank;
    private final int rank;
    private final double[] alignment;
    private final double[] effectiveWeight;
    private final double[][] weights;
    private final double testLoss;
    private final double hamming;
    private final double parameterDistance;
    private final HessianSpectrum.Result hessian;   // null when not computed
    private final double layerChange;               // max_ℓ ‖W_ℓ(t) − W_ℓ(0)‖_F, NaN when not computed

    public Frame(int index, long step, double t, double loss, double[] singularValues,
                 double[][] layerSingularValues, double kernelDistance, double balanceDrift, double sharpness,
                 double effectiveRank, int rank, double[] alignment, double[] effectiveWeight, double[][] weights) {
        this(index, step, t, loss, singularValues, layerSingularValues, kernelDistance, balanceDrift, sharpness,
                effectiveRank, rank, alignment, effectiveWeight, weights, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * A frame with the piecewise-linear family's observables too (issue #13): the test loss (NaN without test
     * data), the Hamming distance of the activation pattern to t = 0 and ‖θ(t) − θ(0)‖₂.
     */
    public Frame(int index, long step, double t, double loss, double[] singularValues,
                 double[][] layerSingularValues, double kernelDistance, double balanceDrift, double sharpness,
                 double effectiveRank, int rank, double[] alignment, double[] effectiveWeight, double[][] weights,
                 double testLoss, double hamming, double parameterDistance) {
        this(index, step, t, loss, singularValues, layerSingularValues, kernelDistance, balanceDrift, sharpness,
                effectiveRank, rank, alignment, effectiveWeight, weights, testLoss, hamming, parameterDistance, null, Double.NaN);
    }

    private Frame(int index, long step, double t, double loss, double[] singularValues,
                  double[][] layerSingularValues, double kernelDistance, double balanceDrift, double sharpness,
                  double effectiveRank, int rank, double[] alignment, double[] effectiveWeight, double[][] weights,
                  double testLoss, double hamming, double parameterDistance, HessianSpectrum.Result hessian,
                  double layerChange) {
        this(index, step, t, loss, singularValues.clone(), deepCopy(layerSingularValues), kernelDistance, balanceDrift,
                sharpness, effectiveRank, rank, alignment == null ? new double[0] : alignment.clone(), effectiveWeight.clone(),
                deepCopy(weights), testLoss, hamming, parameterDistance, hessian, layerChange, OWNED);
    }

    /** marks the constructor that takes its arrays as they are: a frame's own (never handed out), or fresh copies */
    private enum Owned { OWNED }
    private static final Owned OWNED = Owned.OWNED;

    private Frame(int index, long step, double t, double loss, double[] singularValues,
                  double[][] layerSingularValues, double kernelDistance, double balanceDrift, double sharpness,
                  double effectiveRank, int rank, double[] alignment, double[] effectiveWeight, double[][] weights,
                  double testLoss, double hamming, double parameterDistance, HessianSpectrum.Result hessian,
                  double layerChange, Owned owned) {
        this.layerChange = layerChange;
        this.testLoss = testLoss;
        this.hamming = hamming;
        this.parameterDistance = parameterDistance;
        this.hessian = hessian;
        this.index = index;
        this.step = step;
        this.t = t;
        this.loss = loss;
        this.singularValues = singularValues;
        this.layerSingularValues = layerSingularValues;
        this.kernelDistance = kernelDistance;
        this.balanceDrift = balanceDrift;
        this.sharpness = sharpness;
        this.effectiveRank = effectiveRank;
        this.rank = rank;
        this.alignment = alignment;
        this.effectiveWeight = effectiveWeight;
        this.weights = weights;
    }

    /** this frame with the Hessian's spectrum at θ(t) */
    public Frame withHessian(HessianSpectrum.Result h) {
        // this frame's arrays are never handed out nor changed: the new frame shares them
        return new Frame(index, step, t, loss, singularValues, layerSingularValues, kernelDistance, balanceDrift,
                sharpness, effectiveRank, rank, alignment, effectiveWeight, weights, testLoss, hamming, parameterDistance, h,
                layerChange, OWNED);
    }

    /** this frame with max_ℓ ‖W_ℓ(t) − W_ℓ(0)‖_F */
    public Frame withLayerChange(double change) {
        return new Frame(index, step, t, loss, singularValues, layerSingularValues, kernelDistance, balanceDrift,
                sharpness, effectiveRank, rank, alignment, effectiveWeight, weights, testLoss, hamming, parameterDistance,
                hessian, change, OWNED);
    }

    private static double[][] deepCopy(double[][] a) {
        if (a == null) return null;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** position of this frame in the trajectory (0-based) */
    public int index() { return index; }
    /** integrator steps (gradient flow) or gradient-descent steps taken to reach this frame */
    public long step() { return step; }
    public double t() { return t; }
    /** ℒ(t) */
    public double loss() { return loss; }
    /** singular values of W_eff, descending, min(n_0, n_L) of them */
    public double[] singularValues() { return singularValues.clone(); }
    public double singularValue(int i) { return singularValues[i]; }
    public int modes() { return singularValues.length; }
    /** singular values of each layer W_ℓ (index ℓ−1), descending */
    public double[][] layerSingularValues() { return deepCopy(layerSingularValues); }
    /** S(0,t) = 1 − ⟨K_0, K_t⟩_F / (‖K_0‖_F ‖K_t‖_F) */
    public double kernelDistance() { return kernelDistance; }
    /** max_ℓ ‖D_ℓ(t) − D_ℓ(0)‖_F */
    public double balanceDrift() { return balanceDrift; }
    /** λ_max of the Hessian of ℒ, NaN when not computed */
    public double sharpness() { return sharpness; }
    public boolean hasSharpness() { return !Double.isNaN(sharpness); }
    public boolean hasHessian() { return hessian != null; }
    /** λ_min of the Hessian of ℒ in all parameters, NaN when not computed */
    public double hessianMin() { return hessian == null ? Double.NaN : hessian.min(); }
    /** the number of Hessian eigenvalues below −1e−9·max(1, |λ_max|), −1 when not computed */
    public int hessianIndex() { return hessian == null ? -1 : hessian.index(); }
    /** the lowest Hessian eigenvalues, ascending ({@link HessianSpectrum#BOTTOM} of them), empty when not computed */
    public double[] hessianBottom() { return hessian == null ? new double[0] : hessian.bottom(); }
    /** exp of the entropy of σ/Σσ (Roy–Vetterli effective rank) */
    public double effectiveRank() { return effectiveRank; }
    /** number of singular values of W_eff above half of the matching target singular value */
    public int rank() { return rank; }
    /** |⟨u_α(W_eff), u_α(T)⟩|·|⟨v_α(W_eff), v_α(T)⟩| per mode */
    public double[] alignment() { return alignment.clone(); }
    /** W_eff row-major (n_L × n_0) */
    public double[] effectiveWeight() { return effectiveWeight.clone(); }
    /** entry i of W_eff row-major (no copy of the whole) */
    public double effectiveWeight(int i) { return effectiveWeight[i]; }
    /**
     * W_ℓ row-major per layer (index ℓ−1), or null for networks above 200 parameters; for the piecewise-linear
     * family [W (h × d), aᵀ (1 × h)], or null above {@link #MAX_PIECEWISE_WEIGHT_PARAMETERS}
     */
    public double[][] weights() { return deepCopy(weights); }
    public boolean hasWeights() { return weights != null; }

    /** θ: the recorded layers of {@link #weights()} concatenated in the network's own order; null when not recorded */
    public double[] theta() {
        if (weights == null) return null;
        int n = 0;
        for (double[] w : weights) n += w.length;
        double[] theta = new double[n];
        int off = 0;
        for (double[] w : weights) { System.arraycopy(w, 0, theta, off, w.length); off += w.length; }
        return theta;
    }
    /**
     * max_ℓ ‖W_ℓ(t) − W_ℓ(0)‖_F over the layers (a frozen W_L does not move), NaN when not computed (piecewise family);
     * Marion &amp; Chizat's residual theorem bounds L times it
     */
    public double layerChange() { return layerChange; }
    /** ℒ on the test data, NaN when there is none */
    public double testLoss() { return testLoss; }
    public boolean hasTestLoss() { return !Double.isNaN(testLoss); }
    /** fraction of the n × h activation-pattern entries that differ from t = 0 (piecewise family; NaN otherwise) */
    public double hamming() { return hamming; }
    /** ‖θ(t) − θ(0)‖₂ over all parameters (piecewise family; NaN otherwise) */
    public double parameterDistance() { return parameterDistance; }
}
