package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.TheoryResult;
import org.dlnexplorer.model.observe.Trajectory;

/**
 * What an {@link Overlay} looks at: the run's specification, its trajectory, or both (at least one). The
 * numbers come from the spec when it is at hand, else from the trajectory's setup and first frame; a
 * spec alone (before a run) is enough to decide applicability and the governing equation.
 */
public record OverlayInput(SimulationSpec spec, Trajectory trajectory) {
    public OverlayInput {
        if (spec == null && trajectory == null) throw new IllegalArgumentException("an overlay needs a spec or a trajectory");
    }

    public static OverlayInput of(SimulationSpec spec) { return new OverlayInput(spec, null); }
    public static OverlayInput of(Trajectory trajectory) { return new OverlayInput(null, trajectory); }
    public static OverlayInput of(SimulationSpec spec, Trajectory trajectory) { return new OverlayInput(spec, trajectory); }

    private Trajectory.Setup setup() { return trajectory == null ? null : trajectory.setup(); }

    /** the task, or null when neither a spec nor the trajectory's setup is at hand */
    public Task task() {
        if (spec != null) return spec.task();
        return setup() == null ? null : setup().task();
    }

    /** the network (widths, layer rates), or null when not at hand */
    public Network network() {
        if (spec != null) return spec.network();
        return setup() == null ? null : setup().network();
    }

    public int[] widths() { return spec != null ? spec.network().widths() : trajectory.widths(); }

    public int depth() { return widths().length - 1; }

    /** gradient descent or a gradient flow (the trajectory records "gradient-descent" / "gradient-flow") */
    public boolean isGradientFlow() {
        if (spec != null) return spec.method().isFlow();
        return !Method.isGradientDescent(trajectory.method());
    }

    public double learningRate() {
        if (spec != null) return spec.learningRate();
        return setup() == null ? Double.NaN : setup().learningRate();
    }

    /** θ0 as the engine lays it out (W_1 row-major, then W_2, …), or null when not recorded */
    public double[] theta0() {
        if (spec != null) return spec.theta0();
        if (trajectory.frames().isEmpty() || !trajectory.frames().get(0).hasWeights()) return null;
        double[][] w = trajectory.frames().get(0).weights();
        int n = 0;
        for (double[] layer : w) n += layer.length;
        double[] theta = new double[n];
        int k = 0;
        for (double[] layer : w) for (double v : layer) theta[k++] = v;
        return theta;
    }

    /** the run's t grid: the trajectory's recorded times, else the spec's grid */
    public double[] times() { return trajectory != null ? trajectory.times() : spec.grid(); }

    /** the recorded frames, or null before a run */
    public java.util.List<Frame> frames() { return trajectory == null ? null : trajectory.frames(); }

    /** the exact solution attached to the trajectory, or null */
    TheoryResult attachedExact() { return trajectory == null ? null : trajectory.exact(); }
}
