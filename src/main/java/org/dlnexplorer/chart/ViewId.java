package org.dlnexplorer.chart;

/** The eight views of SPEC §2 with their command-line names and UI node ids (SPEC §3). */
public enum ViewId {
    SINGULAR_VALUES("singular-values", "Singular values of W (effective)"),
    LOSS("loss", "Loss"),
    KERNEL_DISTANCE("kernel-distance", "NTK kernel distance S(0,t)"),
    HYPERBOLOID("hyperboloid", "Hyperboloid parameter paths"),
    FUNCTION_SPACE("function-space", "Function-space path β(t)"),
    SHARPNESS("sharpness", "Sharpness vs 2/η"),
    PHASE_DIAGRAM("phase-diagram", "Regime phase diagram"),
    CONSERVATION("conservation", "Conservation monitor");

    private final String cliName;
    private final String title;

    ViewId(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    /** name used by `export --view` */
    public String cliName() { return cliName; }
    /** JavaFX node id, e.g. "singular-values-view" */
    public String nodeId() { return cliName + "-view"; }
    public String title() { return title; }

    public static ViewId fromCliName(String name) {
        for (ViewId v : values()) if (v.cliName.equals(name)) return v;
        return null;
    }
}
