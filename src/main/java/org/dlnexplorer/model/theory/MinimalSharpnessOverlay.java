package org.dlnexplorer.model.theory;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;

/**
 * "minimal-sharpness": Marion &amp; Chizat's sharpness of the flattest minimizer, S_min = L a ‖π*‖^{2−2/L}
 * ({@link MarionChizat#sharpnessLowerBound}; exact for whitened inputs), for a scalar output, Σxx = cI and
 * every layer rate 1.
 */
final class MinimalSharpnessOverlay implements Overlay {
    static final String ID = "minimal-sharpness";

    @Override public String id() { return ID; }

    @Override
    public String whyNot(OverlayInput run) {
        Task task = run.task();
        Network net = run.network();
        if (task == null || net == null) return "the run carries no task";
        if (net.outputDim() != 1) return "S_min = L a‖π*‖^{2−2/L} is known for a scalar output, and this network has "
                + net.outputDim() + " outputs";
        if (!(Theories.isotropicScale(task.sigmaXX()) > 0)) return "inputs are not whitened (Σxx is not a multiple of I)";
        for (double r : net.layerRates())
            if (r != 1.0) return "layer rates other than 1 reshape the Hessian, and the bound is for plain gradient steps";
        double norm = 0;
        for (double v : task.target().data) norm += v * v;
        if (norm == 0) return "the target is zero: the minimizer at the origin has no sharpness bound";
        return null;
    }

    @Override
    public OverlayResult evaluate(OverlayInput run) {
        String why = whyNot(run);
        if (why != null) return OverlayResult.unavailable(ID, why);
        Task task = run.task();
        return OverlayResult.number(ID, "value",
                MarionChizat.sharpnessLowerBound(run.depth(), task.target().data, task.sigmaXX()));
    }
}
