package org.dlnexplorer.model.engine;

import org.dlnexplorer.model.core.Network;
import org.dlnexplorer.model.core.Task;
import org.dlnexplorer.model.init.Scheme;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's builder: its defaults, its copies of θ(0), its check of θ(0)'s length, toBuilder round trips. */
class SimulationSpecTest {
    private final Network net = new Network(2, 2, 2);
    private final Task task = Task.whitened(new DMatrixRMaj(new double[][]{{3, 0}, {0, 1}}));
    private final double[] theta = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    @Test
    void theBuilderStartsFromTheDocumentedDefaults() {
        SimulationSpec s = SimulationSpec.builder(net, task, theta).build();
        assertEquals("run", s.name());
        assertEquals(Scheme.EXPLICIT, s.scheme());
        assertEquals(0.0, s.scale());
        assertEquals(0.0, s.delta());
        assertEquals(0L, s.seed());
        assertEquals(Method.GRADIENT_FLOW, s.method());
        assertEquals(1.0, s.duration());
        assertEquals(2, s.samples());
        assertEquals(0.0, s.learningRate());
        assertEquals(SimulationSpec.DEFAULT_RTOL, s.rtol());
        assertEquals(SimulationSpec.DEFAULT_ATOL, s.atol());
        assertEquals(SimulationSpec.DEFAULT_RK4_STEP, s.rk4Step());
        assertFalse(s.sharpness());
    }

    @Test
    void everyFieldIsSetByItsBuilderMethod() {
        SimulationSpec s = SimulationSpec.builder(net, task, theta).name("n").scheme(Scheme.ALIGNED).scale(0.25)
                .delta(-1.5).seed(7).method(Method.GRADIENT_FLOW_RK4).grid(3.5, 11).learningRate(0.02)
                .tolerances(1e-6, 1e-9).rk4Step(1e-2).sharpness(true).build();
        assertEquals("n", s.name());
        assertEquals(Scheme.ALIGNED, s.scheme());
        assertEquals(0.25, s.scale());
        assertEquals(-1.5, s.delta());
        assertEquals(7L, s.seed());
        assertEquals(Method.GRADIENT_FLOW_RK4, s.method());
        assertEquals(3.5, s.duration());
        assertEquals(11, s.samples());
        assertEquals(0.02, s.learningRate());
        assertEquals(1e-6, s.rtol());
        assertEquals(1e-9, s.atol());
        assertEquals(1e-2, s.rk4Step());
        assertTrue(s.sharpness());
        assertArrayEquals(theta, s.theta0());
    }

    @Test
    void toBuilderChangesOnlyWhatItIsTold() {
        SimulationSpec s = SimulationSpec.builder(net, task, theta).name("n").scale(0.5).delta(2).seed(3)
                .grid(4, 9).learningRate(0.1).tolerances(1e-7, 1e-10).sharpness(true).build();
        SimulationSpec rk = s.toBuilder().method(Method.GRADIENT_FLOW_RK4).build();
        assertEquals(Method.GRADIENT_FLOW_RK4, rk.method());
        assertEquals(s, rk.toBuilder().method(Method.GRADIENT_FLOW).build(), "every other field survives");
        assertEquals(s, s.toBuilder().build());
        assertEquals(s.hashCode(), s.toBuilder().build().hashCode());
        SimulationSpec finer = s.toBuilder().samples(40).build();
        assertEquals(40, finer.samples());
        assertEquals(4.0, finer.duration());
        assertEquals(s, finer.toBuilder().samples(9).build());
    }

    @Test
    void theta0IsCopiedInAndOut() {
        double[] mine = theta.clone();
        SimulationSpec.Builder b = SimulationSpec.builder(net, task, mine);
        mine[0] = 99;
        SimulationSpec s = b.build();
        assertEquals(0.1, s.theta0()[0], "the builder copied θ(0)");
        double[] out = s.theta0();
        out[1] = 99;
        assertEquals(0.2, s.theta0()[1], "the accessor hands out a copy");
        assertNotSame(s.theta0(), s.theta0());
        double[] direct = theta.clone();
        SimulationSpec viaConstructor = new SimulationSpec("c", net, task, direct, Scheme.EXPLICIT, 0, 0, 0,
                Method.GRADIENT_FLOW, 1, 2, 0, 1e-11, 1e-13, 1e-3, false, 0, false);
        direct[2] = 99;
        assertEquals(0.3, viaConstructor.theta0()[2], "the record's constructor copies too");
    }

    @Test
    void aThetaOfTheWrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SimulationSpec.builder(net, task, new double[7]).build());
        assertThrows(IllegalArgumentException.class,
                () -> SimulationSpec.builder(net, task, new double[9]).build());
        assertThrows(IllegalArgumentException.class, () -> SimulationSpec.builder(net, task, null).build());
    }

    @Test
    void gradientDescentAlwaysRecordsSharpness() {
        SimulationSpec gd = SimulationSpec.builder(net, task, theta).method(Method.GRADIENT_DESCENT).learningRate(0.1)
                .sharpness(false).build();
        assertTrue(gd.sharpness());
        assertFalse(gd.toBuilder().method(Method.GRADIENT_FLOW).build().sharpness(), "the flag itself stays off");
    }

    @Test
    void theGridHasSamplesPointsFromZeroToDuration() {
        double[] t = SimulationSpec.builder(net, task, theta).grid(2.0, 5).build().grid();
        assertArrayEquals(new double[]{0, 0.5, 1.0, 1.5, 2.0}, t);
    }
}
