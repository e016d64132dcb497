package org.dlnexplorer.chart;

import java.util.Random;

/**
 * Small teacher–student runs of f(x) = aᵀReLU(Wx) for the view tests (Kunin et al. App. D, Fig. 1a setting at
 * toy size): teacher rows and inputs on the unit circle, symmetrized student scaled to (τ, δ) with
 * a_k² − ‖w_k‖² = δ, plain gradient descent on (1/2n)Σ(f − y)², frames at log-spaced times.
 */
final class ToyStudents {
    private ToyStudents() {}

    static StudentRun run(String label, double tau, double delta, int h, int n, int k, long seed, double tEnd,
                          double lr, int frames) {
        Random rnd = new Random(seed);
        int d = 2;
        double[] tw = new double[k * d], ta = new double[k];
        for (int j = 0; j < k; j++) {
            double phi = rnd.nextDouble() * 2 * Math.PI;
            tw[2 * j] = Math.cos(phi);
            tw[2 * j + 1] = Math.sin(phi);
            ta[j] = rnd.nextBoolean() ? 1 : -1;
        }
        double[] x = new double[n * d], y = new double[n];
        for (int i = 0; i < n; i++) {
            double phi = rnd.nextDouble() * 2 * Math.PI;
            x[2 * i] = Math.cos(phi);
            x[2 * i + 1] = Math.sin(phi);
            for (int j = 0; j < k; j++) y[i] += ta[j] * Math.max(0, tw[2 * j] * x[2 * i] + tw[2 * j + 1] * x[2 * i + 1]);
        }
        // a² − ‖w‖² = τ²(α² − α⁻²) = δ with a = τα, ‖w‖ = τ/α: α² = (δ/τ² + √(δ²/τ⁴ + 4))/2
        double r = delta / (tau * tau), alpha = Math.sqrt((r + Math.sqrt(r * r + 4)) / 2);
        double[] w = new double[h * d], a = new double[h];
        for (int q = 0; q < h / 2; q++) {
            double phi = rnd.nextDouble() * 2 * Math.PI;
            double s = rnd.nextBoolean() ? 1 : -1;
            for (int m : new int[] {q, q + h / 2}) {
                w[2 * m] = Math.cos(phi) * tau / alpha;
                w[2 * m + 1] = Math.sin(phi) * tau / alpha;
                a[m] = (m == q ? s : -s) * tau * alpha;
            }
        }
        double[] t = new double[frames];
        double[][] ws = new double[frames][], as = new double[frames][];
        long steps = Math.round(tEnd / lr);
        int next = 0;
        for (long step = 0; step <= steps && next < frames; step++) {
            double time = step * lr;
            double due = next == 0 ? 0 : tEnd * Math.pow(1e3, (double) (next - frames + 1) / (frames - 1));
            if (time >= due - 1e-12) {
                t[next] = time;
                ws[next] = w.clone();
                as[next] = a.clone();
                next++;
            }
            double[] gw = new double[h * d], ga = new double[h];
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int m = 0; m < h; m++) f += a[m] * Math.max(0, w[2 * m] * x[2 * i] + w[2 * m + 1] * x[2 * i + 1]);
                double rho = (f - y[i]) / n;
                for (int m = 0; m < h; m++) {
                    double z = w[2 * m] * x[2 * i] + w[2 * m + 1] * x[2 * i + 1];
                    if (z <= 0) continue;
                    ga[m] += rho * z;
                    gw[2 * m] += rho * a[m] * x[2 * i];
                    gw[2 * m + 1] += rho * a[m] * x[2 * i + 1];
                }
            }
            for (int m = 0; m < h; m++) a[m] -= lr * ga[m];
            for (int c = 0; c < h * d; c++) w[c] -= lr * gw[c];
        }
        for (int f = next; f < frames; f++) { t[f] = steps * lr; ws[f] = w.clone(); as[f] = a.clone(); }
        return new StudentRun(label, d, h, t, ws, as, x, y, k, tw, ta);
    }

    /** the four students of Fig. 1a on one teacher: (τ, δ) = (0.1, 0), (2, 0), (0.1, 1), (0.1, −1) */
    static java.util.List<StudentRun> fig1a(int h, double tEnd) {
        double[][] cfg = {{0.1, 0}, {2, 0}, {0.1, 1}, {0.1, -1}};
        java.util.List<StudentRun> out = new java.util.ArrayList<>();
        for (double[] c : cfg)
            out.add(run("τ = " + Fmt.num(c[0]) + ", δ = " + Fmt.num(c[1]), c[0], c[1], h, 20, 3, 7, tEnd, 0.01, 60));
        return out;
    }
}
