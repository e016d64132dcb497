package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Marion &amp; Chizat (seed 003), translated to this product's loss ℒ = ½ tr((W − T)Σxx(W − T)ᵀ): their
 * R = (1/n)‖y − Xw‖² is 2ℒ, so every sharpness of theirs is twice ours, and their GD step on R with rate η_R
 * is our step with η = 2η_R. Scalar-output networks (n_L = 1), π* the regressor, Σ = Σxx with extreme
 * eigenvalues λ, Λ, a = π̂*ᵀ Σ π̂*.
 */
public final class MarionChizat {
    private MarionChizat() {}

    /**
     * Gradient-descent stability threshold: near a minimizer GD with step η (on ℒ) is stable iff the
     * sharpness S = λ_max(∇²ℒ) &lt; 2/η (a quadratic's descent lemma; seed 003 "Learning rate and sharpness").
     */
    public static double stabilityThreshold(double eta) { return 2.0 / eta; }

    /** The largest step size that can converge to a minimizer of sharpness S: η &lt; 2/S. */
    public static double criticalLearningRate(double minimalSharpness) { return 2.0 / minimalSharpness; }

    /** a = π̂ᵀ Σ π̂ */
    public static double alignment(double[] pi, DMatrixRMaj sigma) {
        double n2 = NeuronFlow.dot(pi, pi);
        double s = 0;
        for (int i = 0; i < pi.length; i++) for (int j = 0; j < pi.length; j++) s += pi[i] * sigma.get(i, j) * pi[j];
        return s / n2;
    }

    /**
     * Lower bound on the sharpness of every minimizer, in our ℒ: S_min ≥ L a ‖π*‖^{2−2/L}
     * (seed 003: 2‖w*‖^{2−2/L} L a for R = 2ℒ, p = 1; the slide's "S_min ∼ 2La‖π*‖²" drops the exponent
     * and is only right for ‖π*‖ = 1).
     */
    public static double sharpnessLowerBound(int depth, double[] pi, DMatrixRMaj sigma) {
        double n = Math.sqrt(NeuronFlow.dot(pi, pi));
        return depth * alignment(pi, sigma) * Math.pow(n, 2.0 - 2.0 / depth);
    }

    /** Upper bound on the minimal sharpness, in our ℒ: ‖π*‖^{2−2/L} √((2L−1)Λ² + (L−1)²a²) (half of seed 003's). */
    public static double sharpnessUpperBound(int depth, double[] pi, DMatrixRMaj sigma) {
        double n = Math.sqrt(NeuronFlow.dot(pi, pi));
        double a = alignment(pi, sigma);
        double big = eigenvalues(sigma)[1];
        return Math.pow(n, 2.0 - 2.0 / depth) * Math.sqrt((2 * depth - 1) * big * big + (depth - 1.0) * (depth - 1.0) * a * a);
    }

