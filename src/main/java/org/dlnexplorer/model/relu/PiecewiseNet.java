package org.dlnexplorer.model.relu;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.objective.Kernels;

/**
 * The two-layer piecewise-linear network f(x) = aᵀσ(Wx) on its training data (Kunin et al. §5, App. C):
 * W ∈ R^{h×d}, a ∈ R^h, σ(z) = max(z, γz), ℒ = (1/2n) Σ_i (f(x_i) − y_i)². θ is flat: W row-major, then a.
 * Loss and gradient use σ'(z) (γ at z = 0, as gradient descent does); the flow with a {@link Mode} holds the
 * activation pattern fixed (the smooth field of one region, or Filippov's sliding field on its surfaces).
 * Not thread-safe (work arrays); one instance per run and thread.
 */
public final class PiecewiseNet {
    private final int d, h, n;
    private final double gamma, etaW, etaA;
    private final double[] x, y;
    private final double[] xt;         // Xᵀ (d × n), for Z = W Xᵀ as one blocked product
    private final double[] z, rho, v;
    private final double[] drive, driveVec;   // R (h × n): ρ_i c_ki of every pair, and V = R X (h × dp)
    private final int dp;              // d rounded up to whole SIMD panels (X padded with zero columns)
    private final double[] xPadded;    // X (n × dp), so that V = R X has no scalar rest of columns
    private EscapeSearch escapes;   // made at the first collapsed neuron (its n × n Gram matrix)

    /** columns of two SIMD vectors (2 × 8 doubles with AVX-512): V = R X on whole panels, no scalar rest */
    private static final int PANEL = 16;

