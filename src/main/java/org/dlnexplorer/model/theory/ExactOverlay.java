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
    private final Function<OverlayInput, String> shape;
    private final Function<OverlayInput, String> equation;
    private final Function<OverlayInput, String> tex;

    /**
     * @param shape why the network's widths rule this solution out, or null (asked first: a sharper reason than
     *              the one {@link Theories} gives for the run as a whole)
     */
    ExactOverlay(String id, Function<OverlayInput, String> shape, Function<OverlayInput, String> equation) {
        this(id, shape, equation, run -> null);
    }

    /** @param tex the equation in TeX (null where equation is null) */
    ExactOverlay(String id, Function<OverlayInput, String> shape, Function<OverlayInput, String> equation,
                 Function<OverlayInput, String> tex) {
        this.id = id;
        this.shape = shape;
        this.equation = equation;
        this.tex = tex;
    }

    @Override public String id() { return id; }

    @Override
    public String whyNot(OverlayInput run) {
        String why = shape.apply(run);
        return why != null ? why : reason(solve(run, false));
    }

    @Override
    public OverlayResult evaluate(OverlayInput run) { return from(run, solve(run, true)); }

    @Override
    public String equation(OverlayInput run) { return equation.apply(run); }

    @Override
    public String equationTex(OverlayInput run) { return tex.apply(run); }

    /** this overlay's view of the run's exact solution (computed once for every exact overlay) */
    OverlayResult from(OverlayInput run, TheoryResult exact) {
        String why = shape.apply(run);
        if (why == null) why = reason(exact);
        return why == null ? OverlayResult.exact(id, exact) : OverlayResult.unavailable(id, why);
    }

    private String reason(TheoryResult exact) {
        if (!exact.available()) return firstSentence(exact.reason());
        return id.equals(exact.model()) ? null
                : "the exact solution that fits these numbers is \"" + exact.model() + "\", not this one";
    }

    /** an overlay's reason is one sentence; Theories' reason (kept as is in "exact") may add a hint after it */
    static String firstSentence(String reason) {
        int end = reason.indexOf(". ");
        return end < 0 ? reason : reason.substring(0, end);
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
