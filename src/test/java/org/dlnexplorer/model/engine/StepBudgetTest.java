package org.dlnexplorer.model.engine;

import org.dlnexplorer.chart.Fixtures;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A run past its step budget or wall-time budget stops there and says so; it is not a divergence (issue 18). */
class StepBudgetTest {
    /**
     * below the steps of every engine on a Saxe run of duration 1e6 (adaptive gradient flow needs only a few
     * hundred: its converged tail is stiff and goes implicit in steps that grow eightfold)
     */
    static final long BUDGET = 123;
    /** a run that only a deadline ends: fixed-step, ~1e12 steps (adaptive flow would finish 1e9 in ~10² steps) */
    static final Method ENDLESS = Method.GRADIENT_FLOW_RK4;

    static SimulationSpec saxe(Method m, double duration) throws Exception {
        SimulationSpec s = PresetCompiler.compile(PresetIo.parse(Fixtures.SAXE, "test"), "test");
        return s.toBuilder().method(m).learningRate(0.01).grid(duration, 50).build();
    }

    @Test
    void everyEngineStopsAfterExactlyItsBudget() throws Exception {
        for (Method m : Method.values()) {
            SimulationSpec spec = saxe(m, 1e6).toBuilder().maxSteps(BUDGET).build();
            Trajectory tr = Simulation.simulate(spec, FrameListener.NONE, new CancellationToken());
            assertFalse(tr.complete(), m.id());
            assertFalse(tr.diverged(), m.id() + ": a budget is not a divergence");
            assertNull(tr.divergedAtStep());
            assertNotNull(tr.stopped(), m.id());
            assertEquals(Trajectory.STEP_BUDGET, tr.stopped().reason());
            assertEquals(BUDGET, tr.stopped().steps(), m.id());
            assertEquals(BUDGET, tr.steps(), m.id());
            assertEquals(tr.last().t(), tr.stopped().t(), 0.0, "t of the last recorded frame");
        }
    }

    @Test
    void aRunWithinItsBudgetIsUntouched() throws Exception {
        SimulationSpec spec = saxe(Method.GRADIENT_FLOW, 6);
        Trajectory free = Simulation.simulate(spec, FrameListener.NONE, new CancellationToken());
        Trajectory budgeted = Simulation.simulate(spec.toBuilder().maxSteps(free.steps()).build(), FrameListener.NONE,
                new CancellationToken());
        assertTrue(budgeted.complete());
        assertNull(budgeted.stopped());
        assertArrayEquals(free.last().effectiveWeight(), budgeted.last().effectiveWeight(), 0.0);
    }

    @Test
    void theDefaultBudgetBoundsFlowsOnlyAndIsTheDocumentedOne() throws Exception {
        assertEquals(SimulationSpec.DEFAULT_MAX_STEPS, saxe(Method.GRADIENT_FLOW, 1).maxSteps());
        assertEquals(SimulationSpec.DEFAULT_MAX_STEPS, saxe(Method.GRADIENT_FLOW_RK4, 1).maxSteps());
        assertEquals(Long.MAX_VALUE, saxe(Method.GRADIENT_DESCENT, 1).maxSteps(), "bounded by duration/η instead");
    }

    @Test
    void aDeadlineStopsTheRunAsATimeBudget() throws Exception {
        CancellationToken token = new CancellationToken();
        token.cancelAt(System.nanoTime() + 200_000_000L);
        long t0 = System.nanoTime();
        Trajectory tr = Simulation.simulate(saxe(ENDLESS, 1e9), FrameListener.NONE, token);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(token.timedOut());
        assertFalse(tr.diverged());
        assertEquals(Trajectory.TIME_BUDGET, tr.stopped().reason());
        assertTrue(seconds < 5, "stopped near its deadline, after " + seconds + " s");
        assertTrue(token.steps() > 0, "the engine reported its steps");
    }
}
