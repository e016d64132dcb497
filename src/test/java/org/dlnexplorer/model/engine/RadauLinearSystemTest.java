package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.FlowJacobian;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Radau's Newton and filter solves from the Krylov form M ≈ Q T Qᵀ against the dense matrices they invert:
 * J = −D Q T Qᵀ D⁻¹ built entry by entry, then (I − h A⊗J) x and (I − h γ₀ J) x multiplied out densely.
 */
class RadauLinearSystemTest {
    /** ‖(I − hA⊗J) x − r‖_∞ / (‖r‖_∞ (1 + h‖J‖)): round-off of a stable solve */
    static final double RESIDUAL = 1e-11;

    /** k orthonormal rows in R^n (Gram–Schmidt twice on gaussian vectors) */
    private static double[][] orthonormal(Random rng, int k, int n) {
        double[][] q = new double[k][n];
        for (int a = 0; a < k; a++) {
            for (int i = 0; i < n; i++) q[a][i] = rng.nextGaussian();
            for (int pass = 0; pass < 2; pass++)
                for (int b = 0; b < a; b++) {
                    double c = 0;
                    for (int i = 0; i < n; i++) c += q[a][i] * q[b][i];
                    for (int i = 0; i < n; i++) q[a][i] -= c * q[b][i];
                }
            double norm = 0;
            for (double x : q[a]) norm += x * x;
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) q[a][i] /= norm;
        }
        return q;
    }

    @Test
    void solvesTheStageAndFilterSystemsOfTheDenseJacobian() {
        Random rng = new Random(53);
        int n = 23;
        for (int k : new int[]{1, 6, 23})
            for (double scale : new double[]{0.3, 50.0, 5e3}) {
                double[][] q = orthonormal(rng, k, n);
                double[] alpha = new double[k], beta = new double[k], d = new double[n];
                for (int j = 0; j < k; j++) {
                    alpha[j] = scale * (rng.nextDouble() - 0.2);   // indefinite: some negative curvature
                    if (j > 0) beta[j] = rng.nextInt(4) == 0 ? 0.0 : scale * 0.3 * rng.nextGaussian();
                }
                for (int i = 0; i < n; i++) d[i] = 0.5 + rng.nextDouble();
                FlowJacobian.Krylov form = new FlowJacobian.Krylov(q, k, alpha, beta, Double.NaN, 0.0, k == n);
                // J = −D Q T Qᵀ D⁻¹
                double[][] t = new double[k][k];
                for (int j = 0; j < k; j++) {
                    t[j][j] = alpha[j];
                    if (j > 0) t[j][j - 1] = t[j - 1][j] = beta[j];
                }
                double[][] jac = new double[n][n];
                double normJ = 0;
                for (int r = 0; r < n; r++) {
                    double row = 0;
                    for (int c = 0; c < n; c++) {
                        double s = 0;
                        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) s += q[a][r] * t[a][b] * q[b][c];
                        jac[r][c] = -d[r] * s / d[c];
                        row += Math.abs(jac[r][c]);
                    }
                    normJ = Math.max(normJ, row);
                }
                double h = 0.37;
                RadauLinearSystem system = new RadauLinearSystem(n, d);
                system.set(form);
                assertTrue(system.prepare(h));
                double[][] r = new double[3][n];
                for (double[] ri : r) for (int i = 0; i < n; i++) ri[i] = rng.nextGaussian();
                double[][] x = {r[0].clone(), r[1].clone(), r[2].clone()};
                system.solveStages(x[0], x[1], x[2]);
                double worst = 0;
                for (int s = 0; s < 3; s++)
                    for (int i = 0; i < n; i++) {
                        double v = x[s][i];
                        for (int u = 0; u < 3; u++)
                            for (int c = 0; c < n; c++) v -= h * RadauTableau.A[s][u] * jac[i][c] * x[u][c];
                        worst = Math.max(worst, Math.abs(v - r[s][i]));
                    }
                double bound = RESIDUAL * (1 + h * normJ) * 4;
                assertTrue(worst <= bound, "stages k = " + k + " scale " + scale + ": " + worst);
                double[] e = r[0].clone();
                system.solveFilter(e);
                worst = 0;
                for (int i = 0; i < n; i++) {
                    double v = e[i];
                    for (int c = 0; c < n; c++) v -= h * RadauTableau.GAMMA0 * jac[i][c] * e[c];
                    worst = Math.max(worst, Math.abs(v - r[0][i]));
                }
                assertTrue(worst <= bound, "filter k = " + k + " scale " + scale + ": " + worst);
            }
    }
}
