package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.Fixtures;
import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.output.RunCsvWriter;
import org.dlnexplorer.output.RunJsonWriter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GradientDescentTest {
    @Test
    void framesArePlottedAtEtaTimesTheNearestStep() {
        Network net = new Network(2, 2, 2);
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        SimulationSpec spec = Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 0.0, 1, Method.GRADIENT_DESCENT, 1.0, 4, 0.03);
        Trajectory tr = Simulation.simulate(spec);
        // requested 0, 1/3, 2/3, 1 → steps 0, 11, 22, 33
        long[] steps = tr.frames().stream().mapToLong(Frame::step).toArray();
        assertArrayEquals(new long[]{0, 11, 22, 33}, steps);
        for (Frame f : tr.frames()) assertEquals(0.03 * f.step(), f.t(), 1e-15);
        assertTrue(tr.frames().get(0).hasSharpness(), "gradient descent records sharpness");
    }

    @Test
    void oneStepMatchesTheUpdateRuleWithLayerRates() {
        Network net = new Network(new int[]{2, 2, 2}, new double[]{0.5, 2.0});
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        SimulationSpec spec = Fixtures.spec(net, task, Scheme.GAUSSIAN, 0.5, 0.0, 4, Method.GRADIENT_DESCENT, 0.1, 2, 0.1);
        Trajectory tr = Simulation.simulate(spec);
        var f = new org.dlnexplorer.model.objective.Objective(net, task);
        double[] theta = spec.theta0(), g = new double[theta.length];
        f.gradient(theta, g);
        for (int l = 1; l <= 2; l++)
            for (int i = 0; i < 4; i++) theta[net.offset(l) + i] -= 0.1 * net.rate(l) * g[net.offset(l) + i];
        double[][] w = tr.last().weights();
        for (int l = 1; l <= 2; l++)
            for (int i = 0; i < 4; i++) assertEquals(theta[net.offset(l) + i], w[l - 1][i], 1e-15);
    }

    @Test
    void divergenceIsDetectedReportedAndTheFinitePartKept() {
        Network net = new Network(2, 2, 2);
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        SimulationSpec spec = Fixtures.spec(net, task, Scheme.ALIGNED, 1.0, 0.0, 1, Method.GRADIENT_DESCENT, 50.0, 101, 1.5);
        Trajectory tr = Simulation.simulate(spec);
        assertTrue(tr.diverged());
        assertNotNull(tr.divergedAtStep());
        assertFalse(tr.complete());
        assertFalse(tr.frames().isEmpty());
        for (Frame f : tr.frames()) {
            assertTrue(Double.isFinite(f.loss()));
            assertTrue(f.step() < tr.divergedAtStep());
        }
        String json = RunJsonWriter.toJson(tr);
        String csv = RunCsvWriter.toCsv(tr);
        for (String s : new String[]{json, csv}) {
            assertFalse(s.contains("NaN"));
            assertFalse(s.contains("Infinity"));
        }
        assertTrue(json.contains("\"diverged\":true"));
        assertTrue(json.contains("\"divergedAtStep\":" + tr.divergedAtStep()));
    }

    @Test
    void smallStepGradientDescentApproachesGradientFlow() {
        Network net = new Network(2, 2, 2);
        Task task = Task.whitened(Fixtures.diag(2, 2, 3, 1));
        SimulationSpec gd = Fixtures.spec(net, task, Scheme.ALIGNED, 0.1, 0.0, 1, Method.GRADIENT_DESCENT, 2.0, 3, 1e-4);
        SimulationSpec gf = gd.toBuilder().method(Method.GRADIENT_FLOW).build();
        double a = Simulation.simulate(gd).last().singularValue(0), b = Simulation.simulate(gf).last().singularValue(0);
        assertEquals(b, a, 1e-3);
        assertNotEquals(b, a);
    }
}
