package org.dlnexplorer.model.theory;

import org.dlnexplorer.Tolerances;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §4 public vectors, the exact implicit solution's consistency, plateaus, escape times and rank. */
class SaxeAndSaddlesTest {
    private static final double FOUR_DECIMALS = 0.5e-4;
    /** seed 000 §7 prints two decimals (and truncates ln(8999)/18 = 0.5058 to 0.50) */
    private static final double PRINTED_TWO_DECIMALS = 0.01;
    private static final double MACHINE = 1e-12;
    /** warm-started and cold inversions converge to the same root up to a few ulps of the solver variable */
    private static final double GRID_AGREEMENT = 1e-12;

    @Test
    void halfwayTimesOfTheTwoModeSaxePresetMatchSpecVectors() {
        // SPEC §4: t* = ln(s/a0 − 1)/(2s) for T = diag(3,1), a0 = 0.01. ln(299)/6 = 0.950074 (SPEC prints
        // 0.9502; the formula it states gives 0.9501 to four decimals) and ln(99)/2 = 2.297560.
        assertEquals(Math.log(299) / 6, Saxe.halfwayTime(2, 3, 0.01), MACHINE);
        assertEquals(0.9501, Saxe.halfwayTime(2, 3, 0.01), FOUR_DECIMALS);
        assertEquals(2.2976, Saxe.halfwayTime(2, 1, 0.01), FOUR_DECIMALS);
        // and the engine reaches s/2 exactly then
        Network net = new Network(2, 2, 2);
        Task task = Task.whitened(new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}}));
        double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.01, 0.0, 1, null);
        var spec = EngineComparison.spec("saxe preset", net, task, theta, 6, 61);
        double[] escape = Saddles.escapeTimes(spec);
        assertEquals(Saxe.halfwayTime(2, 3, 0.01), escape[0], MACHINE);
        assertEquals(Saxe.halfwayTime(2, 1, 0.01), escape[1], MACHINE);
        for (int mode = 0; mode < 2; mode++) {
            Trajectory tr = TheoryRun.run(spec.toBuilder().grid(escape[mode], 2).build());
            assertEquals(new double[]{1.5, 0.5}[mode], tr.last().singularValue(mode), Tolerances.AGREEMENT);
        }
    }

    @Test
    void saxeTimesOfTheNearDegenerateTargetMatchSeedZeroSectionSeven() {
        double[] t = Saddles.escapeTimes(2, new double[]{10, 9, 1}, new double[]{1e-3, 1e-3, 1e-3});
        assertEquals(0.46, t[0], PRINTED_TWO_DECIMALS);
        assertEquals(0.50, t[1], PRINTED_TWO_DECIMALS);
        assertEquals(3.45, t[2], PRINTED_TWO_DECIMALS);
        double[] approx = Saddles.smallInitEscapeEstimates(2, new double[]{10, 9, 1}, 1e-3);
        for (int i = 0; i < 3; i++) assertEquals(approx[i], t[i], 1e-3);
    }

    @Test
    void exactImplicitSolutionInvertsToMachinePrecision() {
        for (int depth = 2; depth <= 8; depth++)
            for (double[] p : new double[][]{{3, 1e-4}, {1, 0.4}, {0.5, 2.0}, {2, 1.999}, {0, 0.3}}) {
                double s = p[0], a0 = p[1];
                for (double t : new double[]{1e-3, 0.1, 1, 5, 30}) {
                    double a = Saxe.value(depth, s, a0, t);
                    if (a == s || Math.abs(a - s) < 1e-9 * s) continue;      // t(a) is ill-conditioned there
                    double back = Saxe.time(depth, s, a0, a);
                    // dt = da / ȧ: compare in a
                    double rate = depth * Math.pow(a, 2.0 * (depth - 1) / depth) * Math.abs(s - a);
                    assertEquals(t, back, 1e-11 * Math.max(1, t) + 4 * Math.ulp(a) / rate, "L=" + depth + " s=" + s + " a0=" + a0);
                }
            }
    }

    @Test
    void deeperNetworksHaveSharperLaterTransitions() {
        // separation of timescales: the ratio of half-way times of s = 2 and s = 1 grows with depth at fixed a0
        double r2 = Saxe.timescaleRatio(2, 2, 1, 1e-3), r4 = Saxe.timescaleRatio(4, 2, 1, 1e-3);
        assertTrue(r2 > 1.5 && r4 > r2, r2 + " " + r4);
        assertEquals(Math.log(999) / 2 / (Math.log(1999) / 4), r2, MACHINE);
    }

    @Test
    void plateauLevelsAreHalfTheUnlearnedEnergy() {
        assertArrayEquals(new double[]{5.0, 0.5}, Saddles.plateauLevels(new double[]{3, 1}), MACHINE);
        assertArrayEquals(new double[]{91.0, 41.0, 0.5}, Saddles.plateauLevels(new double[]{1, 10, 9}), MACHINE);
        assertArrayEquals(new double[]{10.25, 1.25}, Saddles.plateauLevels(new double[]{3, 1}, 2.0, 0.25), MACHINE);
    }

    @Test
    void simulatedLossSitsOnPlateausAndRankFollowsEscapeTimes() {
        Network net = new Network(3, 4, 3);
        Task task = Task.whitened(new DMatrixRMaj(new double[][]{{4, 0, 0}, {0, 2, 0}, {0, 0, 1}}));
        double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 1e-10, 0.0, 1, null);
        // long plateaus amplify timing errors: integrate one decade tighter than the default
        var spec = EngineComparison.spec("saddles", net, task, theta, 14, 281).toBuilder().tolerances(1e-12, 1e-14).build();
        double[] escape = Saddles.escapeTimes(spec);
        double[] levels = Saddles.plateauLevels(task.targetSingularValues());
        var out = EngineComparison.compareRun(spec, "saxe");
        Trajectory tr = out.trajectory();
        int[] rank = Saddles.rankOverTime(tr.exact(), task.targetSingularValues());
        for (int f = 0; f < tr.frames().size(); f++) {
            Frame fr = tr.frames().get(f);
            int predicted = Saddles.rankAt(fr.t(), escape);
            assertEquals(predicted, rank[f]);
            assertEquals(fr.rank(), rank[f], "t=" + fr.t());
        }
        // midway between escapes the loss is on the plateau of the saddle reached
        double[] mids = {escape[0] / 2, (escape[0] + escape[1]) / 2, (escape[1] + escape[2]) / 2};
        for (int r = 0; r < 3; r++) {
            Trajectory at = TheoryRun.run(spec.toBuilder().grid(mids[r], 2).build());
            assertEquals(levels[r], at.last().loss(), 0.03 * levels[r], "plateau " + r);
        }
    }

    @Test
    void lambdaBalancedTransitionsBecomeExponentialAsDeltaGrows() {
        // |δ| → ∞ at fixed |δ|t: the lazy exponential
        double s = 2, a0 = 0.01;
        for (double tau : new double[]{0.5, 1, 3}) {
            double big = 1e6;
            assertEquals(LambdaBalanced.lazyLimit(big, s, a0, tau / big), LambdaBalanced.value(big, s, a0, tau / big), 1e-5);
        }
        // δ = 0 is the Saxe logistic, and the solution is even in δ
        assertEquals(Saxe.logistic(s, a0, 1.3), LambdaBalanced.value(0, s, a0, 1.3), MACHINE);
        assertEquals(LambdaBalanced.value(-1.5, s, a0, 0.7), LambdaBalanced.value(1.5, s, a0, 0.7), MACHINE);
        // small δ is continuous with δ = 0
        assertEquals(LambdaBalanced.value(0, s, a0, 1.3), LambdaBalanced.value(1e-9, s, a0, 1.3), 1e-6);
    }

    @Test
    void gridEvaluationEqualsPointwiseEvaluation() {
        java.util.Random rng = new java.util.Random(12);
        for (int i = 0; i < 40; i++) {
            int depth = 2 + rng.nextInt(5);
            double s = 0.2 + 3 * rng.nextDouble(), a0 = Math.exp(-8 + 10 * rng.nextDouble());
            double delta = rng.nextInt(3) == 0 ? 0 : 4 * rng.nextGaussian();
            double b0 = (rng.nextBoolean() ? 1 : -1) * a0;
            double[] t = new double[30];
            for (int j = 0; j < t.length; j++) t[j] = (i % 4 == 0) ? 8 * rng.nextDouble() : 8.0 * j / (t.length - 1);
            double[] grid = Saxe.values(depth, s, a0, t);
            double[] lambda = LambdaBalanced.values(delta, s, b0, t);
            for (int j = 0; j < t.length; j++) {
                assertEquals(Saxe.value(depth, s, a0, t[j]), grid[j], GRID_AGREEMENT * Math.max(1, s),
                        "Saxe L=" + depth + " s=" + s + " a0=" + a0 + " t=" + t[j]);
                assertEquals(LambdaBalanced.value(delta, s, b0, t[j]), lambda[j], GRID_AGREEMENT * Math.max(1, s),
                        "λ δ=" + delta + " s=" + s + " a0=" + b0 + " t=" + t[j]);
            }
        }
    }

    @Test
    void nonWhiteButCommutingInputsRunEachModeOnItsOwnClock() {
        Network net = new Network(2, 2, 2);
        DMatrixRMaj sxx = new DMatrixRMaj(new double[][]{{2, 0}, {0, 0.5}});
        Task task = Task.withCovariance(new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}}), sxx);
        double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.01, 0.0, 1, null);
        var spec = EngineComparison.spec("clocks", net, task, theta, 12, 61);
        double[] escape = Saddles.escapeTimes(spec);
        assertEquals(Math.log(299) / 6 / 2, escape[0], MACHINE);
        assertEquals(Math.log(99) / 2 / 0.5, escape[1], MACHINE);
        EngineComparison.compare(spec, "saxe");
        Trajectory tr = TheoryRun.run(spec.toBuilder().grid(escape[1], 2).build());
        assertEquals(0.5, tr.last().singularValue(1), Tolerances.AGREEMENT);
    }

    @Test
    void smallRandomStartEscapesNearTheLinearisedEstimate() {
        // an estimate, not an exact solution: within 3% of the simulated half-way crossing for well-separated s
        Task task = Task.whitened(new DMatrixRMaj(new double[][]{{4, 0, 0}, {0, 2, 0}, {0, 0, 1}}));
        for (long seed = 5; seed < 9; seed++) {
            Network net = new Network(new int[]{3, 3 + (int) seed % 4, 3}, new double[]{1.0, 0.6 + 0.1 * seed});
            double[] theta = Initializer.initialize(net, task, Scheme.GAUSSIAN, 1e-4, 0.0, seed, null);
            var spec = EngineComparison.spec("random small", net, task, theta, 16, 1601);
            double[] est = Saddles.smallInitEscapeEstimates(spec);
            Trajectory tr = TheoryRun.run(spec);
            assertFalse(tr.exact().available());
            double[] s = task.targetSingularValues();
            for (int a = 0; a < 3; a++) {
                double crossing = Double.NaN;
                for (Frame f : tr.frames()) if (f.singularValue(a) > s[a] / 2) { crossing = f.t(); break; }
                assertEquals(crossing, est[a], 0.03 * crossing, "seed " + seed + " mode " + a);
            }
        }
    }

    @Test
    void deepUnbalancedEscapeTimesMatchTheEngine() {
        Network net = new Network(2, 2, 2, 2);
        Task task = Task.whitened(new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}}));
        double[] theta = Initializer.initialize(net, task, Scheme.ALIGNED, 0.01, 0.7, 1, null);
        var spec = EngineComparison.spec("deep δ", net, task, theta, 10, 11);
        double[] escape = Saddles.escapeTimes(spec);
        for (int mode = 0; mode < 2; mode++) {
            Trajectory tr = TheoryRun.run(spec.toBuilder().grid(escape[mode], 2).build());
            assertEquals(new double[]{1.5, 0.5}[mode], tr.last().singularValue(mode), Tolerances.AGREEMENT);
        }
    }
}
