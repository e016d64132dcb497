package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.parallel.CorePair;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Dormand–Prince with its elementwise loops on two cores: the one-thread run bit for bit (the gradient's split
 * sums: to rounding), and every two-core run the same.
 */
class DormandPrinceSplitTest {
    private static final double RTOL = 1e-6, ATOL = 1e-6;
    /** how far the gradient's last-bit differences (two column halves) may carry a short run's weights (|θ| < 1) */
    private static final double ROUNDING_GROWTH = 1e-12;

    private record Run(List<double[]> states, long steps, long evaluations) {}

    private static Run integrate(VectorField f, double[] y0, double[] grid) {
        List<double[]> states = new ArrayList<>();
        IntegrationResult r = new DormandPrince54(y0.length).integrate(f, y0, grid, RTOL, ATOL,
                (i, t, y, steps) -> states.add(y.clone()));
        assertTrue(r.completed());
        return new Run(states, r.steps(), r.evaluations());
    }

    private static void assertSameRun(Run one, Run two) {
        assertEquals(one.steps(), two.steps(), "accepted steps");
        assertEquals(one.evaluations(), two.evaluations(), "evaluations");
        assertEquals(one.states().size(), two.states().size());
        for (int i = 0; i < one.states().size(); i++) assertArrayEquals(one.states().get(i), two.states().get(i), "frame " + i);
    }