    public PiecewiseNet(Network net, Dataset data) {
        if (!net.isPiecewise()) throw new IllegalArgumentException("not a piecewise-linear network");
        if (data == null) throw new IllegalArgumentException("a piecewise-linear network trains on data");
        if (data.inputDim() != net.inputDim())
            throw new IllegalArgumentException("data has d = " + data.inputDim() + ", the network " + net.inputDim());
        this.d = net.inputDim();
        this.h = net.width(1);
        this.n = data.samples();
        this.gamma = net.activation().gamma();
        this.etaW = net.rate(1);
        this.etaA = net.rate(2);
        this.x = data.x();
        this.y = data.y();
        this.xt = new double[d * n];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) xt[c * n + i] = x[i * d + c];
        this.z = new double[h * n];
        this.rho = new double[n];
        this.v = new double[d];
        this.drive = new double[h * n];
        this.dp = d < PANEL ? d : (d + PANEL - 1) / PANEL * PANEL;
        this.xPadded = new double[n * dp];
        for (int i = 0; i < n; i++) System.arraycopy(x, i * d, xPadded, i * dp, d);
        this.driveVec = new double[h * dp];
    }

    public int inputDim() { return d; }
    public int hidden() { return h; }
    public int samples() { return n; }
    public double gamma() { return gamma; }
    public double etaW() { return etaW; }
    public double etaA() { return etaA; }
    public int parameterCount() { return h * d + h; }
    /** offset of a_k in θ */
    public int aOffset() { return h * d; }
    /** x_i (a copy) */
    public double[] input(int i) {
        double[] out = new double[d];
        System.arraycopy(x, i * d, out, 0, d);
        return out;
    }
    /** the training inputs, flat n × d (the live array: read only) */
    double[] inputs() { return x; }

    /** the mode of θ: every pair on the side its preactivation is on */
    public Mode modeOf(double[] theta) {
        preactivations(theta, z);
        return Mode.fromPreactivations(h, n, d, z);
    }

    /** x_i · x_j */
    public double inputDot(int i, int j) {
        double s = 0;
        for (int c = 0; c < d; c++) s += x[i * d + c] * x[j * d + c];
        return s;
    }

    /** z_ki = w_k · x_i into out[k·n + i]: Z = W Xᵀ (h × n), one blocked product */
    public void preactivations(double[] theta, double[] out) {
        Kernels.mult(1.0, theta, 0, xt, 0, out, 0, h, d, n);
    }

    /** z_ki = w_k · x_i for one pair */
    public double preactivation(double[] theta, int k, int i) {
        double s = 0;
        for (int c = 0; c < d; c++) s += theta[k * d + c] * x[i * d + c];
        return s;
    }

    /** ρ_i = Σ_k a_k c_ki z_ki − y_i with the slopes c of the mode (σ'(z) when mode is null); z filled first */
    private void residuals(double[] theta, Mode mode) {
        preactivations(theta, z);
        int ao = h * d;
        for (int i = 0; i < n; i++) rho[i] = -y[i];
        for (int k = 0; k < h; k++) {
            double ak = theta[ao + k];
            for (int i = 0; i < n; i++) {
                double zk = z[k * n + i];
                rho[i] += ak * slope(mode, k, i, zk) * zk;
            }
        }
    }

    private double slope(Mode mode, int k, int i, double zki) {
        if (mode == null) return zki > 0 ? 1.0 : gamma;
        int s = mode.side(k, i);
        return s > 0 ? 1.0 : s < 0 ? gamma : 1.0;   // a sliding pair has z ≈ 0: its slope does not matter
    }

    /** ℒ(θ) = (1/2n) Σ_i (f(x_i) − y_i)² */
    public double loss(double[] theta) {
        residuals(theta, null);
        double s = 0;
        for (int i = 0; i < n; i++) s += rho[i] * rho[i];
        return 0.5 * s / n;
    }

    /**
     * ∇ℒ into grad, ℒ returned: ∂ℒ/∂a_k = (1/n) Σ_i ρ_i σ(z_ki), ∂ℒ/∂w_k = (a_k/n) Σ_i ρ_i σ'(z_ki) x_i.
     */
    public double gradient(double[] theta, double[] grad) {
        residuals(theta, null);
        double s = 0;
        for (int i = 0; i < n; i++) s += rho[i] * rho[i];
        int ao = h * d;
        // R_ki = ρ_i σ'(z_ki); ∂ℒ/∂a_k = (1/n) Σ_i R_ki z_ki
        for (int k = 0; k < h; k++) {
            double ga = 0;
            for (int i = 0, ki = k * n; i < n; i++, ki++) {
                double zk = z[ki], r = rho[i] * (zk > 0 ? 1.0 : gamma);
                drive[ki] = r;
                ga += r * zk;
            }
            grad[ao + k] = ga / n;
        }
        // V = R X, ∂ℒ/∂w_k = (a_k/n) V_k
        Kernels.mult(1.0, drive, 0, xPadded, 0, driveVec, 0, h, n, dp);
        for (int k = 0; k < h; k++) {
            double ak = theta[ao + k] / n;
            for (int col = 0; col < d; col++) grad[k * d + col] = ak * driveVec[k * dp + col];
        }
        return 0.5 * s / n;
    }

    /**
     * dθ/dt in the mode: ȧ_k = −(η_a/n) Σ_i ρ_i c_ki z_ki, ẇ_k = −(η_w a_k/n) (I − P_k) Σ_{i not sliding} ρ_i c_ki x_i,
     * with P_k the projection onto the inputs neuron k slides on (Filippov's field: ẇ_k stays on every surface
     * w_k·x_i = 0 of its sliding set; the weights Filippov's convex combination gives are {@link #filippovSlopes}).
     */
    public void flow(double[] theta, Mode mode, double[] dtheta) {
        residuals(theta, mode);
        int ao = h * d;
        // R_ki = ρ_i c_ki (0 for a sliding pair); ȧ_k = −(η_a/n) Σ_i ρ_i c_ki z_ki (a sliding pair has z ≈ 0:
        // its own term, slope 1, is kept as before)
        for (int k = 0; k < h; k++) {
            double ga = 0;
            for (int i = 0, ki = k * n; i < n; i++, ki++) {
                int side = mode.side(k, i);
                double zk = z[ki], c = side < 0 ? gamma : 1.0;
                ga += rho[i] * c * zk;
                drive[ki] = side == 0 ? 0.0 : rho[i] * c;
            }
            dtheta[ao + k] = -etaA * ga / n;
        }
        // ξ'_k = Σ_{i not sliding} ρ_i c_ki x_i for every k at once: V = R X (h × d)
        Kernels.mult(1.0, drive, 0, xPadded, 0, driveVec, 0, h, n, dp);
        for (int k = 0; k < h; k++) {
            System.arraycopy(driveVec, k * dp, v, 0, d);
            mode.project(k, v);
            double f = -etaW * theta[ao + k] / n;
            for (int col = 0; col < d; col++) dtheta[k * d + col] = f * v[col];
        }
    }

    /** ξ'_k = Σ_{i not sliding} ρ_i c_ki x_i into v (residuals computed) */
    private void neuronDrive(int k, Mode mode) {
        java.util.Arrays.fill(v, 0.0);
        for (int i = 0; i < n; i++) {
            int s = mode.side(k, i);
            if (s == 0) continue;
            double r = rho[i] * (s > 0 ? 1.0 : gamma);
            int xi = i * d;
            for (int col = 0; col < d; col++) v[col] += r * x[xi + col];
        }
    }

    /**
     * The rate of change of z_ki = w_k·x_i under the mode with pair (k, i) given slope c (1: active side, γ:
     * inactive side), everything else as in the mode: x_i·ẇ_k = −(η_w a_k/n) x_i·(I − P_k)(ξ'_k + ρ_i c x_i).
     * Pair (k, i) must not be sliding in the mode.
     */
    public double surfaceRate(double[] theta, Mode mode, int k, int i, double c) {
        residuals(theta, mode);
        neuronDrive(k, mode);
        // remove pair (k, i)'s own term, then add it with slope c
        int s = mode.side(k, i);
        double own = rho[i] * ((s > 0 ? 1.0 : s < 0 ? gamma : 0.0) - c);
        for (int col = 0; col < d; col++) v[col] -= own * x[i * d + col];
        mode.project(k, v);
        double dot = 0;
        for (int col = 0; col < d; col++) dot += x[i * d + col] * v[col];
        return -etaW * theta[h * d + k] / n * dot;
    }

    /**
     * Filippov's slopes c_ki ∈ [γ, 1] (when the sliding is valid) of neuron k's sliding pairs, in the order of
     * {@link Mode#sliding(int)}: the convex combination of the two one-sided fields that keeps ẇ_k on every
     * surface, u = −G⁻¹ X_S ξ'_k with u_i = ρ_i c_ki. A pair with ρ_i = 0 (no jump) gets NaN.
     */
    public double[] filippovSlopes(double[] theta, Mode mode, int k) {
        residuals(theta, mode);
        return filippovSlopesPrepared(mode, k);
    }

    /** the residuals of θ in the mode, for {@link #filippovSlopesPrepared} on several neurons */
    public void prepare(double[] theta, Mode mode) { residuals(theta, mode); }

    /** {@link #filippovSlopes} with the residuals of the last {@link #prepare} */
    public double[] filippovSlopesPrepared(Mode mode, int k) {
        neuronDrive(k, mode);
        int[] s = mode.sliding(k);
        double[] u = mode.slidingCoefficients(k, v, x, d);
        double[] c = new double[s.length];
        for (int j = 0; j < s.length; j++) c[j] = rho[s[j]] == 0 ? Double.NaN : u[j] / rho[s[j]];
        return c;
    }

    /** how a collapsed neuron leaves the origin: the sides of its pairs, and the input it slides on (−1: none) */
    public record Escape(byte[] pattern, int slideOn) {}

    /**
     * For a neuron at w_k = 0: a way out of the origin, as gradient descent takes it. Inside a region: a pattern
     * c (±1 per input) whose field u = −(η_w a_k/n) Σ_i ρ_i c_i x_i has sign(u·x_i) = c_i for every i; or along one
     * surface w·x_s = 0: the field projected onto it, consistent with the pattern of the other inputs, with
     * Filippov's slope for s in [γ, 1]. Found by fixed-point iteration c ← sign(u(c)·x) from all-active,
     * all-inactive and each ±x_j's pattern; null when none is consistent (the origin holds the neuron).
     */
    public Escape escape(double[] theta, Mode mode, int k) {
        residuals(theta, mode);
        double ak = theta[h * d + k];
        if (ak == 0) return null;
        if (escapes == null) escapes = new EscapeSearch(n, d, gamma, etaW, x, this);
        return escapes.find(rho, ak);
    }

    /** an escape direction this close to an input's surface (relative) is not taken: it would slide at once */
    public static final double ESCAPE_MARGIN = 1e-9;

    /** f(x) on one input row (for tests and test loss) */
    public static double output(double[] theta, int d, int h, double gamma, double[] xs, int offset) {
        double f = 0;
        for (int k = 0; k < h; k++) {
            double zk = 0;
            for (int c = 0; c < d; c++) zk += theta[k * d + c] * xs[offset + c];
            f += theta[h * d + k] * (zk > 0 ? zk : gamma * zk);
        }
        return f;
    }
}
