package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.objective.FlowJacobian;
import org.dlnexplorer.model.objective.Objective;

/**
 * Gradient flow with automatic stiffness switching, as LSODA does between Adams and BDF: Dormand–Prince 5(4)
 * runs with Hairer's stiffness test ({@link StiffnessTest}); when the test fires the run continues with
 * Radau IIA 5 ({@link RadauIIA5}) on the exact Jacobian J = −R·H, and returns to Dormand–Prince once h·ρ(J)
 * has stayed well inside the explicit stability region. A run whose test never fires is, bit for bit,
 * {@link DormandPrince54#integrate} (the test only reads the stages).
 */
public final class AutoStiffFlow {
    /** -Ddln.stiffSwitching=false: the explicit method alone (the code before switching; for benchmarks) */
    public static final boolean ENABLED = !"false".equals(System.getProperty("dln.stiffSwitching"));

    private final VectorField field;
    private final DormandPrince54 explicit;
    private final StiffnessTest test = new StiffnessTest();
    private final FlowJacobian jacobian;
    private RadauIIA5 implicit;
    private int switches;
    private long stiffSteps;

    /**
     * @param flow     evaluates the field (dθ/dt = −R ∇ℒ)
     * @param hessian  a second instance on the same network and task, for the Hessian-vector products
     */
    public AutoStiffFlow(Objective flow, Objective hessian) {
        this.field = flow::flow;
        this.explicit = new DormandPrince54(flow.parameterCount());
        this.jacobian = new FlowJacobian(hessian);
    }

    /** Integrates from (grid[0], y0) through every grid time; y0 is not modified. */
    public IntegrationResult integrate(double[] y0, double[] grid, double rtol, double atol, GridListener listener) {
        return integrate(y0, grid, rtol, atol, DormandPrince54.MAX_STEPS, CancellationToken.NEVER, listener);
    }

    /** As above, stopping after maxSteps accepted steps (both methods' together) or when cancel says so. */
    public IntegrationResult integrate(double[] y0, double[] grid, double rtol, double atol, long maxSteps,
                                       CancellationToken cancel, GridListener listener) {
        if (!ENABLED || !jacobian.ratesPositive())
            return explicit.integrate(field, y0, grid, rtol, atol, maxSteps, cancel, listener);
        double[] y = y0.clone();
        if (!listener.onGrid(0, grid[0], y, 0)) return new IntegrationResult(0, 0, false, false, null);
        if (grid.length == 1) return new IntegrationResult(0, 0, true, false, null);
        Segment s = explicit.advance(field, y, grid[0], 1, grid, rtol, atol, maxSteps, cancel, listener, 0, 0,
                Double.NaN, test);
        while (s.status() == Segment.Status.HAND_OVER) {
            switches++;
            if (implicit == null) implicit = new RadauIIA5(jacobian);
            long before = s.steps();
            s = implicit.advance(field, y, s.t(), s.next(), grid, rtol, atol, maxSteps, cancel, listener, s.steps(),
                    s.evals(), s.h(), true);
            stiffSteps += s.steps() - before;
            if (s.status() != Segment.Status.HAND_OVER) break;
            switches++;
            test.reset();
            s = explicit.advance(field, y, s.t(), s.next(), grid, rtol, atol, maxSteps, cancel, listener, s.steps(),
                    s.evals(), s.h(), test);
        }
        return s.result();
    }

    /** changes of integrator in the last run(s) (0: never stiff) */
    public int switches() { return switches; }

    /** accepted steps taken by the implicit method */
    public long stiffSteps() { return stiffSteps; }

    /** Jacobian decompositions made */
    public long jacobians() { return implicit == null ? 0 : implicit.jacobians(); }
}
