package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The "neuron-temporal" overlay (seed 002 App. A's μ, φ, ν) against a fixed-step RK4 integration of the
 * neuron's gradient flow written here from the seed's equations ȧ = η_a c(wᵀβ* − a‖w‖²), ẇ = η_w c(aβ* − a²w),
 * over random (τ, δ, β₀ direction, β*, rates, Σxx = cI) in every branch: δ &lt; 0 (with starts whose a crosses 0),
 * δ = 0 and δ &gt; 0; and ν against the seed's own closed form (eq. "nu", unit rates).
 */
class NeuronTemporalOverlayTest {
    /** RK4 step: its global error at these rates and times is ≈ 1e−12 */
    private static final double STEP = 1e-3;
    private static final double TOLERANCE = 1e-8;
    /** ν is compared where |a| is above this (ν = wᵀβ* / a has a pole where a crosses 0) */
    private static final double A_FLOOR = 1e-2;
    private static final int DRAWS_PER_BRANCH = 12;

    /** one random single-neuron start: λ-balanced gains for direction u, τ = ‖β₀‖, δ; sign of a0; form */
    record Draw(SimulationSpec spec, double etaA, double etaW, double c, double[] betaStar, double a0, double[] w0) {}

    static Draw draw(Random rng, int branch, boolean crossing) {
        int d = 1 + rng.nextInt(3);
        boolean columnForm = d == 1 || rng.nextInt(4) != 0;   // [1, 1, 1] reads as [d, 1, 1]: a = W_2
        double etaW = rng.nextBoolean() ? 1 : 0.4 + 1.6 * rng.nextDouble();
        double etaA = rng.nextBoolean() ? 1 : 0.4 + 1.6 * rng.nextDouble();
        double c = rng.nextInt(4) == 0 ? 0.5 + rng.nextDouble() : 1;
        double[] beta = unit(rng, d);
        double bn = 0.4 + 1.6 * rng.nextDouble();
        for (int i = 0; i < d; i++) beta[i] *= bn;
        double[] u = unit(rng, d);
        if (crossing) {   // a start pointing away from β*, small τ: a crosses 0 for δ < 0
            double[] b = unit(beta.clone(), d);
            for (int i = 0; i < d; i++) u[i] = -b[i] + 0.2 * u[i];
            u = unit(u, d);
        }
        double tau = crossing ? 0.05 + 0.3 * rng.nextDouble() : 0.05 + 2.5 * rng.nextDouble();
        double delta = branch == 0 ? 0 : branch * (0.1 + 3.9 * rng.nextDouble());
        // η_w a² − η_a r² = δ and a r = τ  ⇒  a² = (δ + √(δ² + 4η_aη_wτ²)) / (2η_w)
        double a2 = (delta + Math.sqrt(delta * delta + 4 * etaA * etaW * tau * tau)) / (2 * etaW);
        double a0 = (rng.nextBoolean() || crossing ? 1 : -1) * Math.sqrt(a2), r = tau / Math.abs(a0);
        double[] w0 = new double[d];
        for (int i = 0; i < d; i++) w0[i] = Math.signum(a0) * r * u[i];
        Network net;
        double[] theta = new double[d + 1];
        DMatrixRMaj target;
        if (columnForm) {
            net = new Network(new int[]{d, 1, 1}, new double[]{etaW, etaA});
            System.arraycopy(w0, 0, theta, 0, d);
            theta[d] = a0;
            target = new DMatrixRMaj(1, d, true, beta);
        } else {
            net = new Network(new int[]{1, 1, d}, new double[]{etaA, etaW});
            theta[0] = a0;
            System.arraycopy(w0, 0, theta, 1, d);
            target = new DMatrixRMaj(d, 1, true, beta);
        }
        DMatrixRMaj sxx = new DMatrixRMaj(1, 1, true, c);
        if (columnForm) { sxx = new DMatrixRMaj(d, d); for (int i = 0; i < d; i++) sxx.set(i, i, c); }
        Task task = Task.withCovariance(target, sxx);
        SimulationSpec spec = EngineComparison.spec("temporal", net, task, theta, 10.0, 41);
        return new Draw(spec, etaA, etaW, c, beta, a0, w0);
    }

    private static double[] unit(Random rng, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = rng.nextGaussian();
        return unit(v, d);
    }

    private static double[] unit(double[] v, int d) {
        double n = Math.sqrt(NeuronFlow.dot(v, v));
        for (int i = 0; i < d; i++) v[i] /= n;
        return v;
    }

    /** (a, w) → (ȧ, ẇ) of the whitened flow with Σxx = cI */
    private static double[] rhs(double[] s, Draw dr) {
        int d = s.length - 1;
        double a = s[0], wb = 0, ww = 0;
        for (int i = 0; i < d; i++) { wb += s[1 + i] * dr.betaStar[i]; ww += s[1 + i] * s[1 + i]; }
        double[] f = new double[d + 1];
        f[0] = dr.etaA * dr.c * (wb - a * ww);
        for (int i = 0; i < d; i++) f[1 + i] = dr.etaW * dr.c * (a * dr.betaStar[i] - a * a * s[1 + i]);
        return f;
    }

    /** RK4 from t = 0 to each grid time; returns (a, w) per grid point */
    private static double[][] integrate(Draw dr, double[] times) {
        int d = dr.w0.length;
        double[] s = new double[d + 1];
        s[0] = dr.a0;
        System.arraycopy(dr.w0, 0, s, 1, d);
        double[][] out = new double[times.length][];
        double t = 0;
        for (int k = 0; k < times.length; k++) {
            while (t < times[k] - 1e-15) {
                double h = Math.min(STEP, times[k] - t);
                double[] k1 = rhs(s, dr), k2 = rhs(add(s, k1, h / 2), dr), k3 = rhs(add(s, k2, h / 2), dr), k4 = rhs(add(s, k3, h), dr);
                for (int i = 0; i <= d; i++) s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                t += h;
            }
            out[k] = s.clone();
        }
        return out;
    }

    private static double[] add(double[] s, double[] k, double h) {
        double[] o = s.clone();
        for (int i = 0; i < o.length; i++) o[i] += h * k[i];
        return o;
    }

    @Test
    void theClosedFormMatchesATightIntegrationInEveryBranch() {
        Random rng = new Random(2024);
        int crossings = 0;
        for (int branch = -1; branch <= 1; branch++) {
            for (int k = 0; k < DRAWS_PER_BRANCH; k++) {
                boolean crossing = branch < 0 && k % 3 == 0;
                Draw dr = draw(rng, branch, crossing);
                OverlayResult r = Overlays.get(Overlays.NEURON_TEMPORAL).evaluate(OverlayInput.of(dr.spec));
                String what = "branch " + branch + " draw " + k;
                assertTrue(r.available(), what + ": " + r.reason());
                double[] t = dr.spec.grid(), mu = r.array("mu"), phi = r.array("phi"), nu = r.array("nu");
                double[][] s = integrate(dr, t);
                boolean crossed = false;
                for (int i = 0; i < t.length; i++) {
                    double a = s[i][0], ww = 0, wb = 0, bb = 0;
                    for (int j = 0; j < dr.w0.length; j++) {
                        ww += s[i][1 + j] * s[i][1 + j];
                        wb += s[i][1 + j] * dr.betaStar[j];
                        bb += dr.betaStar[j] * dr.betaStar[j];
                    }
                    crossed |= Math.signum(a) != Math.signum(dr.a0);
                    assertEquals(a * Math.sqrt(ww), mu[i], TOLERANCE * Math.max(1, Math.abs(mu[i])), what + " μ at t = " + t[i]);
                    assertEquals(wb / Math.sqrt(ww * bb), phi[i], TOLERANCE, what + " φ at t = " + t[i]);
                    if (Math.abs(a) > A_FLOOR)
                        assertEquals(wb / a, nu[i], TOLERANCE * Math.max(1, Math.abs(nu[i])), what + " ν at t = " + t[i]);
                }
                if (crossed) crossings++;
                double delta = dr.etaW * dr.a0 * dr.a0 - dr.etaA * NeuronFlow.dot(dr.w0, dr.w0);
                assertEquals(delta, r.number("delta"), 1e-12 * Math.max(1, Math.abs(delta)), what);
                if (branch == 0) assertEquals(0, r.number("delta"), 1e-12, what);
                else assertEquals(branch, Math.signum(r.number("delta")), what);
            }
        }
        assertTrue(crossings >= 2, "the draws include starts whose a crosses 0 (" + crossings + ")");
    }

    /**
     * Seed 002 eq. "nu" (unit rates, Σxx = I): ν(t) = (2Rν0 cosh Rt + (2‖β*‖² − δν0) sinh Rt) /
     * (2R cosh Rt + (2ν0 + δ) sinh Rt), R = ½√(δ² + 4‖β*‖²); it converges to the stable fixed point.
     */
    @Test
    void nuIsTheSeedsRiccatiSolutionAndTendsToItsStableFixedPoint() {
        Random rng = new Random(7);
        for (int branch = -1; branch <= 1; branch++) {
            for (int k = 0; k < DRAWS_PER_BRANCH; k++) {
                Draw dr;
                do dr = draw(rng, branch, false); while (dr.etaA != 1 || dr.etaW != 1 || dr.c != 1);
                OverlayResult r = Overlays.get(Overlays.NEURON_TEMPORAL).evaluate(OverlayInput.of(dr.spec));
                double b2 = NeuronFlow.dot(dr.betaStar, dr.betaStar), delta = r.number("delta");
                double rr = 0.5 * Math.sqrt(delta * delta + 4 * b2), nu0 = NeuronFlow.dot(dr.w0, dr.betaStar) / dr.a0;
                double[] t = dr.spec.grid(), nu = r.array("nu");
                for (int i = 0; i < t.length; i++) {
                    double ch = Math.cosh(rr * t[i]), sh = Math.sinh(rr * t[i]);
                    double den = 2 * rr * ch + (2 * nu0 + delta) * sh;
                    if (Math.abs(den) < 1e-3 * ch) continue;   // next to the pole (a = 0)
                    double seed = (2 * rr * nu0 * ch + (2 * b2 - delta * nu0) * sh) / den;
                    assertEquals(seed, nu[i], TOLERANCE * Math.max(1, Math.abs(seed)), "branch " + branch + " t = " + t[i]);
                }
                double stable = (-delta + Math.sqrt(delta * delta + 4 * b2)) / 2;
                assertEquals(stable, r.number("nuStable"), 1e-12 * Math.max(1, stable));
            }
        }
    }

    @Test
    void aRecordedRunGivesTheSameNumbersAsItsSpecAndTracksTheSimulation() {
        Draw dr = draw(new Random(3), -1, true);
        Trajectory tr = TheoryRun.run(dr.spec);
        OverlayResult fromSpec = Overlays.get(Overlays.NEURON_TEMPORAL).evaluate(OverlayInput.of(dr.spec));
        OverlayResult fromRun = Overlays.get(Overlays.NEURON_TEMPORAL).evaluate(OverlayInput.of(tr));
        assertArrayEquals(fromSpec.array("mu"), fromRun.array("mu"), 0.0);
        assertArrayEquals(fromSpec.array("phi"), fromRun.array("phi"), 0.0);
        double[] mu = fromRun.array("mu");
        for (int i = 0; i < mu.length; i++) {
            Frame f = tr.frames().get(i);
            double[][] w = f.weights();
            double a = dr.spec.network().width(2) == 1 ? w[1][0] : w[0][0];
            double[] wv = dr.spec.network().width(2) == 1 ? w[0] : w[1];
            assertEquals(a * Math.sqrt(NeuronFlow.dot(wv, wv)), mu[i], 1e-7, "μ simulated at t = " + f.t());
        }
    }

    @Test
    void itDeclinesWithOneSentenceWhereItDoesNotApply() {
        Draw dr = draw(new Random(5), 1, false);
        SimulationSpec descent = dr.spec.toBuilder().method(Method.GRADIENT_DESCENT).learningRate(0.05).build();
        Overlay o = Overlays.get(Overlays.NEURON_TEMPORAL);
        assertNull(o.whyNot(OverlayInput.of(dr.spec)));
        assertTrue(o.whyNot(OverlayInput.of(descent)).contains("gradient descent"));
        Task task = Task.withCovariance(new DMatrixRMaj(1, 2, true, 0, 1), new DMatrixRMaj(2, 2, true, 1, 0.5, 0.5, 1));
        SimulationSpec skew = EngineComparison.spec("s", new Network(2, 1, 1), task, new double[]{-1, 0, 1}, 1, 3);
        assertTrue(o.whyNot(OverlayInput.of(skew)).contains("whitened"));
        SimulationSpec zero = EngineComparison.spec("z", new Network(2, 1, 1), Task.whitened(new DMatrixRMaj(1, 2)),
                new double[]{-1, 0, 1}, 1, 3);
        assertTrue(o.whyNot(OverlayInput.of(zero)).contains("β* = 0"));
        SimulationSpec wide = EngineComparison.spec("w", new Network(2, 2, 1), Task.whitened(new DMatrixRMaj(1, 2, true, 0, 1)),
                new double[]{1, 0, 0, 1, 1, 1}, 1, 3);
        assertTrue(o.whyNot(OverlayInput.of(wide)).contains("one hidden neuron"));
        for (SimulationSpec s : new SimulationSpec[]{descent, skew, zero, wide}) {
            String why = o.whyNot(OverlayInput.of(s));
            assertFalse(why.contains(". "), why);
            assertFalse(o.evaluate(OverlayInput.of(s)).available());
        }
    }
}
