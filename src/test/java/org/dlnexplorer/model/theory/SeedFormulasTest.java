package org.dlnexplorer.model.theory;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seeds' own formulas checked against our engine-verified exact solutions: which hold, where, and
 * which are wrong (documented in docs/THEORY.md).
 */
class SeedFormulasTest {
    /** central differences with h = 1e-5 on smooth functions of size O(1) */
    private static final double FINITE_DIFFERENCE = 1e-7;
    private static final double CLOSED_FORM = 1e-10;

    private static double dot(double[] a, double[] b) { return NeuronFlow.dot(a, b); }

    @Test
    void seed002MuPhiEquationsHoldAlongTheExactFlowWithRates() {
        // μ̇ = √(δ² + 4η_aη_wμ²)(φ‖β*‖ − μ),  φ̇ = 2η_aη_wμ‖β*‖/(√(δ² + 4η_aη_wμ²) − δ)·(1 − φ²)
        Random rng = new Random(1);
        for (int i = 0; i < 40; i++) {
            double[] beta = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] w0 = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double ea = 0.5 + rng.nextDouble(), ew = 0.5 + rng.nextDouble();
            NeuronFlow sn = new NeuronFlow(beta, 2 * rng.nextGaussian(), w0, ea, ew);
            double b = Math.sqrt(dot(beta, beta)), d = sn.delta(), h = 1e-5;
            for (double t : new double[]{0.3, 1.1, 2.5}) {
                double mu = sn.mu(t), phi = sn.phi(t);
                double k = Math.sqrt(d * d + 4 * ea * ew * mu * mu);
                double muDot = (sn.mu(t + h) - sn.mu(t - h)) / (2 * h);
                double phiDot = (sn.phi(t + h) - sn.phi(t - h)) / (2 * h);
                double muRhs = k * (phi * b - mu), phiRhs = ea * ew * 2 * mu * b / (k - d) * (1 - phi * phi);
                assertEquals(muRhs, muDot, FINITE_DIFFERENCE * Math.max(1, Math.abs(muRhs)));
                assertEquals(phiRhs, phiDot, FINITE_DIFFERENCE * Math.max(1, Math.abs(phiRhs)));
            }
        }
    }

    @Test
    void seed002BalancedClosedFormMissesAFactorNormBetaStar() {
        // seed: μ(t) = 2cosh²(c_φ + ‖β*‖t)/(2(c_φ + ‖β*‖t) + sinh(2(c_φ + ‖β*‖t)) + c_μ),
        //       c_μ = 2μ0⁻¹cosh²c_φ − (2c_φ + sinh 2c_φ).  Correct: numerator and μ0⁻¹ term times ‖β*‖.
        Random rng = new Random(2);
        for (int i = 0; i < 30; i++) {
            double[] beta = {rng.nextGaussian(), rng.nextGaussian()};
            if (i % 3 == 0) { double n = Math.sqrt(dot(beta, beta)); beta[0] /= n; beta[1] /= n; }
            double[] w0 = {rng.nextGaussian(), rng.nextGaussian()};
            double a0 = Math.sqrt(dot(w0, w0));                        // δ = 0, a0 > 0, unit rates
            NeuronFlow sn = new NeuronFlow(beta, a0, w0, 1, 1);
            double b = Math.sqrt(dot(beta, beta));
            double phi0 = sn.phi(0), mu0 = sn.mu(0), cphi = 0.5 * Math.log((1 + phi0) / (1 - phi0));
            for (double t : new double[]{0.4, 1.5, 4}) {
                double arg = cphi + b * t;
                assertEquals(Math.tanh(arg), sn.phi(t), CLOSED_FORM);
                double seedC = 2 / mu0 * Math.cosh(cphi) * Math.cosh(cphi) - (2 * cphi + Math.sinh(2 * cphi));
                double seedMu = 2 * Math.cosh(arg) * Math.cosh(arg) / (2 * arg + Math.sinh(2 * arg) + seedC);
                double fixedC = 2 * b / mu0 * Math.cosh(cphi) * Math.cosh(cphi) - (2 * cphi + Math.sinh(2 * cphi));
                double fixedMu = 2 * b * Math.cosh(arg) * Math.cosh(arg) / (2 * arg + Math.sinh(2 * arg) + fixedC);
                assertEquals(fixedMu, sn.mu(t), CLOSED_FORM * Math.max(1, Math.abs(fixedMu)));
                if (Math.abs(b - 1) < 1e-12) assertEquals(seedMu, sn.mu(t), CLOSED_FORM * Math.max(1, Math.abs(seedMu)));
            }
            // the seed's μ tends to 1, the true μ to ‖β*‖
            double late = 20, tLate = (late - cphi) / b;     // far beyond the alignment phase
            double seedC = 2 / mu0 * Math.cosh(cphi) * Math.cosh(cphi) - (2 * cphi + Math.sinh(2 * cphi));
            double seedLate = 2 * Math.cosh(late) * Math.cosh(late) / (2 * late + Math.sinh(2 * late) + seedC);
            assertEquals(b, sn.mu(tLate), 1e-6);
            if (Math.abs(b - 1) > 0.1) assertTrue(Math.abs(seedLate - sn.mu(tLate)) > 0.05);
        }
    }

    @Test
    void seed002UpstreamClosedFormHoldsOnlyBetweenTheRiccatiFixedPoints() {
        // seed's a(t) for δ > 0, a0 > 0 uses atanh((2ν0 + δ)/√(δ² + 4‖β*‖²)): right when that argument is in
        // (−1, 1), undefined (NaN) when ν0 lies beyond the stable fixed point; our solution covers both.
        Random rng = new Random(3);
        int inside = 0, outside = 0;
        for (int i = 0; i < 200; i++) {
            double[] beta = {rng.nextGaussian(), rng.nextGaussian()};
            double[] w0 = {rng.nextGaussian(), rng.nextGaussian()};
            double delta = 0.1 + 3 * rng.nextDouble();
            double a0 = Math.sqrt(delta + dot(w0, w0));
            NeuronFlow sn = new NeuronFlow(beta, a0, w0, 1, 1);
            double b = Math.sqrt(dot(beta, beta)), b0 = dot(w0, beta), r2 = Math.sqrt(delta * delta + 4 * b * b);
            double arg = (2 * b0 / a0 + delta) / r2;
            for (double t : new double[]{0.2, 1, 3}) {
                double seed = seedUpstreamA(delta, b, a0, b0, t);
                if (Math.abs(arg) < 1) assertEquals(sn.a(t), seed, CLOSED_FORM * Math.max(1, Math.abs(seed)));
                else assertTrue(Double.isNaN(seed));
                assertTrue(Double.isFinite(sn.a(t)) && sn.a(t) > 0);
            }
            if (Math.abs(arg) < 1) inside++; else outside++;
        }
        assertTrue(inside > 50 && outside > 20);
    }

    /** seed 002 appendix, "Upstream δ > 0", transcribed (unit rates, a0 > 0) */
    private static double seedUpstreamA(double d, double b, double a0, double b0, double t) {
        double r2 = Math.sqrt(d * d + 4 * b * b);
        double arg = (2 * b0 / a0 + d) / r2;
        double y = 0.5 * r2 * t + 0.5 * Math.log((1 + arg) / (1 - arg));   // atanh
        double sech2 = 1 / (Math.cosh(y) * Math.cosh(y));
        double inner = sech2 * (4 * Math.exp(t * d) * b * b
                - (d * d + 4 * b * b) * (b * b * (d - a0 * a0) + b0 * b0) / (b0 * b0 - a0 * a0 * b * b + a0 * b0 * d)
                - d * Math.exp(d * t) * (d * Math.cosh(2 * y) - r2 * Math.sinh(2 * y)));
        return 2 * Math.exp(t * d / 2) * b * Math.sqrt(d) * Math.pow(inner, -0.5);
    }

    @Test
    void seed000GeneralDepthSubstitutionIsWrong() {
        // §5.3: with b = a^{2/L} the seed claims ḃ = 2s b^{(L−1)/2} − 2s b; the truth is ḃ = 2b^{L/2}(s − b^{L/2})
        for (int depth = 3; depth <= 6; depth++) {
            double s = 2, a0 = 0.05, t = 0.8, h = 1e-5;
            double a = Saxe.value(depth, s, a0, t);
            double bDot = (Math.pow(Saxe.value(depth, s, a0, t + h), 2.0 / depth)
                    - Math.pow(Saxe.value(depth, s, a0, t - h), 2.0 / depth)) / (2 * h);
            double b = Math.pow(a, 2.0 / depth);
            double truth = 2 * Math.pow(b, depth / 2.0) * (s - Math.pow(b, depth / 2.0));
            double seed = 2 * s * Math.pow(b, (depth - 1) / 2.0) - 2 * s * b;
            assertEquals(truth, bDot, FINITE_DIFFERENCE * Math.max(1, Math.abs(truth)));
            assertTrue(Math.abs(seed - bDot) > 0.01, "L=" + depth);
        }
    }

    @Test
    void seed000LambdaBalancedFormulaFailsAtZeroDelta() {
        // §9.2: ȧ = L a(s − a)/(a + λ(L − 1)) gives ȧ = L(s − a) at λ = 0; the exact L = 2 mode is ȧ = 2a(s − a)
        double s = 3, a0 = 0.01, t = 0.5, h = 1e-6;
        double a = LambdaBalanced.value(0, s, a0, t);
        double aDot = (LambdaBalanced.value(0, s, a0, t + h) - LambdaBalanced.value(0, s, a0, t - h)) / (2 * h);
        assertEquals(2 * a * (s - a), aDot, FINITE_DIFFERENCE * Math.max(1, Math.abs(aDot)));
        assertTrue(Math.abs(2 * (s - a) - aDot) > 0.1);
        // and for δ ≠ 0 the exact law √(δ² + 4a²)(s − a)
        double delta = 1.7;
        double b = LambdaBalanced.value(delta, s, a0, t);
        double bDot = (LambdaBalanced.value(delta, s, a0, t + h) - LambdaBalanced.value(delta, s, a0, t - h)) / (2 * h);
        assertEquals(Math.sqrt(delta * delta + 4 * b * b) * (s - b), bDot, FINITE_DIFFERENCE * Math.max(1, Math.abs(bDot)));
    }

    @Test
    void seed000GapLawDoesNotSetEscapeTimesOfNearDegenerateModes() {
        // §7: s = (10, 9, 1), ε = 1e−3, small random init: the seed claims the s = 9 mode needs ~ln(10³)/(10 − 9) ≈ 6.9;
        // the flow learns it right after the s = 10 mode, near its own Saxe time, as the linearisation predicts
        org.dlnexplorer.model.core.Network net = new org.dlnexplorer.model.core.Network(3, 3, 3);
        org.dlnexplorer.model.core.Task task = org.dlnexplorer.model.core.Task.whitened(
                new org.ejml.data.DMatrixRMaj(new double[][]{{10, 0, 0}, {0, 9, 0}, {0, 0, 1}}));
        double[] theta = org.dlnexplorer.model.init.Initializer.initialize(net, task,
                org.dlnexplorer.model.init.Scheme.GAUSSIAN, 1e-3, 0.0, 2, null);
        var spec = EngineComparison.spec("gap", net, task, theta, 3, 301);
        var tr = org.dlnexplorer.model.theory.TheoryRun.run(spec);
        double crossing = Double.NaN;
        for (var f : tr.frames()) if (f.singularValue(1) > 4.5) { crossing = f.t(); break; }
        assertTrue(crossing < 1.0, "s = 9 escapes at " + crossing + ", not ≈ 6.9");
        assertEquals(crossing, Saddles.smallInitEscapeEstimates(spec)[1], 0.05 * crossing);
    }
}
