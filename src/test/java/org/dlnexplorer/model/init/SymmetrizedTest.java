package org.dlnexplorer.model.init;

import org.dlnexplorer.model.core.Activation;
import org.dlnexplorer.model.core.Dataset;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The symmetrized start (Kunin et al. App. C) and the teacher task. */
class SymmetrizedTest {
    /** δ_k = init.delta up to round-off of quantities of size τ²α² */
    static final double DELTA_AGREEMENT = 1e-12;

    @Test
    void everyNeuronHasTheRequestedDeltaAndTheOutputIsZero() {
        Dataset data = TeacherTask.generate(3, 2, 25, 0, 4, Activation.RELU);
        for (double[] rates : new double[][] {{1, 1}, {0.3, 2.5}})
            for (double tau : new double[] {0.1, 1, 2})
                for (double delta : new double[] {-1, -0.3, 0, 0.5, 1, 4}) {
                    Network net = new Network(new int[] {3, 8, 1}, rates, Activation.RELU);
                    double[] th = Initializer.initialize(net, Task.fromDataset(data), Scheme.SYMMETRIZED, tau, delta, 9, null);
                    double a2 = Symmetrized.alphaSquared(tau, delta, rates[0], rates[1]);
                    for (int k = 0; k < 8; k++) {
                        double ww = 0;
                        for (int c = 0; c < 3; c++) ww += th[3 * k + c] * th[3 * k + c];
                        double a = th[24 + k];
                        assertEquals(delta, rates[0] * a * a - rates[1] * ww, DELTA_AGREEMENT * Math.max(1, tau * tau * a2));
                        // the base neuron is a unit row and a ±1 output weight, scaled by τ/α and τα
                        assertEquals(tau * tau / a2, ww, 1e-12 * tau * tau / a2);
                        assertEquals(tau * tau * a2, a * a, 1e-12 * tau * tau * a2);
                        int mirror = (k + 4) % 8;
                        assertEquals(-a, th[24 + mirror], 0.0);
                        for (int c = 0; c < 3; c++) assertEquals(th[3 * k + c], th[3 * mirror + c], 0.0);
                    }
                    double[] x = data.x();
                    for (int i = 0; i < 25; i++)
                        assertEquals(0.0, org.dlnexplorer.model.relu.PiecewiseNet.output(th, 3, 8, 0.0, x, 3 * i), 1e-15);
                }
    }

    @Test
    void theSeedsRelationWithoutTheSquareIsTheOneThatHolds() {
        // δ = τ²(α² − α⁻²) at unit rates: the seed's δ² = τ²(α² − α⁻²) would give δ = ±√(τ²(α² − α⁻²)) instead
        double tau = 0.5, delta = 0.8;
        double a2 = Symmetrized.alphaSquared(tau, delta, 1, 1);
        assertEquals(delta, tau * tau * (a2 - 1 / a2), 1e-14);
    }

    @Test
    void oddWidthIsRefused() {
        Network net = new Network(new int[] {2, 5, 1}, null, Activation.RELU);
        Dataset data = TeacherTask.generate(2, 1, 4, 0, 1, Activation.RELU);
        assertThrows(IllegalArgumentException.class,
                () -> Initializer.initialize(net, Task.fromDataset(data), Scheme.SYMMETRIZED, 1, 0, 1, null));
    }

    @Test
    void teacherInputsAndRowsAreUnitAndLabelsAreTheTeachersOutput() {
        Activation act = Activation.leaky(0.2);
        Dataset data = TeacherTask.generate(4, 3, 30, 12, 8, act);
        double[] w = data.teacher().weights(), a = data.teacher().output(), x = data.x(), y = data.y();
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, Math.abs(a[j]), 0.0);
            double s = 0;
            for (int c = 0; c < 4; c++) s += w[4 * j + c] * w[4 * j + c];
            assertEquals(1.0, s, 1e-14);
        }
        for (int i = 0; i < 30; i++) {
            double s = 0, f = 0;
            for (int c = 0; c < 4; c++) s += x[4 * i + c] * x[4 * i + c];
            assertEquals(1.0, s, 1e-14);
            for (int j = 0; j < 3; j++) {
                double z = 0;
                for (int c = 0; c < 4; c++) z += w[4 * j + c] * x[4 * i + c];
                f += a[j] * Math.max(z, 0.2 * z);
            }
            assertEquals(f, y[i], 1e-15);
        }
        assertEquals(12, data.testSamples());
        // the training set does not depend on how many test inputs follow
        assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(TeacherTask.generate(4, 3, 30, 0, 8, act).x()));
    }
}
