package org.dlnexplorer.model.theory;

/**
 * A piece of theory drawn over a run: an exact solution, or a reference (plateau levels, a sharpness bound,
 * an implicit-bias limit). It decides from the run's numbers (weights, task, method), never from labels,
 * whether it applies, and says why not in one sentence when it does not. Adding one: one class plus one
 * line in {@link Overlays#ALL}.
 */
public interface Overlay {
    /** the stable id used in `run` JSON ("saxe", "saddle-plateaus", …) */
    String id();

    /** null when the overlay applies to the run, else the reason in one sentence */
    String whyNot(OverlayInput run);

    /** the overlay's numbers for the run, on the run's time grid where they depend on t */
    OverlayResult evaluate(OverlayInput run);

    /** the governing equation the overlay stands for, as display text, or null (only asked when it applies) */
    default String equation(OverlayInput run) { return null; }

    /** the same equation in TeX, for typesetting (the app's equation box), or null */
    default String equationTex(OverlayInput run) { return null; }
}
