package org.dlnexplorer.model.sweep;

import org.dlnexplorer.model.engine.SimulationSpec;

/**
 * How a sweep cell is simulated, cheaper than an interactive run: fewer recorded frames and a looser
 * integrator tolerance (the end-point metrics need neither a fine time grid nor 1e-8 agreement).
 * A cell's values equal a single run of the spec returned by {@link #apply}.
 *
 * @param samples recorded frames per cell (time to fit is interpolated between them)
 * @param rtol    relative tolerance of the adaptive integrator (the preset's own is kept if looser)
 * @param atol    absolute tolerance (likewise)
 * @param maxSteps the step budget of a cell (the preset's own if smaller); a cell that runs out is "stopped"
 */
public record SweepSettings(int samples, double rtol, double atol, long maxSteps) {
    public static final int DEFAULT_SAMPLES = 60;
    public static final double DEFAULT_RTOL = 1e-7;
    public static final double DEFAULT_ATOL = 1e-10;
    /**
     * the step budget of one cell (the preset's own if smaller): a cell of a bundled preset's default map takes
     * at most 1,593 steps (marion-chizat-small-scale); 1,681 cells that each run out of it take well under a
     * minute of two cores
     */
    public static final long CELL_MAX_STEPS = 20_000L;
    public static final SweepSettings DEFAULT = new SweepSettings(DEFAULT_SAMPLES, DEFAULT_RTOL, DEFAULT_ATOL,
            CELL_MAX_STEPS);

    public SweepSettings {
        if (samples < 2) throw new IllegalArgumentException("a sweep cell needs at least 2 samples, got " + samples);
        if (!(rtol > 0) || !(atol > 0)) throw new IllegalArgumentException("sweep tolerances must be positive");
        if (maxSteps < 1) throw new IllegalArgumentException("a sweep cell's step budget must be ≥ 1, got " + maxSteps);
    }

    public SweepSettings withSamples(int n) { return new SweepSettings(n, rtol, atol, maxSteps); }

    public SweepSettings withMaxSteps(long budget) { return new SweepSettings(samples, rtol, atol, budget); }

    /** the spec of a sweep cell: same configuration, this many frames, at most this tight a tolerance, this budget */
    public SimulationSpec apply(SimulationSpec spec) {
        return spec.toBuilder().samples(samples)
                .tolerances(Math.max(rtol, spec.rtol()), Math.max(atol, spec.atol()))
                .maxSteps(Math.min(spec.maxSteps(), maxSteps)).build();
    }
}
