package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.LayerStructure;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Marion &amp; Chizat's lemma along simulated gradient flows, each side computed in the test from the frames' weights
 * by power iteration (not the SVD the product uses): rank one up to ε, top singular values within ε of each other
 * in square, consecutive layers aligned up to ε/σ².
 */
class LayerLemmaTest {
    /** the integrator's and the power iteration's error on the lemma's sides, relative to ε */
    static final double SLACK = 1e-6;
    static final int POWER_STEPS = 2000;

    /** {σ₁², top right singular vector} of the rows × cols matrix w, by power iteration on wᵀw */
    static double[][] top(int rows, int cols, double[] w) {
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1.0);
        double lambda = 0;
        for (int it = 0; it < POWER_STEPS; it++) {
            double[] wv = new double[rows], next = new double[cols];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) wv[i] += w[i * cols + j] * v[j];
            for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) next[j] += w[i * cols + j] * wv[i];
            double n = 0;
            for (double x : next) n += x * x;
            n = Math.sqrt(n);
            if (n == 0) return new double[][]{{0}, v};
            for (int j = 0; j < cols; j++) v[j] = next[j] / n;
            lambda = n;
        }
        return new double[][]{{lambda}, v};
    }

    /** the top left singular vector u = w v / ‖w v‖ */
    static double[] left(int rows, int cols, double[] w, double[] v) {
        double[] u = new double[rows];
        double n = 0;
        for (int i = 0; i < rows; i++) { for (int j = 0; j < cols; j++) u[i] += w[i * cols + j] * v[j]; n += u[i] * u[i]; }
        n = Math.sqrt(n);
        for (int i = 0; i < rows; i++) u[i] /= n;
        return u;
    }

    @Test
    void theLemmaHoldsAtEveryFrameOfSmallScaleFlows() {
        double[] pi = {1, 0.5, -0.5};
        for (long seed : new long[]{2, 7}) for (double scale : new double[]{1e-3, 0.05}) {
            Network net = new Network(3, 3, 3, 1);
            Task task = Task.whitened(new DMatrixRMaj(1, 3, true, pi));
            double[] theta = Initializer.initialize(net, task, Scheme.GAUSSIAN, scale, 0.0, seed, null);
            double eps = LayerLemma.epsilon(net, theta);
            assertNull(LayerLemma.whyNot(net, true));
            Trajectory tr = TheoryRun.run(EngineComparison.spec("lemma", net, task, theta, 60, 120));
            int[] w = tr.widths();
            for (Frame f : tr.frames()) {
                double[][] ws = f.weights();
                double[] s2 = new double[3];
                double[][] u = new double[3][], v = new double[3][];
                for (int l = 0; l < 3; l++) {
                    double[][] t = top(w[l + 1], w[l], ws[l]);
                    s2[l] = t[0][0];
                    v[l] = t[1];
                    u[l] = left(w[l + 1], w[l], ws[l], v[l]);
                    double f2 = 0;
                    for (double x : ws[l]) f2 += x * x;
                    assertTrue(f2 - s2[l] <= eps * (1 + SLACK), "rank one up to ε at t = " + f.t());
                }
                for (int k = 0; k < 3; k++) for (int j = 0; j < 3; j++)
                    assertTrue(Math.abs(s2[k] - s2[j]) <= eps * (1 + SLACK), "|σ_k² − σ_j²| ≤ ε at t = " + f.t());
                double[] band = LayerLemma.topBand(new double[]{Math.sqrt(s2[0]), Math.sqrt(s2[1]), Math.sqrt(s2[2])}, eps);
                for (double s : s2) assertTrue(Math.sqrt(s) >= band[0] * (1 - SLACK) && Math.sqrt(s) <= band[1] * (1 + SLACK));
                double[] a = LayerStructure.alignment(w, ws);
                for (int k = 0; k < 2; k++) {
                    double d = 0;
                    for (int i = 0; i < u[k].length; i++) d += v[k + 1][i] * u[k][i];
                    assertEquals(d * d, a[k], 1e-8, "the product's alignment at t = " + f.t());
                    assertTrue(d * d >= LayerLemma.alignmentBound(Math.sqrt(s2[k + 1]), eps) - SLACK,
                            "⟨v_{k+1}, u_k⟩² ≥ 1 − ε/σ² at t = " + f.t());
                }
            }
            // the flow ends rank one and aligned: the bound is informative at the end
            double[] end = LayerStructure.alignment(w, tr.last().weights());
            if (eps < 1e-3) for (double x : end) assertTrue(x > 0.99, "aligned at the end: " + x);
        }
    }

    @Test
    void theCorollarysHypothesisAndWhereTheLemmaDoesNotApply() {
        Network net = new Network(3, 3, 3, 1);
        assertEquals(32 * 3 * 0.01, LayerLemma.hypothesis(3, 1e-4), 1e-15);
        assertNotNull(LayerLemma.whyNot(net, false), "gradient descent");
        assertNotNull(LayerLemma.whyNot(new Network(3, 3, 2), true), "two outputs");
        assertNotNull(LayerLemma.whyNot(new Network(new int[]{3, 3, 1}, new double[]{1, 2}), true), "unequal rates");
        assertNotNull(LayerLemma.whyNot(new Network(3, 1), true), "one layer");
        assertArrayEquals(new double[]{Math.sqrt(4 - 0.5), Math.sqrt(1 + 0.5)}, LayerLemma.topBand(new double[]{1, 2}, 0.5), 1e-15);
        assertArrayEquals(new double[]{0, Math.sqrt(1 + 5)}, LayerLemma.topBand(new double[]{1, 2}, 5), 1e-15);
    }
}
