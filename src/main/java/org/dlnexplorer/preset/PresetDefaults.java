package org.dlnexplorer.preset;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;

/**
 * What a preset means where it is silent: the one table that the compiler (and so {@code run}, {@code export},
 * {@code sweep}, {@code bench}) and the app's controls read. Fields the validator requires (widths, target,
 * scheme, τ for every scheme but explicit, duration, η for gradient descent) have no default here unless a
 * control must show something before a preset says.
 */
public final class PresetDefaults {
    private PresetDefaults() {}

    /** init.delta: δ = 0, balanced */
    public static final double DELTA = 0.0;
    /**
     * init.scale: τ. Only explicit weights may leave it out, and they do not use it (θ(0) is the weights as
     * written, so no output depends on it); 0.01 is the value the τ control shows for them (its log axis has
     * no 0) and the SPEC's example scale.
     */
    public static final double SCALE = 0.01;
    /** init.seed */
    public static final long SEED = 0L;
    /** training.method */
    public static final Method METHOD = Method.GRADIENT_FLOW;
    /** training.samples: recorded frames */
    public static final int SAMPLES = 400;
    /**
     * training.learningRate η for a run switched to gradient descent by the controls when the preset has none
     * (a gradient-descent preset must give one; gradient flow has no η: its spec carries 0).
     */
    public static final double LEARNING_RATE = 0.05;
    /** the duration control's value for a preset without one (invalid: the duration is required) */
    public static final double DURATION = 10.0;
    /** training.rtol / training.atol: the adaptive integrator's error control, tight enough for 1e-8 agreement */
    public static final double RTOL = SimulationSpec.DEFAULT_RTOL, ATOL = SimulationSpec.DEFAULT_ATOL;
    /** training.maxSteps: the step budget of a run; 0 = the engine's default (SimulationSpec.DEFAULT_MAX_STEPS) */
    public static final long MAX_STEPS = 0L;
    /** the step of the fixed-step RK4 reference integrator (no preset field) */
    public static final double RK4_STEP = SimulationSpec.DEFAULT_RK4_STEP;
}
