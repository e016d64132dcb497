package org.dlnexplorer.model.engine;

/**
 * Classical fixed-step RK4. Between consecutive grid times it takes ⌈Δt/h⌉ equal steps, so every grid
 * time is landed on exactly (the step is never larger than h).
 */
public final class RungeKutta4 {
    private final int n;
    private final double[] k1, k2, k3, k4, tmp;

    public RungeKutta4(int n) {
        this.n = n;
        k1 = new double[n]; k2 = new double[n]; k3 = new double[n]; k4 = new double[n]; tmp = new double[n];
    }

    public IntegrationResult integrate(VectorField f, double[] y0, double[] grid, double h, GridListener listener) {
        return integrate(f, y0, grid, h, Long.MAX_VALUE, CancellationToken.NEVER, listener);
    }

    /** As above, stopping (budgetExhausted, not failed) after maxSteps steps, and when cancel is cancelled. */
    public IntegrationResult integrate(VectorField f, double[] y0, double[] grid, double h, long maxSteps,
                                       CancellationToken cancel, GridListener listener) {
        double[] y = y0.clone();
        long steps = 0;
        if (!listener.onGrid(0, grid[0], y, 0)) return new IntegrationResult(0, 0, false, false, null);
        for (int g = 1; g < grid.length; g++) {
            double span = grid[g] - grid[g - 1];
            int m = Math.max(1, (int) Math.ceil(span / h - 1e-9));
            double dt = span / m;
            for (int s = 0; s < m; s++) {
                if (steps >= maxSteps) return new IntegrationResult(steps, 4 * steps, false, false, null, true);
                if ((steps & 63) == 0) {
                    cancel.reportSteps(steps);
                    if (cancel.isCancelled()) return new IntegrationResult(steps, 4 * steps, false, false, null);
                }
                step(f, y, dt);
                steps++;
            }
            for (double v : y)
                if (!Double.isFinite(v))
                    return new IntegrationResult(steps, 4 * steps, false, true, "non-finite state at t = " + grid[g]);
            if (!listener.onGrid(g, grid[g], y, steps)) return new IntegrationResult(steps, 4 * steps, false, false, null);
        }
        return new IntegrationResult(steps, 4 * steps, true, false, null);
    }

    /** y ← y + dt/6 (k1 + 2k2 + 2k3 + k4) */
    public void step(VectorField f, double[] y, double dt) {
        f.evaluate(y, k1);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * dt * k1[i];
        f.evaluate(tmp, k2);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * dt * k2[i];
        f.evaluate(tmp, k3);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + dt * k3[i];
        f.evaluate(tmp, k4);
        for (int i = 0; i < n; i++) y[i] += dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
}
