package org.dlnexplorer.model.engine;

/**
 * Where one integrator stopped inside a run: at the end of the grid (DONE), because the listener or the
 * cancellation token said so (STOPPED), when the step budget ran out (BUDGET), on failure (FAILED), or to hand
 * the run to the other integrator (HAND_OVER: the problem turned
 * stiff, or stopped being stiff) at (t, next) with the step size h it would have taken next.
 * steps and evals count the whole run so far.
 */
public record Segment(Status status, double t, int next, double h, long steps, long evals, String failure) {
    public enum Status { DONE, STOPPED, BUDGET, FAILED, HAND_OVER }

    static Segment done(double t, int next, long steps, long evals) {
        return new Segment(Status.DONE, t, next, Double.NaN, steps, evals, null);
    }

    static Segment stopped(double t, int next, long steps, long evals) {
        return new Segment(Status.STOPPED, t, next, Double.NaN, steps, evals, null);
    }

    static Segment budget(double t, int next, long steps, long evals) {
        return new Segment(Status.BUDGET, t, next, Double.NaN, steps, evals, null);
    }

    static Segment failed(double t, int next, long steps, long evals, String why) {
        return new Segment(Status.FAILED, t, next, Double.NaN, steps, evals, why);
    }

    static Segment handOver(double t, int next, double h, long steps, long evals) {
        return new Segment(Status.HAND_OVER, t, next, h, steps, evals, null);
    }

    /** the run's result if it ends here */
    public IntegrationResult result() {
        return switch (status) {
            case DONE -> new IntegrationResult(steps, evals, true, false, null);
            case STOPPED -> new IntegrationResult(steps, evals, false, false, null);
            case BUDGET -> new IntegrationResult(steps, evals, false, false, null, true);
            case FAILED -> new IntegrationResult(steps, evals, false, true, failure);
            case HAND_OVER -> throw new IllegalStateException("a hand-over is not the end of a run");
        };
    }
}
