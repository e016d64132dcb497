package org.dlnexplorer.chart;

import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The view registry: one constant per view (SPEC §2), holding everything the rest of the program needs
 * to know about it: its command-line name (UI node id "&lt;name&gt;-view", SPEC §3), title, chart factory,
 * default placement (registry order, column span in the app's grid), paint-cost prior, whether its picture
 * carries the time cursor, and the kind of cell the app shows it in. Adding a view: its chart class and
 * one constant here.
 */
public enum ViewId {
    SINGULAR_VALUES("singular-values", "Singular values of W (effective)", SingularValuesChart::new, 2, 12.0, false, CellKind.IMAGE),
    INPUT_SPACE("input-space", "Input space: activation regions", InputSpaceChart::new, 2, 3.0, true, CellKind.IMAGE),
    LOSS("loss", "Loss", LossChart::new, 1, 8.5, false, CellKind.IMAGE),
    NEURON_DYNAMICS("neuron-dynamics", "Per-neuron dynamics", NeuronDynamicsChart::new, 2, 6.0, true, CellKind.IMAGE),
    KERNEL_DISTANCE("kernel-distance", "NTK kernel distance S(0,t)", KernelDistanceChart::new, 1, 5.0, false, CellKind.IMAGE),
    HYPERBOLOID("hyperboloid", "Hyperboloid parameter paths", HyperboloidChart::new, 1, 1.0, true, CellKind.SCENE_3D),
    FUNCTION_SPACE("function-space", "Function-space path β(t)", FunctionSpaceChart::new, 1, 1.0, false, CellKind.IMAGE),
    SHARPNESS("sharpness", "Sharpness vs 2/η", SharpnessChart::new, 1, 1.0, false, CellKind.IMAGE),
    PHASE_DIAGRAM("phase-diagram", "Regime phase diagram", MessageChart::phaseDiagram, 1, 1.0, false, CellKind.SWEEP),
    CONSERVATION("conservation", "Conservation monitor", ConservationChart::new, 1, 8.5, false, CellKind.IMAGE),
    HESSIAN("hessian", "Hessian spectrum (bottom)", HessianChart::new, 1, 1.0, false, CellKind.IMAGE),
    PHASE_PORTRAIT("phase-portrait", "(τ, δ) phase portrait", MessageChart::phasePortrait, 3, 1.0, false, CellKind.SWEEP),
    NUCLEAR_NORM("nuclear-norm", "Nuclear norm vs the convex minimum", NuclearNormChart::new, 1, 1.0, false, CellKind.IMAGE),
    NEURON_TEMPORAL("neuron-temporal", "Single neuron μ(t), φ(t), ν(t) (App. A)", NeuronTemporalChart::new, 1, 6.0, true, CellKind.IMAGE),
    HYPERBOLOID_GEOMETRIES("hyperboloid-geometries", "Figure 2: the three geometries of δ", HyperboloidGeometriesChart::new, 2, 3.0, true, CellKind.IMAGE),
    WEIGHTS("weights", "Weights Wₗ and balance Dₗ", WeightsChart::new, 1, 1.0, true, CellKind.IMAGE),
    SHARPNESS_VS_ETA("sharpness-vs-eta", "Final sharpness vs learning rate", SharpnessVsEtaChart::new, 1, 1.0, false, CellKind.IMAGE),
    LAYERS("layers", "Layers: singular values and alignment", LayersChart::new, 1, 1.0, false, CellKind.IMAGE),
    PRECONDITIONER("preconditioner", "Function-space preconditioner M and δₖ", PreconditionerChart::new, 1, 1.0, true, CellKind.IMAGE),
    KERNEL_DISTANCE_MATRIX("kernel-distance-matrix", "Kernel-distance matrix S(t₁, t₂)", KernelDistanceMatrixChart::new, 1, 1.0, true, CellKind.IMAGE),
    RESIDUAL_DEPTH("residual-depth", "Residual init: L·maxₖ‖ΔWₖ‖ vs depth", ResidualDepthChart::new, 1, 1.0, false, CellKind.IMAGE);

    /** How the app shows a view (the app maps each kind to a JavaFX cell; charts stay free of JavaFX). */
    public enum CellKind {
        /** the chart's picture, painted off the FX thread */
        IMAGE,
        /** a 3D scene where the platform supports it, else the chart's picture */
        SCENE_3D,
        /** the app's interactive sweep (runs its own simulations), else the chart's picture */
        SWEEP
    }

    /** the key of the preset's list of visible views (SPEC §3 "view") */
    public static final String PANELS_FIELD = "view.panels";

    private final String cliName;
    private final String title;
    private final Function<ChartStyle, ViewChart> factory;
    private final int columnSpan;
    private final double paintCost;
    private final boolean paintsCursor;
    private final CellKind cell;

    ViewId(String cliName, String title, Function<ChartStyle, ViewChart> factory, int columnSpan, double paintCost,
           boolean paintsCursor, CellKind cell) {
        this.cliName = cliName;
        this.title = title;
        this.factory = factory;
        this.columnSpan = columnSpan;
        this.paintCost = paintCost;
        this.paintsCursor = paintsCursor;
        this.cell = cell;
    }

    /** name used by `export --view` and in a preset's view.panels */
    public String cliName() { return cliName; }
    /** JavaFX node id, e.g. "singular-values-view" */
    public String nodeId() { return cliName + "-view"; }
    public String title() { return title; }
    /** a new chart for this view (each painting thread keeps its own) */
    public ViewChart newChart(ChartStyle style) { return factory.apply(style); }
    /** columns the view spans in the app's grid (default placement: registry order, row by row) */
    public int columnSpan() { return columnSpan; }
    /**
     * Relative cost of painting the view before any paint has been measured (CPU time on saxe-two-modes at
     * the default window size; not milliseconds): shares the views between the painting threads at first.
     */
    public double paintCost() { return paintCost; }
    /** true when the picture itself shows the time cursor (else the app draws it over the picture) */
    public boolean paintsCursor() { return paintsCursor; }
    public CellKind cell() { return cell; }

    /** why this view does not apply to the runs (one line), or null when it does (ViewApplicability) */
    public String whyNot(org.dlnexplorer.model.observe.RunSet runs) {
        ViewApplicability.Reason r = ViewApplicability.whyNot(this, runs);
        return r == null ? null : r.line();
    }

    public static ViewId fromCliName(String name) {
        for (ViewId v : values()) if (v.cliName.equals(name)) return v;
        return null;
    }

    /** every view's command-line name, in registry order, comma separated (for messages) */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (ViewId v : values()) names.add(v.cliName);
        return String.join(", ", names);
    }

    /**
     * The views a preset asks the app to show (its view.panels, in registry order), or every view when
     * it does not say. An unknown name is refused naming the field.
     */
    public static List<ViewId> panels(Preset p, String source) throws PresetException {
        for (String key : new String[] {"sweepX", "sweepY"}) {
            try {
                SweepAxes.checked(p, key);
            } catch (IllegalArgumentException e) {
                throw new PresetException(source, "view." + key, e.getMessage().replaceFirst("^view\\.\\w+: ", ""));
            }
        }
        if (p.view == null || !p.view.has("panels")) return defaults(p);
        JsonElement e = p.view.get("panels");
        if (!e.isJsonArray()) throw new PresetException(source, PANELS_FIELD, "must be an array of view names (" + names() + ")");
        JsonArray a = e.getAsJsonArray();
        if (a.isEmpty()) throw new PresetException(source, PANELS_FIELD, "must list at least one view (" + names() + ")");
        List<ViewId> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonElement x = a.get(i);
            ViewId v = x.isJsonPrimitive() && x.getAsJsonPrimitive().isString() ? fromCliName(x.getAsString()) : null;
            String field = PANELS_FIELD + "[" + i + "]";
            if (v == null) throw new PresetException(source, field, "unknown view " + x + " (known: " + names() + ")");
            if (out.contains(v)) throw new PresetException(source, field, "lists " + x + " twice");
            out.add(v);
        }
        out.sort(null);   // registry order: each view keeps its default place
        return List.copyOf(out);
    }

    /** the same for a preset already validated: its family's views when its list is unusable */
    public static List<ViewId> panelsOrAll(Preset p) {
        try {
            return panels(p, null);
        } catch (PresetException e) {
            return defaults(p);
        }
    }

    /** the views only a two-layer piecewise-linear network has (issue 13) */
    public static final List<ViewId> PIECEWISE_ONLY = List.of(INPUT_SPACE, NEURON_DYNAMICS, PHASE_PORTRAIT);
    /** the linear-network views a piecewise-linear preset shows besides its own (loss, kernel distance) */
    private static final List<ViewId> SHARED = List.of(LOSS, KERNEL_DISTANCE);

    /** whether a preset is of the two-layer piecewise-linear family (network.activation relu or leaky-relu) */
    public static boolean piecewise(Preset p) {
        String a = p == null || p.network == null ? null : p.network.activation;
        return a != null && !a.equals("linear");
    }

    /**
     * Views shown only when a preset names them in view.panels or the user adds them from the View menu: each
     * needs something most runs do not record or a task most presets do not have. A preset that records what
     * such a view draws (training.hessian for the Hessian view) shows it by default.
     */
    public static final List<ViewId> OPT_IN = List.of(HESSIAN, NUCLEAR_NORM, NEURON_TEMPORAL, HYPERBOLOID_GEOMETRIES, WEIGHTS, SHARPNESS_VS_ETA, LAYERS,
            PRECONDITIONER, KERNEL_DISTANCE_MATRIX,
            RESIDUAL_DEPTH);

    /**
     * The views a preset shows when it does not list them: a deep linear network every view but the
     * piecewise-only and the opt-in ones; a piecewise-linear network its own views, the loss and the kernel distance.
     */
    public static List<ViewId> defaults(Preset p) {
        List<ViewId> out = new ArrayList<>();
        boolean pw = piecewise(p);
        for (ViewId v : values()) {
            if (OPT_IN.contains(v) && !recorded(v, p)) continue;
            if (v == INPUT_SPACE && !twoInputs(p)) continue;   // the partition is drawn in the plane (d = 2)
            if (pw ? PIECEWISE_ONLY.contains(v) || SHARED.contains(v) : !PIECEWISE_ONLY.contains(v)) out.add(v);
        }
        // views whose network shape the preset cannot have go last: they say why they do not apply, and the
        // first screen (1280 × 800 shows two rows) keeps the views that draw this network
        List<ViewId> last = new ArrayList<>();
        out.removeIf(v -> !shapeAllows(v, p) && last.add(v));
        out.addAll(last);
        return List.copyOf(out);
    }

    /**
     * Whether the preset's widths allow a view that needs one network shape (the single-neuron views need
     * [d, 1, 1], the function-space view two inputs and one output, App. A's panels [d, 1, 1] or [1, 1, c]);
     * true without widths, or when its compare set varies the network (a member may have the shape).
     */
    static boolean shapeAllows(ViewId v, Preset p) {
        if (p == null || p.network == null || p.network.widths == null) return true;
        if (p.compare != null && p.compare.parameter != null && p.compare.parameter.startsWith("network.")) return true;
        if (p.compare != null && p.compare.with != null)
            for (String f : p.compare.with.keySet()) if (f.startsWith("network.")) return true;
        int[] w = p.network.widths;
        return switch (v) {   // the shape half of each view's applicability (ViewApplicability)
            case HYPERBOLOID, HYPERBOLOID_GEOMETRIES -> SingleNeuron.shape(w);
            case FUNCTION_SPACE -> ViewApplicability.twoInputScalarOutput(w);
            case NEURON_TEMPORAL -> NeuronTemporalChart.shape(w);
            default -> true;
        };
    }

    /** whether the preset's network has two inputs (widths [2, …]) */
    private static boolean twoInputs(Preset p) {
        return p != null && p.network != null && p.network.widths != null && p.network.widths.length > 0
                && p.network.widths[0] == 2;
    }

    /** whether a preset records what an opt-in view draws (so that view is among its defaults) */
    private static boolean recorded(ViewId v, Preset p) {
        if (p == null) return false;
        if (v == HESSIAN) return p.training != null && Boolean.TRUE.equals(p.training.hessian);
        if (v == NUCLEAR_NORM) return p.task != null && (p.task.completion != null || p.task.sensing != null);
        return false;
    }
}