    @Test
    void anElementwiseFieldIntegratesTheSameOnTwoCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && CorePair.available(), "two processors");
        int n = DormandPrince54.SPLIT_MIN_LENGTH + 13;   // halves of unequal length
        Random rng = new Random(31);
        double[] rate = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = 0.1 + 3 * rng.nextDouble();
            y0[i] = rng.nextGaussian();
        }
        // dy_i/dt = −a_i y_i + sin(y_i): no threads inside the field, so only the integrator's loops are split
        VectorField f = (y, dy) -> {
            for (int i = 0; i < n; i++) dy[i] = -rate[i] * y[i] + Math.sin(y[i]);
        };
        double[] grid = {0, 0.5, 1.0, 2.0};
        Run one = CorePair.oneThread(() -> integrate(f, y0, grid));
        long before = CorePair.helperChunks();
        Run two = integrate(f, y0, grid);
        assertSameRun(one, two);
        assertTrue(CorePair.helperChunks() > before || retriedWithHelper(f, y0, grid, one),
                "the helper thread took loops");
    }

    /** reruns until the helper has taken part (it may be descheduled on a busy machine), each run the same */
    private static boolean retriedWithHelper(VectorField f, double[] y0, double[] grid, Run one) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            long before = CorePair.helperChunks();
            assertSameRun(one, integrate(f, y0, grid));
            if (CorePair.helperChunks() > before) return true;
        }
        return false;
    }

    @Test
    void aLargeNetworksGradientFlowIsTheSameOnTwoCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && CorePair.available(), "two processors");
        // 5 × 64: 20 480 unknowns (split loops) and a gradient above the split threshold
        int[] widths = {64, 64, 64, 64, 64, 64};
        Network net = new Network(widths);
        Random rng = new Random(37);
        var target = org.dlnexplorer.model.Fixtures.randomMatrix(64, 64, rng, 1.0);
        Objective objective = new Objective(net, Task.whitened(target));
        double[] y0 = org.dlnexplorer.model.Fixtures.randomVector(net.parameterCount(), rng);
        for (int i = 0; i < y0.length; i++) y0[i] *= 0.15;
        VectorField f = objective::flow;
        double[] grid = {0, 0.25, 0.5};
        Run one = CorePair.oneThread(() -> integrate(f, y0, grid));
        long before = CorePair.helperChunks();
        Run two = integrate(f, y0, grid);
        // the gradient's column sums in two halves: the one-thread run to rounding, every two-core run bit for bit
        assertEquals(one.steps(), two.steps(), "accepted steps");
        assertEquals(one.states().size(), two.states().size());
        for (int i = 0; i < one.states().size(); i++) {
            double[] a = one.states().get(i), b = two.states().get(i);
            for (int k = 0; k < a.length; k++) assertEquals(a[k], b[k], ROUNDING_GROWTH, "frame " + i + " entry " + k);
        }
        assertTrue(CorePair.helperChunks() > before || retriedWithHelper(f, y0, grid, two), "the helper thread took chunks");
    }

    /** DP5 with the stiffness test from y0 until it hands over (or reaches the end); y is updated in place */
    private static Segment advance(VectorField f, double[] y, double[] grid) {
        return advance(f, y, grid, Double.NaN);
    }

    /** the same from the first step size hStart (NaN: Hairer's starting step, whose norms are sums over n) */
    private static Segment advance(VectorField f, double[] y, double[] grid, double hStart) {
        return new DormandPrince54(y.length).advance(f, y, grid[0], 1, grid, RTOL, ATOL, DormandPrince54.MAX_STEPS,
                CancellationToken.NEVER, (i, t, state, steps) -> true, 0, 0, hStart, new StiffnessTest());
    }

    @Test
    void theStiffnessTestsSumsBesideTheErrorNormHandOverAtTheSameStep() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && CorePair.available(), "two processors");
        int n = DormandPrince54.SPLIT_MIN_LENGTH + 5;
        Random rng = new Random(41);
        double[] rate = new double[n], y0 = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = i % 97 == 0 ? 2000 : 0.5 + rng.nextDouble();   // a few fast modes: stiff once they have decayed
            y0[i] = rng.nextGaussian();
        }
        VectorField f = (y, dy) -> {
            for (int i = 0; i < n; i++) dy[i] = -rate[i] * y[i];
        };
        double[] grid = {0, 50};
        double[] yOne = y0.clone(), yTwo = y0.clone();
        Segment one = CorePair.oneThread(() -> advance(f, yOne, grid));
        assertEquals(Segment.Status.HAND_OVER, one.status(), "the problem turns stiff");
        long until = System.nanoTime() + 20_000_000_000L;
        long before;
        Segment two;
        do {
            before = CorePair.helperChunks();
            System.arraycopy(y0, 0, yTwo, 0, n);
            two = advance(f, yTwo, grid);
            assertEquals(one, two, "hand-over point, step size and counts");
            assertArrayEquals(yOne, yTwo, "state at the hand-over");
        } while (CorePair.helperChunks() == before && System.nanoTime() < until);
        assertTrue(CorePair.helperChunks() > before, "the helper thread took chunks");
    }

    /** a short block repeated: the long state's norms are the block's, so its run must be the block's */
    private static final int BLOCK = 1000, COPIES = DormandPrince54.SPLIT_MIN_LENGTH / BLOCK * 2 + 3;
    /** the halves' partial sums against one sum in index order: last-bit differences in the step sizes only */
    private static final double SUM_ROUNDING = 1e-13;
    private static final double H_START = 1e-3;

    /**
     * The error norm and the stiffness test's sums of a long state are summed in halves (on the pair or, when it
     * is taken, on this thread). Against an independent computation: the same field on one block of the state,
     * short enough to be summed in index order, must hand over at the same step with the same state, and with the
     * same next step size to rounding (the RMS of a repeated vector is the block's RMS). Both start from the
     * same step size: Hairer's starting step sums its norms over all n entries (not an RMS), so it depends on n.
     */
    @Test
    void aLongStatesNormsInHalvesAreTheRepeatedBlocksNorms() {
        Random rng = new Random(43);
        double[] rate = new double[BLOCK], y0 = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            rate[i] = i % 97 == 0 ? 2000 : 0.5 + rng.nextDouble();   // a few fast modes: stiff once they have decayed
            y0[i] = rng.nextGaussian();
        }
        int n = BLOCK * COPIES;
        assertTrue(n >= DormandPrince54.SPLIT_MIN_LENGTH && (n / 2) % BLOCK != 0, "long, halves cut a block");
        VectorField shortField = (y, dy) -> {
            for (int i = 0; i < BLOCK; i++) dy[i] = -rate[i] * y[i];
        };
        VectorField longField = (y, dy) -> {
            for (int i = 0; i < n; i++) dy[i] = -rate[i % BLOCK] * y[i];
        };
        double[] grid = {0, 50};
        double[] yShort = y0.clone(), yLong = new double[n];
        for (int c = 0; c < COPIES; c++) System.arraycopy(y0, 0, yLong, c * BLOCK, BLOCK);
        Segment block = advance(shortField, yShort, grid, H_START);
        assertEquals(Segment.Status.HAND_OVER, block.status(), "the problem turns stiff");
        for (boolean pair : new boolean[] {false, true}) {
            double[] y = yLong.clone();
            Segment whole = pair ? advance(longField, y, grid, H_START)
                    : CorePair.oneThread(() -> advance(longField, y, grid, H_START));
            String where = pair ? "two cores (if free)" : "one thread";
            assertEquals(block.status(), whole.status(), where + ": status");
            assertEquals(block.steps(), whole.steps(), where + ": accepted steps");
            assertEquals(block.evals(), whole.evals(), where + ": evaluations");
            assertEquals(block.t(), whole.t(), SUM_ROUNDING * block.t(), where + ": hand-over time");
            assertEquals(block.h(), whole.h(), SUM_ROUNDING * block.h(), where + ": next step size");
            for (int c = 0; c < COPIES; c++)
                for (int i = 0; i < BLOCK; i++)
                    assertEquals(yShort[i], y[c * BLOCK + i], SUM_ROUNDING * (1 + Math.abs(yShort[i])),
                            where + ": entry " + (c * BLOCK + i));
        }
    }
}
