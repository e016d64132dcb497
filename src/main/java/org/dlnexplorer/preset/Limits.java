package org.dlnexplorer.preset;

/**
 * Every size and range a preset may have, in one place, each with the reason it follows from. The machine the
 * tool is sized for: 24 GiB of memory (the JVM's default heap is a quarter, 6 GiB) and 2 cores. A preset
 * outside a limit is refused with one line naming the file, the field and the limit, before anything is
 * allocated for it; none is discovered by running out of memory.
 */
public final class Limits {
    private Limits() {}

    /** bytes of a preset file: text is read whole (2 bytes a character) and parsed, well inside the heap */
    public static final long MAX_FILE_BYTES = 128L << 20;
    /** nesting of JSON objects and arrays: the deepest preset needs 4 (explicit weights); Gson parses recursively */
    public static final int MAX_NESTING = 64;

    /** layers L: the deepest bundled preset has 3; a product of 100 matrices is already far past any theory */
    public static final int MAX_DEPTH = 100;
    /** width n_ℓ of any layer: one layer's n×n blocks and SVDs stay at a few MiB */
    public static final int MAX_WIDTH = 1024;
    /**
     * Σ n_ℓ n_{ℓ−1}: the adaptive integrator holds 16 state-sized vectors and the objective about as many
     * again, 256 bytes per parameter: 4 Mi parameters are 1 GiB, for each of the two threads a compare set uses
     */
    public static final long MAX_PARAMETERS = 4L << 20;
    /**
     * recorded numbers over a whole compare set: members × frames × (n_L·n_0 for W_eff + the singular values
     * of every layer + a few scalars), 8 bytes each: 2^27 of them are 1 GiB of frames
     */
    public static final long MAX_RECORDED_NUMBERS = 1L << 27;
    /** frames per run (training.samples) */
    public static final int MAX_SAMPLES = 100_000;

    /** rows of task.data: the kernel distance keeps n×n blocks per layer */
    public static final int MAX_DATA_ROWS = 8192;
    /** depth × rows²: two n×n kernel blocks per layer at 8 bytes, 2^26 of them are 1 GiB */
    public static final long MAX_KERNEL_ENTRIES = 1L << 26;
    /**
     * |entry| of data, targets, covariances and explicit weights, and |δ|: second moments (n·x²) and products of
     * L factors must stay far from the double range (1e308)
     */
    public static final double MAX_MAGNITUDE = 1e8;
    /** init.scale τ: W_eff grows like τ^L; past 1e3 a depth-2 flow is already 1e9 times stiffer than at τ = 1 */
    public static final double MAX_SCALE = 1e3;

    /** compare-set members: each is a whole run held in memory and drawn as its own curve */
    public static final int MAX_COMPARE_VALUES = 1024;

    /**
     * training.duration: the adaptive integrator refuses steps below 1e−14·max(1, t), so a duration under
     * 1e−9 leaves no room for its steps, and one past 1e12 forces steps larger than any stable one
     */
    public static final double MIN_DURATION = 1e-9, MAX_DURATION = 1e12;
    /** rtol: below ~100 machine epsilons the error estimate is round-off and steps shrink for ever; above 0.1 nothing is resolved */
    public static final double MIN_RTOL = 1e-14, MAX_RTOL = 0.1;
    /** atol: 2e−20 is the round-off of a weight of size 1e−4; a smaller atol cannot be met */
    public static final double MIN_ATOL = 1e-20, MAX_ATOL = 1.0;
    /** gradient-descent steps duration/η (about 1 µs each for a small network: minutes at most) */
    public static final double MAX_GD_STEPS = 1e8;
    /** training.maxSteps default for the flows (adaptive and RK4): seconds to a minute for a small network */
    public static final long DEFAULT_MAX_STEPS = org.dlnexplorer.model.engine.SimulationSpec.DEFAULT_MAX_STEPS;
    /** training.maxSteps ceiling: the gradient-descent ceiling */
    public static final long MAX_MAX_STEPS = (long) MAX_GD_STEPS;

    /** A number as a person writes it: 1024, 0.001, 1e+09. */
    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.valueOf(v);
    }
}
