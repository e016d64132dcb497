package org.dlnexplorer.model.objective;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.parallel.CorePair;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two-core gradient pass: the one-thread pass to rounding, the same digits whichever thread runs which chunk,
 * a true gradient, and only on large networks.
 */
class GradientSplitTest {
    /** evaluations repeat until the helper thread has taken chunks (it may be asleep or descheduled at first) */
    private static final long HELPER_WAIT_NANOS = 20_000_000_000L;
    /**
     * odd and even n_0 (column blocks of 1 … 32, scalar tiles and SIMD panels with a scalar rest), one-row
     * layers, depth 2 … 5, packed (≥ 48) and unpacked operands
     */
    private static final int[][] SHAPES = {{2, 3, 4}, {5, 7, 1, 9}, {12, 10, 6, 12}, {9, 40, 50, 7},
            {16, 16, 16, 16, 16}, {64, 48, 64}};

    private static Objective objective(Random rng, boolean whitened, int[] widths) {
        double[] rates = new double[widths.length - 1];
        for (int i = 0; i < rates.length; i++) rates[i] = 0.5 + rng.nextDouble();
        Network net = new Network(widths, rates);
        var t = Fixtures.randomMatrix(net.outputDim(), net.inputDim(), rng, 1.0);
        Task task = whitened ? Task.whitened(t) : Task.withCovariance(t, Fixtures.randomCovariance(net.inputDim(), rng));
        return new Objective(net, task, 0);   // split at any size
    }

    private static void assumeTwoCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && CorePair.available(), "two processors");
    }

    /** |a − b| ≤ ROUNDING · max(1, max|a|) entry by entry */
    private static void assertRounding(double[] expected, double[] actual, String what) {
        double scale = 1;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual[i], GradientSplit.ROUNDING * scale, what + " entry " + i);
    }

    @Test
    void twoCoresAgreeWithTheOneThreadPassToRoundingAndWithThemselvesBitForBit() {
        assumeTwoCores();
        Random rng = new Random(23);
        long helperBefore = CorePair.helperChunks();
        long start = System.nanoTime();
        for (int[] widths : SHAPES) {
            for (boolean whitened : new boolean[] {true, false}) {
                Objective f = objective(rng, whitened, widths);
                int n = f.parameterCount();
                double[] theta = Fixtures.randomVector(n, rng);
                double[] oneFlow = new double[n], oneGrad = new double[n];
                double oneLoss = CorePair.oneThread(() -> f.flowAndLoss(theta, oneFlow));
                CorePair.oneThread(() -> f.gradient(theta, oneGrad));
                String where = java.util.Arrays.toString(widths) + (whitened ? " whitened" : " Σxx");
                // the chunks in order on this thread: what any two-core evaluation must give bit for bit
                double[] aloneFlow = new double[n], aloneGrad = new double[n];
                f.splitAlone(theta, aloneFlow, true);
                f.splitAlone(theta, aloneGrad, false);
                assertRounding(oneFlow, aloneFlow, where + ": flow");
                assertRounding(oneGrad, aloneGrad, where + ": gradient");
                long before = CorePair.helperChunks();
                int evaluations = 0;
                do {
                    double[] flow = new double[n], grad = new double[n];
                    assertEquals(oneLoss, f.flowAndLoss(theta, flow), GradientSplit.ROUNDING * Math.max(1, oneLoss),
                            where + ": ℒ");
                    assertArrayEquals(aloneFlow, flow, where + ": flow");
                    f.gradient(theta, grad);
                    assertArrayEquals(aloneGrad, grad, where + ": gradient");
                    evaluations++;
                } while ((evaluations < 20 || CorePair.helperChunks() == before) && System.nanoTime() - start < HELPER_WAIT_NANOS);
            }
        }
        assertTrue(CorePair.helperChunks() > helperBefore, "the helper thread computed chunks");
    }

    @Test
    void twoCoreGradientMatchesCentralDifferences() {
        assumeTwoCores();
        Random rng = new Random(29);
        long start = System.nanoTime();
        for (int[] widths : new int[][] {{5, 7, 1, 9}, {4, 3, 5, 2, 3}, {12, 10, 6, 12}}) {
            for (boolean whitened : new boolean[] {true, false}) {
                Objective f = objective(rng, whitened, widths);
                double[] theta = Fixtures.randomVector(f.parameterCount(), rng);
                double[] g = new double[theta.length];
                long before;
                do {   // a gradient the helper thread took part in
                    before = CorePair.helperChunks();
                    f.gradient(theta, g);
                } while (CorePair.helperChunks() == before && System.nanoTime() - start < HELPER_WAIT_NANOS);
                assertTrue(CorePair.helperChunks() > before, "the helper computed part of this gradient");
                double scale = 0;
                for (double v : g) scale = Math.max(scale, Math.abs(v));
                for (int i = 0; i < theta.length; i++) {
                    double[] p = theta.clone(), m = theta.clone();
                    p[i] += ObjectiveDerivativesTest.FD_STEP;
                    m[i] -= ObjectiveDerivativesTest.FD_STEP;
                    double fd = (f.loss(p) - f.loss(m)) / (2 * ObjectiveDerivativesTest.FD_STEP);
                    assertEquals(fd, g[i], ObjectiveDerivativesTest.FD_RELATIVE_TOLERANCE * Math.max(1, scale),
                            java.util.Arrays.toString(widths) + " ∂ℒ/∂θ_" + i);
                }
            }
        }
    }

    @Test
    void aFrozenReadoutGetsAZeroGradientOnTwoCoresToo() {
        assumeTwoCores();
        Random rng = new Random(43);
        int[] widths = {12, 10, 6, 12};
        Network net = new Network(widths, null, org.dlnexplorer.model.core.Activation.LINEAR, true);
        Objective f = new Objective(net, Task.whitened(Fixtures.randomMatrix(12, 12, rng, 1.0)), 0);
        double[] theta = Fixtures.randomVector(f.parameterCount(), rng);
        double[] one = new double[theta.length];
        CorePair.oneThread(() -> f.flow(theta, one));
        long start = System.nanoTime(), before;
        double[] two = new double[theta.length];
        do {
            before = CorePair.helperChunks();
            java.util.Arrays.fill(two, Double.NaN);
            f.flow(theta, two);
            assertRounding(one, two, "frozen-readout flow");
        } while (CorePair.helperChunks() == before && System.nanoTime() - start < HELPER_WAIT_NANOS);
        assertTrue(CorePair.helperChunks() > before, "the helper computed part of this flow");
        for (int i = net.trainableCount(); i < two.length; i++) assertEquals(0.0, two[i], "frozen W_L entry " + i);
    }

    @Test
    void onlyNetworksLargeEnoughToGainAreSplit() {
        assertFalse(GradientSplit.pays(new Network(new int[] {4, 4, 4}), GradientSplit.MIN_WORK), "the peer's 2x4");
        assertFalse(GradientSplit.pays(new Network(new int[] {16, 16, 16, 16, 16}), GradientSplit.MIN_WORK), "4x16");
        assertTrue(GradientSplit.pays(new Network(new int[] {64, 64, 64, 64, 64, 64, 64, 64, 64}), GradientSplit.MIN_WORK),
                "8x64");
        assertFalse(GradientSplit.pays(new Network(new int[] {1, 500, 500, 1}), 0), "one input column: no blocks");
        assertFalse(GradientSplit.pays(new Network(new int[] {64, 64}), 0), "one layer: no chains");
    }
}
