package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Observables;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ConservationTest {
    /** SPEC §4: the adaptive engine keeps every D_ℓ within 1e-8 */
    static final double FLOW_DRIFT_BOUND = 1e-8;
    static final double BALANCE_TOLERANCE = 1e-12;

    @Test
    void gradientFlowConservesEveryBalanceMatrix() {
        Random rng = new Random(1);
        int[][] shapes = {{2, 2, 2}, {3, 5, 4, 2}, {4, 4, 4, 4, 4}, {2, 1, 1}};
        for (int[] widths : shapes) {
            double[] rates = new double[widths.length - 1];
            for (int i = 0; i < rates.length; i++) rates[i] = 0.5 + rng.nextDouble();
            Network net = new Network(widths, rates);
            Task task = Task.whitened(Fixtures.randomMatrix(net.outputDim(), net.inputDim(), rng, 1.5));
            SimulationSpec spec = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.5, 0.3, 2, Method.GRADIENT_FLOW, 5.0, 26, 0);
            Trajectory tr = Simulation.simulate(spec);
            assertTrue(tr.complete());
            for (Frame f : tr.frames()) assertTrue(f.balanceDrift() <= FLOW_DRIFT_BOUND, "drift " + f.balanceDrift());
            assertTrue(tr.last().loss() < tr.frames().get(0).loss());
        }
    }

    @Test
    void largeStepGradientDescentVisiblyBreaksBalance() {
        Random rng = new Random(2);
        Network net = new Network(3, 3, 3);
        Task task = Task.whitened(Fixtures.randomMatrix(3, 3, rng, 1.0));
        SimulationSpec spec = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.5, 0.0, 2, Method.GRADIENT_DESCENT, 5.0, 26, 0.1);
        Trajectory tr = Simulation.simulate(spec);
        assertFalse(tr.diverged());
        assertTrue(tr.last().balanceDrift() > 1e-3, "drift " + tr.last().balanceDrift());
    }

    @Test
    void lambdaBalancedInitsHaveDEqualToLambdaTimesIdentity() {
        Random rng = new Random(3);
        for (int depth = 2; depth <= 5; depth++) {
            int[] widths = new int[depth + 1];
            java.util.Arrays.fill(widths, 3);
            Network net = new Network(widths);
            Task task = Task.whitened(Fixtures.randomMatrix(3, 3, rng, 1.0));
            for (double delta : new double[]{-2.0, 0.0, 1.5}) {
                double lambda = delta / (depth - 1);
                for (Scheme scheme : new Scheme[]{Scheme.ORTHOGONAL, Scheme.ALIGNED}) {
                    double[] theta = Initializer.initialize(net, task, scheme, 0.7, delta, 5, null);
                    Observables obs = new Observables(net, task, new Objective(net, task), false);
                    DMatrixRMaj[] d = obs.balance(Objective.layers(net, theta));
                    for (DMatrixRMaj dl : d)
                        for (int i = 0; i < 3; i++)
                            for (int j = 0; j < 3; j++)
                                assertEquals(i == j ? lambda : 0.0, dl.get(i, j), BALANCE_TOLERANCE,
                                        scheme + " depth " + depth + " δ " + delta);
                    // and the overall scale: ‖W_eff‖ singular values all τ for square orthogonal/aligned
                    var weff = new DMatrixRMaj(3, 3);
                    new Objective(net, task).effectiveWeight(theta, weff);
                    for (double s : Task.singularValues(weff)) assertEquals(0.7, s, 1e-12);
                }
            }
        }
    }

    @Test
    void twoLayerGainsMatchTheSpecClosedForm() {
        for (double delta : new double[]{-3, -0.5, 0, 0.5, 3}) {
            double tau = 0.4;
            double[] g = org.dlnexplorer.model.init.LayerGains.squaredGains(new Network(2, 2, 2), tau, delta);
            assertEquals((-delta + Math.sqrt(delta * delta + 4 * tau * tau)) / 2, g[0], 1e-14);
            assertEquals((delta + Math.sqrt(delta * delta + 4 * tau * tau)) / 2, g[1], 1e-14);
        }
    }
}
