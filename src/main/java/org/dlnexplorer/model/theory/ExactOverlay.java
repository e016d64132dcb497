package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.observe.TheoryResult;

import java.util.function.Function;

/**
 * One exact solution as an overlay: "linear", "single-neuron", "saxe", "lambda-balanced" or "aligned-modes".
 * {@link Theories} chooses among them from the numbers; this overlay applies when the choice is its own.
 * The solution used is the one already attached to the trajectory, else {@link Theories#evaluate} on the
 * run's grid (on the one-point grid {0} when only applicability is asked: the choice does not depend on t).
 */
final class ExactOverlay implements Overlay {
    private static final double[] ORIGIN = {0.0};
    private final String id;
    private final Function<OverlayInput, String> equation;

    ExactOverlay(String id, Function<OverlayInput, String> equation) {
        this.id = id;
        this.equation = equation;
    }

    @Override public String id() { return id; }

    @Override
    public String whyNot(OverlayInput run) { return reason(solve(run, false)); }

    @Override
    public OverlayResult evaluate(OverlayInput run) { return from(solve(run, true)); }

    @Override
    public String equation(OverlayInput run) { return equation.apply(run); }

    /** this overlay's view of an exact solution computed once for every exact overlay */
    OverlayResult from(TheoryResult exact) {
        String why = reason(exact);
        return why == null ? OverlayResult.exact(id, exact) : OverlayResult.unavailable(id, why);
    }

    private String reason(TheoryResult exact) {
        if (!exact.available()) return exact.reason();
        return id.equals(exact.model()) ? null
                : "the exact solution that fits these numbers is \"" + exact.model() + "\", not this one";
    }

    /** the run's exact solution: attached, or evaluated on the run's grid (wholeGrid) or at t = 0 */
    static TheoryResult solve(OverlayInput run, boolean wholeGrid) {
        TheoryResult attached = run.attachedExact();
        if (attached != null) return attached;
        if (run.spec() == null)
            return TheoryResult.unavailable("the exact solution needs the run's specification, which is not at hand");
        return Theories.evaluate(run.spec(), wholeGrid ? run.times() : ORIGIN);
    }
}
