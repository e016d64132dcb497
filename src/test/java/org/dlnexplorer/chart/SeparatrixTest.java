package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The basin-separating surface drawn on the hyperboloid (seed 002 App. A, "Basins of attraction") against the
 * flow itself: its points lie on the surface δ, and starts a small rotation of w to either side of it, integrated
 * here (RK4 of ȧ = η_a(wᵀβ* − a‖w‖²), ẇ = η_w(aβ* − a²w)), end on opposite branches of the minima, each on the
 * side {@link SingleNeuron#basinSide} names.
 */
class SeparatrixTest {
    private static final double ON_SURFACE = 1e-9;
    /** the rotation of w off the curve (radians) */
    private static final double NUDGE = 0.08;
    private static final double STEP = 0.01, HORIZON = 80;

    private static double[] flowEnd(double a, double[] w, double[] b, double ea, double ew) {
        int d = w.length;
        double[] s = new double[d + 1];
        s[0] = a;
        System.arraycopy(w, 0, s, 1, d);
        for (double t = 0; t < HORIZON; t += STEP) {
            double[] k1 = rhs(s, b, ea, ew), k2 = rhs(add(s, k1, STEP / 2), b, ea, ew),
                    k3 = rhs(add(s, k2, STEP / 2), b, ea, ew), k4 = rhs(add(s, k3, STEP), b, ea, ew);
            for (int i = 0; i <= d; i++) s[i] += STEP / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return s;
    }

    private static double[] rhs(double[] s, double[] b, double ea, double ew) {
        int d = s.length - 1;
        double wb = 0, ww = 0;
        for (int i = 0; i < d; i++) { wb += s[1 + i] * b[i]; ww += s[1 + i] * s[1 + i]; }
        double[] f = new double[d + 1];
        f[0] = ea * (wb - s[0] * ww);
        for (int i = 0; i < d; i++) f[1 + i] = ew * (s[0] * b[i] - s[0] * s[0] * s[1 + i]);
        return f;
    }

    private static double[] add(double[] s, double[] k, double h) {
        double[] o = s.clone();
        for (int i = 0; i < o.length; i++) o[i] += h * k[i];
        return o;
    }

    @Test
    void startsOnEitherSideOfTheCurveEndOnOppositeBranches() {
        Random rng = new Random(31);
        for (int k = 0; k < 16; k++) {
            double ew = k % 2 == 0 ? 1 : 0.5 + rng.nextDouble(), ea = k % 4 < 2 ? 1 : 0.5 + rng.nextDouble();
            double[] rates = {ew, ea};
            double th = 2 * Math.PI * rng.nextDouble(), bn = 0.5 + 1.5 * rng.nextDouble();
            double[] b = {bn * Math.cos(th), bn * Math.sin(th)};
            double delta = -(0.2 + 3 * rng.nextDouble());
            List<double[][]> curves = SingleNeuron.separatrix(b, delta, rates, 3, 41);
            assertEquals(2, curves.size());
            for (double[][] c : curves) {
                for (double[] p : c)
                    assertEquals(delta, ew * p[0] * p[0] - ea * (p[1] * p[1] + p[2] * p[2]), ON_SURFACE, "on the surface");
                double[] p = c[10 + rng.nextInt(20)];
                int[] ends = new int[2];
                for (int side = 0; side < 2; side++) {
                    double ang = side == 0 ? NUDGE : -NUDGE;
                    double[] w = {p[1] * Math.cos(ang) - p[2] * Math.sin(ang), p[1] * Math.sin(ang) + p[2] * Math.cos(ang)};
                    double[] end = flowEnd(p[0], w, b, ea, ew);
                    ends[side] = (int) Math.signum(end[0]);
                    assertEquals(ends[side], SingleNeuron.basinSide(new double[]{p[0], w[0], w[1]}, b, delta, rates),
                            "draw " + k + ": the side named is the branch reached");
                }
                assertEquals(-1, ends[0] * ends[1], "draw " + k + ": the two sides reach opposite branches");
            }
        }
    }

    @Test
    void threeInputsUseTheAlongAndAcrossCoordinates() {
        double[] b = {0.3, -1.1, 0.7};
        double[] rates = {1.3, 0.7};
        double delta = -1.4, bn = Math.sqrt(0.09 + 1.21 + 0.49);
        List<double[][]> curves = SingleNeuron.separatrix(b, delta, rates, 3, 31);
        assertEquals(1, curves.size());
        for (double[] p : curves.get(0)) {
            assertEquals(delta, rates[0] * p[0] * p[0] - rates[1] * (p[1] * p[1] + p[2] * p[2]), ON_SURFACE);
            // η_a wᵀβ* + κ₊ a = 0 with wᵀβ* = x‖β*‖
            double kp = (delta + Math.sqrt(delta * delta + 4 * rates[0] * rates[1] * bn * bn)) / 2;
            assertEquals(0, rates[1] * p[1] * bn + kp * p[0], 1e-9);
            assertTrue(p[2] >= 0);
        }
    }

    @Test
    void upstreamHasNoSeparatingCurveAndTheConeHasTheRayAgainstBeta() {
        double[] b = {0, 1};
        assertTrue(SingleNeuron.separatrix(b, 0.5, new double[]{1, 1}, 3, 21).isEmpty());
        for (double[][] c : SingleNeuron.separatrix(b, 0, new double[]{1, 1}, 3, 21))
            for (double[] p : c) {
                // on the cone a² = ‖w‖² with w ∝ −sgn(a) β*
                assertEquals(Math.abs(p[0]), Math.hypot(p[1], p[2]), 1e-9);
                assertEquals(0, p[1], 1e-6);
                assertTrue(p[0] * p[2] <= 1e-12);
            }
        // δ > 0: each sheet is one basin
        assertEquals(1, SingleNeuron.basinSide(new double[]{1.2, 0, -1}, b, 0.44, new double[]{1, 1}));
        assertEquals(-1, SingleNeuron.basinSide(new double[]{-1.2, 0, 1}, b, 0.44, new double[]{1, 1}));
    }
}
