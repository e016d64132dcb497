package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seed 002 §4 (deep linear networks) checked from the seed's statements, with plain-array computations written
 * here (not the model's): Lemma 13 along gradient-flow runs of the engine, Lemma 14's M against the engine's own
 * vector field, Definition 12 kept by the flow.
 */
class DeepIsotropicTest {
    /** Lemma 13 holds along the engine's gradient flow to this relative error (the 1e−9) */
    static final double LEMMA_13 = 1e-9;
    /** β̇ from a central difference of the flow against −M Σxx(β − β*) */
    static final double LEMMA_14 = 1e-7;

    @Test
    void lemma13HoldsAlongGradientFlowRuns() {
        Random r = new Random(13);
        int frames = 0;
        for (int k = 0; k < 14; k++) {
            int d = 2 + r.nextInt(3), seedL = 1 + r.nextInt(4);
            Network net = net(d, seedL);
            Task task = randomTask(d, 1 + r.nextInt(d), r);
            double delta = -Math.exp(-5 + 5 * r.nextDouble()), tau = Math.exp(-3 + 3 * r.nextDouble());
            double[] theta0 = Initializer.initialize(net, task, Scheme.ISOTROPIC, tau, delta, k, null);
            SimulationSpec spec = SimulationSpec.builder(net, task, theta0).scheme(Scheme.ISOTROPIC).method(Method.GRADIENT_FLOW)
                    .grid(4.0, 9).tolerances(1e-11, 1e-13).build();
            Trajectory tr = Simulation.simulate(spec);
            for (Frame f : tr.frames()) {
                double[][] w = f.weights();
                double[] a = w[seedL];
                double[][] w1 = rows(w[0], d);
                double a2 = dot(a, a);
                double[] beta = f.effectiveWeight();
                double b2 = dot(beta, beta);
                double lhs = a2 * Math.pow(a2 - delta, seedL);
                assertEquals(lhs, b2, LEMMA_13 * Math.max(b2, a2 * Math.pow(a2 + Math.abs(delta), seedL)), "‖β‖², case " + k);
                // ββᵀ = G^{L+1} + δG^L, G = W_1ᵀW_1
                double[][] g = gram(w1), gl = pow(g, seedL), gl1 = mul(gl, g);
                double scale = norm(gl1) + Math.abs(delta) * norm(gl);
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                        assertEquals(gl1[i][j] + delta * gl[i][j], beta[i] * beta[j], LEMMA_13 * scale, "ββᵀ, case " + k);
                frames++;
            }
        }
        assertTrue(frames > 100);
    }

    @Test
    void lemma14PreconditionerIsTheFlowOfBeta() {
        Random r = new Random(14);
        for (int k = 0; k < 30; k++) {
            int d = 2 + r.nextInt(3), seedL = 1 + r.nextInt(5);
            Network net = net(d, seedL);
            Task task = randomTask(d, 1 + r.nextInt(d), r);
            double delta = k % 4 == 0 ? 0 : -Math.exp(-4 + 4 * r.nextDouble());
            double[] theta = Initializer.initialize(net, task, Scheme.ISOTROPIC, Math.exp(-2 + 2.5 * r.nextDouble()), delta, k, null);
            Objective obj = new Objective(net, task);
            double[] flow = new double[theta.length];
            obj.flow(theta, flow);
            // β̇ = dβ/dθ · θ̇ by a central difference along the flow's direction
            double h = 1e-6;
            double[] plus = theta.clone(), minus = theta.clone();
            for (int i = 0; i < theta.length; i++) { plus[i] += h * flow[i]; minus[i] -= h * flow[i]; }
            double[] bp = betaOf(obj, plus, d), bm = betaOf(obj, minus, d), beta = betaOf(obj, theta, d);
            DMatrixRMaj[] w = DeepIsotropic.layers(d, seedL, theta);
            DMatrixRMaj m = DeepIsotropic.preconditioner(w, DeepIsotropic.isotropy(w).delta());
            // ∂ℒ/∂β = Σxx(β − β*)
            double[] err = new double[d];
            double[] bs = task.target().data;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) err[i] += task.sigmaXX().get(i, j) * (beta[j] - bs[j]);
            double scale = 0;
            for (int i = 0; i < d; i++) {
                double predicted = 0;
                for (int j = 0; j < d; j++) predicted -= m.get(i, j) * err[j];
                double fd = (bp[i] - bm[i]) / (2 * h);
                scale = Math.max(scale, Math.abs(fd));
                assertEquals(fd, predicted, LEMMA_14 * Math.max(1e-3, Math.abs(fd)) + 1e-9, "β̇_" + i + ", case " + k);
            }
        }
    }

    static Network net(int d, int seedL) {
        int[] widths = new int[seedL + 2];
        java.util.Arrays.fill(widths, d);
        widths[seedL + 1] = 1;
        return new Network(widths, null);
    }

    /** β* ~ N(0, I), Σxx = XᵀX/n with n rows (rank n when n < d) */
    static Task randomTask(int d, int n, Random r) {
        double[] bs = new double[d];
        for (int i = 0; i < d; i++) bs[i] = r.nextGaussian();
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (double[] row : x) v += row[i] * row[j];
                s.set(i, j, v / n);
            }
        return Task.withCovariance(new DMatrixRMaj(1, d, true, bs), s);
    }

    private static double[] betaOf(Objective obj, double[] theta, int d) {
        DMatrixRMaj out = new DMatrixRMaj(1, d);
        obj.effectiveWeight(theta, out);
        return out.data.clone();
    }

    static double[][] rows(double[] flat, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) System.arraycopy(flat, i * d, m[i], 0, d);
        return m;
    }

    static double[][] gram(double[][] w) {
        int d = w.length;
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) g[i][j] += w[k][i] * w[k][j];
        return g;
    }

    static double[][] mul(double[][] x, double[][] y) {
        int d = x.length;
        double[][] z = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) z[i][j] += x[i][k] * y[k][j];
        return z;
    }

    static double[][] pow(double[][] g, int p) {
        int d = g.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) r[i][i] = 1;
        for (int i = 0; i < p; i++) r = mul(r, g);
        return r;
    }

    static double norm(double[][] m) {
        double s = 0;
        for (double[] row : m) for (double v : row) s += v * v;
        return Math.sqrt(s);
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
