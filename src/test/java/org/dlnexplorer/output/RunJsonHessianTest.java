package org.dlnexplorer.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.HessianSpectrum;
import org.dlnexplorer.model.observe.Trajectory;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** training.hessian: the run JSON carries hessianMin and hessianIndex per frame; without it, neither. */
class RunJsonHessianTest {
    @Test
    void framesCarryTheHessiansMinimumAndIndexWhenAsked() {
        Network net = new Network(3, 3, 3);
        Task task = Task.whitened(CommonOps_DDRM.diag(3, 1, 0.5));
        double[] theta0 = new double[net.parameterCount()];
        java.util.Random rng = new java.util.Random(5);
        for (int i = 0; i < theta0.length; i++) theta0[i] = 1e-3 * rng.nextGaussian();
        SimulationSpec spec = SimulationSpec.builder(net, task, theta0).grid(8, 17).hessian(true).build();
        Trajectory tr = Simulation.simulate(spec);
        JsonObject o = JsonParser.parseString(RunJsonWriter.toJson(tr)).getAsJsonObject();
        JsonArray min = o.getAsJsonArray("hessianMin"), index = o.getAsJsonArray("hessianIndex");
        assertEquals(17, min.size());
        assertEquals(17, index.size());
        Objective obj = new Objective(net, task);
        for (int i = 0; i < 17; i += 8) {
            Frame f = tr.frames().get(i);
            // the frame's θ is its weights: recompute the spectrum independently of the run
            double[] theta = new double[net.parameterCount()];
            double[][] w = f.weights();
            for (int l = 0; l < w.length; l++) System.arraycopy(w[l], 0, theta, net.offset(l + 1), w[l].length);
            double[] ev = new HessianSpectrum(obj).eigenvalues(theta);
            assertEquals(ev[0], min.get(i).getAsDouble(), 1e-9 * Math.max(1, Math.abs(ev[ev.length - 1])));
            assertEquals(HessianSpectrum.index(ev), index.get(i).getAsInt());
        }
        // from a small start near the origin (a saddle of index n₁·k = 9): negative curvature −3 nine-fold … and none at the end
        assertEquals(-3, min.get(0).getAsDouble(), 1e-3);
        assertEquals(9, index.get(0).getAsInt());
        SimulationSpec plain = spec.toBuilder().hessian(false).build();
        JsonObject p = JsonParser.parseString(RunJsonWriter.toJson(Simulation.simulate(plain))).getAsJsonObject();
        assertFalse(p.has("hessianMin") || p.has("hessianIndex"));
    }
}
