package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.AutoStiffFlow;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.init.Initializer;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aligned starts at large scale (τ = 30) are stiff: the run switches to the implicit method and must still
 * agree with the closed forms to {@link EngineComparison#AGREEMENT} at the default tolerances, at every
 * sample (dense output), and keep every D_ℓ.
 */
class StiffOverlayTest {
    static final double TAU = 30;
    /** SPEC §4: D_ℓ kept within 1e-8 (relative to its size here: the entries of D_ℓ are O(τ)) */
    static final double DRIFT_BOUND = 1e-8;

    /** depth 2, every mode with g₁g₂ = τ and g₂² − g₁² = δ (λ-balanced) */
    static double[] lambdaBalanced(double delta) {
        double r = Math.sqrt(delta * delta + 4 * TAU * TAU);
        return new double[]{Math.sqrt(2 * TAU * TAU / (delta + r)), Math.sqrt((delta + r) / 2)};
    }

    /** depth L, a mode with the small balanced product a0 (gains a0^{1/L}): learnt late, sigmoidally */
    static double[] small(int depth, double a0) {
        double[] g = new double[depth];
        java.util.Arrays.fill(g, Math.pow(a0, 1.0 / depth));
        return g;
    }

    /**
     * Square widths n = number of modes; mode a of the target U diag(s) Vᵀ starts with layer gains g[a][ℓ], in
     * random hidden orthonormal bases. A mode with large unbalanced gains keeps its layers large (D_ℓ is
     * conserved), so the run stays stiff while the small modes are still being learnt.
     */
    static SimulationSpec aligned(String name, double[][] gains, double duration, long seed) {
        int n = gains.length, depth = gains[0].length;
        Random rng = new Random(seed);
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, n);
        Network net = new Network(widths);
        DMatrixRMaj u = Initializer.randomOrthogonal(n, n, rng), v = Initializer.randomOrthogonal(n, n, rng);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            double s = 0.4 + 0.6 * rng.nextDouble();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t.add(i, j, s * u.get(i, a) * v.get(j, a));
        }
        DMatrixRMaj[] hidden = new DMatrixRMaj[depth + 1];
        for (int l = 1; l < depth; l++) hidden[l] = Initializer.randomOrthogonal(n, n, rng);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) {
            w[l - 1] = new DMatrixRMaj(n, n);
            for (int a = 0; a < n; a++)
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) {
                        double left = l == depth ? u.get(i, a) : hidden[l].get(i, a);
                        double right = l == 1 ? v.get(j, a) : hidden[l - 1].get(j, a);
                        w[l - 1].add(i, j, gains[a][l - 1] * left * right);
                    }
        }
        return EngineComparison.spec(name, net, Task.whitened(t), Objective.flatten(net, w), duration, 81);
    }

    private static void check(SimulationSpec spec) {
        AutoStiffFlow probe = new AutoStiffFlow(new Objective(spec.network(), spec.task()),
                new Objective(spec.network(), spec.task()));
        var r = probe.integrate(spec.theta0(), spec.grid(), spec.rtol(), spec.atol(), (i, t, y, n) -> true);
        if (Boolean.getBoolean("theory.report"))
            System.out.println(spec.name() + ": " + r.steps() + " steps, " + probe.stiffSteps() + " implicit");
        assertTrue(probe.switches() >= 1, spec.name() + ": the run is stiff and switches");
        EngineComparison.Outcome out = EngineComparison.compareRun(spec, null);
        for (Frame f : out.trajectory().frames())
            assertTrue(f.balanceDrift() <= DRIFT_BOUND * TAU, spec.name() + ": drift " + f.balanceDrift());
    }

    @Test
    void lambdaBalancedDepthTwoWithLambdaTauSquared() {
        double[][] g = {lambdaBalanced(TAU * TAU), small(2, 1e-3), small(2, 1e-2)};
        check(aligned("λ-balanced depth 2, τ = 30, δ = τ², two small modes", g, 40.0, 1));
    }

    @Test
    void lambdaBalancedDepthTwoWithLambdaTenTau() {
        double[][] g = {lambdaBalanced(10 * TAU), small(2, 1e-3)};
        check(aligned("λ-balanced depth 2, τ = 30, δ = 10τ, a small mode", g, 200.0, 2));
    }

    @Test
    void unbalancedDepthThree() {
        double[][] g = {{0.3, 10, 10}, small(3, 1e-2), small(3, 0.05)};
        check(aligned("aligned depth 3, gains 0.3, 10, 10 and two small modes", g, 60.0, 3));
    }
}
