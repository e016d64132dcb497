package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** D_ℓ and δ from weights, checked against sums written out entry by entry and against the initializer's δ. */
class BalanceTest {
    /** round-off of a few n-term sums of O(1) products */
    static final double ROUND_OFF = 1e-13;
    /** how close D_1 must be to λI to count as λ-balanced here */
    static final double BALANCED = 1e-10;

    @Test
    void everyDEqualsItsEntryByEntrySum() {
        Random rng = new Random(4);
        Network net = new Network(new int[]{3, 4, 2, 5}, new double[]{1.0, 0.5, 2.0});
        DMatrixRMaj[] w = new DMatrixRMaj[3];
        for (int l = 1; l <= 3; l++) w[l - 1] = Fixtures.randomMatrix(net.rows(l), net.cols(l), rng, 1.0);
        DMatrixRMaj[] d = Balance.of(net, w);
        assertEquals(2, d.length);
        for (int l = 1; l < 3; l++) {
            int n = net.width(l);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    double up = 0, down = 0;   // (W_{ℓ+1}ᵀW_{ℓ+1})_ij and (W_ℓW_ℓᵀ)_ij
                    for (int k = 0; k < net.rows(l + 1); k++) up += w[l].get(k, i) * w[l].get(k, j);
                    for (int k = 0; k < net.cols(l); k++) down += w[l - 1].get(i, k) * w[l - 1].get(j, k);
                    assertEquals(net.rate(l) * up - net.rate(l + 1) * down, d[l - 1].get(i, j), ROUND_OFF, "D_" + l);
                }
        }
    }

    @Test
    void deltaOfALambdaBalancedStartIsTheInitializersDelta() {
        Task task = Task.whitened(Fixtures.diag(3, 3, 3, 2, 1));
        for (int depth : new int[]{2, 3, 4}) {
            int[] widths = new int[depth + 1];
            java.util.Arrays.fill(widths, 3);
            Network net = new Network(widths);
            for (double delta : new double[]{-2, 0, 0.75, 3}) {
                double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.05, delta, 1, null);
                double got = Balance.delta(net, Objective.layers(net, theta), BALANCED);
                assertEquals(delta, got, 1e-9, "L = " + depth + ", δ = " + delta);
            }
        }
    }

    @Test
    void anUnbalancedStartHasNoDelta() {
        Random rng = new Random(9);
        Network net = new Network(3, 4, 3);
        DMatrixRMaj[] w = {Fixtures.randomMatrix(4, 3, rng, 0.5), Fixtures.randomMatrix(3, 4, rng, 0.5)};
        assertTrue(Double.isNaN(Balance.delta(net, w, BALANCED)));
        assertTrue(Double.isNaN(Balance.delta(new Network(3, 3), new DMatrixRMaj[]{w[0]}, BALANCED)), "one layer");
    }

    @Test
    void theSingleNeuronDeltaIsItsOneByOneD() {
        Random rng = new Random(2);
        for (int trial = 0; trial < 5; trial++) {
            double etaW = 0.5 + rng.nextDouble(), etaA = 0.5 + rng.nextDouble();
            // f(x) = a wᵀx: W_1 = wᵀ (1 × 3), W_2 = a (1 × 1); D_1 = η_1 a² − η_2 ‖w‖² with η_1 = η_w, η_2 = η_a
            Network net = new Network(new int[]{3, 1, 1}, new double[]{etaW, etaA});
            double[] wv = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double a = rng.nextGaussian();
            DMatrixRMaj[] w = {new DMatrixRMaj(1, 3, true, wv), new DMatrixRMaj(1, 1, true, a)};
            double d1 = Balance.of(net, w)[0].get(0, 0);
            assertEquals(d1, Balance.singleNeuron(a, wv, etaW, etaA), ROUND_OFF);
            assertEquals(d1, Balance.delta(net, w, BALANCED), ROUND_OFF);
        }
    }
}