    /**
     * Exact sharpness of the balanced rank-one minimizer (every σ_k = ‖π*‖^{1/L}, aligned): at a minimizer the
     * Hessian is JᵀΣJ with JJᵀ = ‖π‖^{2−2/L}(I + (L−1)π̂π̂ᵀ), so S = ‖π‖^{2−2/L} λ_max(Σ + (L−1) z zᵀ),
     * z = Σ^{1/2}π̂. Whitened: S = L‖π‖^{2−2/L} = the minimal sharpness (equals the lower bound).
     */
    public static double balancedMinimizerSharpness(int depth, double[] pi, DMatrixRMaj sigma) {
        int d = pi.length;
        double n = Math.sqrt(NeuronFlow.dot(pi, pi));
        DMatrixRMaj root = org.dlnexplorer.model.core.Task.symmetricSqrt(sigma);
        double[] z = new double[d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) z[i] += root.get(i, j) * pi[j] / n;
        DMatrixRMaj m = sigma.copy();
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) m.add(i, j, (depth - 1.0) * z[i] * z[j]);
        return Math.pow(n, 2.0 - 2.0 / depth) * eigenvalues(m)[1];
    }

    /**
     * The balanced rank-one minimizer for widths n_0 = d, …, n_L = 1: W_1 = σ e₁π̂ᵀ, W_ℓ = σ e₁e₁ᵀ,
     * W_L = σ e₁ᵀ, σ = ‖π‖^{1/L}; returns θ.
     */
    public static double[] balancedMinimizer(Network net, double[] pi) {
        int depth = net.depth();
        double n = Math.sqrt(NeuronFlow.dot(pi, pi));
        double sigma = Math.pow(n, 1.0 / depth);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj m = new DMatrixRMaj(net.rows(l), net.cols(l));
            if (l == 1) for (int j = 0; j < m.numCols; j++) m.set(0, j, sigma * pi[j] / n);
            else m.set(0, 0, sigma);
            w[l - 1] = m;
        }
        return Objective.flatten(net, w);
    }

    /**
     * Initialization scale of the small-scale theorem: ε = 3 max_k ‖W_k(0)‖_F² + 2 Σ_k ‖W_kW_kᵀ − W_{k+1}ᵀW_{k+1}‖₂.
     */
    public static double smallScaleEpsilon(Network net, double[] theta) {
        DMatrixRMaj[] w = Objective.layers(net, theta);
        double maxF = 0, sum = 0;
        for (DMatrixRMaj m : w) {
            double f = 0;
            for (double x : m.data) f += x * x;
            maxF = Math.max(maxF, f);
        }
        for (int k = 0; k + 1 < w.length; k++) {
            int n = w[k].numRows;
            DMatrixRMaj a = new DMatrixRMaj(n, n), b = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(w[k], w[k], a);
            CommonOps_DDRM.multTransA(w[k + 1], w[k + 1], b);
            CommonOps_DDRM.subtractEquals(a, b);
            sum += spectralNorm(a);
        }
        return 3 * maxF + 2 * sum;
    }

    /** Small-scale corollary: every layer's top singular value lies in [(‖π*‖/2)^{1/L}, (2‖π*‖)^{1/L}]. */
    public static double[] smallScaleSingularValueBounds(double piNorm, int depth) {
        return new double[]{Math.pow(piNorm / 2, 1.0 / depth), Math.pow(2 * piNorm, 1.0 / depth)};
    }

    /** Small-scale corollary: 1 ≤ S(W_SI)/S_min ≤ 4Λ/λ (full-rank Σ). */
    public static double smallScaleSharpnessRatioBound(DMatrixRMaj sigma) {
        double[] e = eigenvalues(sigma);
        return 4 * e[1] / e[0];
    }

    /** Residual initialization W_k = I + s/√(L d) N_k: the per-entry standard deviation s/√(L d). */
    public static double residualPerturbationScale(double s, int depth, int width) {
        return s / Math.sqrt((double) depth * width);
    }

    /**
     * Residual-initialization prediction W_k(∞) = W_k(0) + θ_k/L with ‖θ_k‖_F ≤ C (seed 003, "Gradient flow from a
     * residual initialization"): returns max_k L·‖W_k(t) − W_k(0)‖_F, which the theorem bounds independently of L.
     */
    public static double residualScaledChange(Network net, double[] theta0, double[] theta) {
        double worst = 0;
        for (int l = 1; l <= net.depth(); l++) {
            double s = 0;
            int off = net.offset(l), n = net.rows(l) * net.cols(l);
            for (int i = 0; i < n; i++) { double d = theta[off + i] - theta0[off + i]; s += d * d; }
            worst = Math.max(worst, Math.sqrt(s));
        }
        return net.depth() * worst;
    }

    /** {λ_min, λ_max} of a symmetric matrix */
    static double[] eigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
        if (!eig.decompose(m.copy())) throw new IllegalStateException("eigen-decomposition failed");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.numRows; i++) {
            double v = eig.getEigenvalue(i).real;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[]{lo, hi};
    }

    private static double spectralNorm(DMatrixRMaj m) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        if (!svd.decompose(m.copy())) throw new IllegalStateException("SVD failed");
        double max = 0;
        for (double s : svd.getSingularValues()) max = Math.max(max, s);
        return max;
    }
}
