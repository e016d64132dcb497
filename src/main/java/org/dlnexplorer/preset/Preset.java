package org.dlnexplorer.preset;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The preset file of SPEC §3, as Gson reads and writes it. Plain mutable data; validate with
 * {@link PresetValidator} and turn into simulations with {@link PresetCompiler}. Missing optional
 * fields are null and are not written back.
 */
public final class Preset {
    public Integer schema;
    public String name;
    public String description;
    public NetworkSection network;
    public TaskSection task;
    public InitSection init;
    public TrainingSection training;
    public CompareSection compare;
    public JsonObject view;

    public static final class NetworkSection {
        /** n_0 … n_L */
        public int[] widths;
        /** "linear" (default) | "relu" | "leaky-relu" (issue #13: widths [d, h, 1]) */
        public String activation;
        /** γ of leaky-relu, σ(z) = max(z, γz), in [0, 1) */
        public Double leak;
    }

    public static final class TaskSection {
        public TargetSection target;
        /** "whitened" or { "covariance": [[…]] } */
        public JsonElement inputs;
        public DataSection data;
        /** a teacher–student task (piecewise-linear networks) */
        public TeacherSection teacher;
        /** matrix completion: ℒ = ½ Σ_{mask_ij = 1} ((W_eff)_ij − M_ij)² */
        public CompletionSection completion;
        /** matrix sensing: ℒ = ½ Σ_k (⟨A_k, W_eff⟩ − y_k)² */
        public SensingSection sensing;
    }

    public static final class CompletionSection {
        /** M, n_L × n_0 */
        public double[][] matrix;
        /** 0/1, the shape of M: 1 where M_ij is observed */
        public double[][] mask;
    }

    public static final class SensingSection {
        /** A_1 … A_m, each n_L × n_0 */
        public double[][][] A;
        /** y_1 … y_m */
        public double[] y;
        /** optional: the matrix behind the measurements (for the recovery error) */
        public double[][] matrix;
    }

    public static final class TeacherSection {
        /** k, the teacher's hidden neurons */
        public Integer hidden;
        /** n, training inputs */
        public Integer samples;
        /** m, test inputs (0: none) */
        public Integer testSamples;
        public Long seed;
    }

    public static final class TargetSection {
        public double[] singularValues;
        /** "identity" | "random" */
        public String basis;
        public Long seed;
        /** n_L × n_0, row-major rows */
        public double[][] matrix;
    }

    public static final class DataSection {
        public double[][] X;
        public double[][] Y;
        /** optional test data (piecewise-linear networks): m × n_0 and m × 1 */
        public double[][] testX;
        public double[][] testY;
    }

    public static final class InitSection {
        /** aligned | orthogonal | gaussian | residual | explicit | neuron | isotropic | symmetrized */
        public String scheme;
        /** τ */
        public Double scale;
        /** δ */
        public Double delta;
        public Long seed;
        /** explicit: [W_1, …, W_L], each n_ℓ × n_{ℓ−1} */
        public double[][][] weights;
        /** neuron: the start direction β₀/‖β₀‖ (any non-zero vector; normalised), d entries for [d, 1, 1], c for [1, 1, c] */
        public double[] direction;
    }

    public static final class TrainingSection {
        /** gradient-flow | gradient-descent */
        public String method;
        public Double duration;
        public Integer samples;
        public Double learningRate;
        public double[] layerRates;
        public Double rtol;
        public Double atol;
        /** the step budget: the run stops (and says so) after this many steps; default Limits.DEFAULT_MAX_STEPS for the flows */
        public Long maxSteps;
        /** record sharpness for gradient flow too (always recorded for gradient descent) */
        public Boolean sharpness;
        /** frames carry the Hessian's λ_min and index (networks up to HessianSpectrum.MAX_PARAMETERS parameters) */
        public Boolean hessian;
        /**
         * the output layer W_L does not train (Marion &amp; Chizat's fixed readout p: f(x) = pᵀ W_{L−1} ⋯ W_1 x); its
         * gradient is zero and sharpness, the Hessian's spectrum and the stiff switch read the trainable block only
         */
        @com.google.gson.annotations.JsonAdapter(StrictBoolean.class)
        public Boolean freezeOutput;
    }

    public static final class CompareSection {
        /** a numeric preset field path, e.g. "init.delta" */
        public String parameter;
        public double[] values;
        /**
         * further fields varied in step with the parameter, one value per member each (issue #13's four
         * students differ in τ and δ): { "init.scale": [0.1, 2, 0.1, 0.1] }
         */
        public java.util.LinkedHashMap<String, double[]> with;
    }
}
