package org.dlnexplorer.model.relu;

import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.observe.Frame;

/**
 * A {@link Frame} of the two-layer piecewise-linear network (issue #13): ℒ, the test loss, the kernel
 * distance S(0, t) of the empirical NTK over the training inputs,
 * K_ij = Σ_k c_ki c_kj x_iᵀ(η_w a_k² I + η_a w_k w_kᵀ)x_j with c_ki = σ'(w_k·x_i) (Kunin et al. §5), the Hamming
 * distance of the activation pattern to t = 0, ‖θ(t) − θ(0)‖₂, max_k |δ_k(t) − δ_k(0)| with
 * δ_k = η_w a_k² − η_a‖w_k‖², and [W, aᵀ] when small. One instance per run and thread.
 */
public final class PiecewiseObservables {
    private final PiecewiseNet net;
    private final int d, h, n, m;
    private final double gamma, etaW, etaA;
    private final double[] gram;           // x_i·x_j, upper triangle used
    private final double[] testX, testY;
    private final double[] z, kernel;
    private double[] theta0, kernel0, delta0;
    private boolean[] pattern0;
    private double kernelNorm0;

    public PiecewiseObservables(Network network, Dataset data) {
        this.net = new PiecewiseNet(network, data);
        this.d = net.inputDim();
        this.h = net.hidden();
        this.n = net.samples();
        this.m = data.testSamples();
        this.gamma = net.gamma();
        this.etaW = net.etaW();
        this.etaA = net.etaA();
        this.testX = data.testX();
        this.testY = data.testY();
        this.gram = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) gram[i * n + j] = net.inputDot(i, j);
        this.z = new double[h * n];
        this.kernel = new double[n * n];
    }

    /** Records the t = 0 references; call with θ(0) before the first frame. */
    public void setInitial(double[] theta) {
        theta0 = theta.clone();
        kernel0 = new double[n * n];
        kernelNorm0 = Math.sqrt(ntk(theta, kernel0));
        delta0 = deltas(theta);
        pattern0 = new boolean[h * n];
        net.preactivations(theta, z);
        for (int j = 0; j < h * n; j++) pattern0[j] = z[j] > 0;
    }

    public Frame frame(int index, long step, double t, double[] theta) {
        double loss = net.loss(theta);
        double normK = Math.sqrt(ntk(theta, kernel));
        double inner = innerUpper(kernel0, kernel);
        double denom = kernelNorm0 * normK;
        double kernelDistance = denom > 0 ? Math.min(1.0, Math.max(0.0, 1.0 - inner / denom)) : 0.0;
        net.preactivations(theta, z);
        int differ = 0;
        for (int j = 0; j < h * n; j++) if ((z[j] > 0) != pattern0[j]) differ++;
        double hamming = (double) differ / (h * n);
        double dist = 0;
        for (int j = 0; j < theta.length; j++) dist += (theta[j] - theta0[j]) * (theta[j] - theta0[j]);
        double[] delta = deltas(theta);
        double drift = 0;
        for (int k = 0; k < h; k++) drift = Math.max(drift, Math.abs(delta[k] - delta0[k]));
        double[][] weights = null;
        if (theta.length <= Frame.MAX_PIECEWISE_WEIGHT_PARAMETERS) {
            double[] w = new double[h * d], a = new double[h];
            System.arraycopy(theta, 0, w, 0, h * d);
            System.arraycopy(theta, h * d, a, 0, h);
            weights = new double[][] {w, a};
        }
        return new Frame(index, step, t, loss, new double[0], new double[0][], kernelDistance, drift, Double.NaN,
                Double.NaN, 0, null, new double[0], weights, m > 0 ? testLoss(theta) : Double.NaN, hamming,
                Math.sqrt(dist));
    }

    /** δ_k = η_w a_k² − η_a ‖w_k‖² for every neuron */
    public double[] deltas(double[] theta) {
        double[] out = new double[h];
        for (int k = 0; k < h; k++) {
            double ww = 0;
            for (int c = 0; c < d; c++) ww += theta[k * d + c] * theta[k * d + c];
            double a = theta[h * d + k];
            out[k] = etaW * a * a - etaA * ww;
        }
        return out;
    }

    /** (1/2m) Σ_j (f(x'_j) − y'_j)² over the test data */
    public double testLoss(double[] theta) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            double r = PiecewiseNet.output(theta, d, h, gamma, testX, j * d) - testY[j];
            s += r * r;
        }
        return 0.5 * s / m;
    }

    /** the NTK's upper triangle into out; returns ‖K‖_F² */
    double ntk(double[] theta, double[] out) {
        net.preactivations(theta, z);
        java.util.Arrays.fill(out, 0.0);
        double[] c = new double[n], u = new double[n];
        for (int k = 0; k < h; k++) {
            double a = theta[h * d + k], alpha = etaW * a * a;
            for (int i = 0; i < n; i++) {
                double zk = z[k * n + i];
                c[i] = zk > 0 ? 1.0 : gamma;
                u[i] = c[i] * zk;
            }
            // K_ij += c_ki c_kj (η_w a_k² x_i·x_j + η_a z_ki z_kj)
            for (int i = 0; i < n; i++) {
                double ci = c[i], ui = u[i];
                if (ci == 0) continue;
                int row = i * n;
                for (int j = i; j < n; j++) out[row + j] += ci * c[j] * alpha * gram[row + j] + etaA * ui * u[j];
            }
        }
        return innerUpper(out, out);
    }

    /** the NTK K (n × n, full) at θ, for tests and views */
    public double[] kernel(double[] theta) {
        double[] k = new double[n * n];
        ntk(theta, k);
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) k[i * n + j] = k[j * n + i];
        return k;
    }

    /** ⟨A, B⟩_F of two symmetric matrices from their upper triangles */
    private double innerUpper(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            s += a[row + i] * b[row + i];
            double off = 0;
            for (int j = i + 1; j < n; j++) off += a[row + j] * b[row + j];
            s += 2 * off;
        }
        return s;
    }
}
