package org.dlnexplorer.app;

import org.dlnexplorer.chart.Fixtures;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SimulationServiceTest {

    private static SimulationService.Snapshot awaitComplete(SimulationService s, long generation) throws InterruptedException {
        SimulationService.Snapshot last = null;
        for (int i = 0; i < 6000; i++) {
            SimulationService.Snapshot p = s.poll();
            if (p != null) last = p;
            if (last != null && last.generation() == generation && last.complete()) return last;
            Thread.sleep(10);
        }
        fail("no complete snapshot for generation " + generation + " (last: " + last + ")");
        return null;
    }

    @Test
    void burstOfRequestsRunsOneAtATimeAndShowsTheLast() throws Exception {
        Preset base = PresetIo.parse(Fixtures.SAXE, "test");
        try (SimulationService s = new SimulationService()) {
            Params p0 = Params.of(base);
            long g = 0;
            for (int i = 0; i < 200; i++) {
                Params p = new Params(-2 + 4.0 * i / 199, p0.tau(), p0.depth(), p0.width(), p0.learningRate(), p0.method(),
                        p0.targets(), p0.seed(), p0.duration());
                g = s.submit(base, "test", p);
                assertTrue(s.running() <= 1);
            }
            SimulationService.Snapshot last = awaitComplete(s, g);
            assertEquals(1, s.maxRunning(), "never two computations at once");
            assertTrue(s.started() < 200, "stale requests were dropped, started " + s.started());
            assertEquals(2.0, last.params().delta(), 1e-12);
            Trajectory tr = last.runs().runs().get(0).trajectory();
            assertTrue(tr.complete());
            assertEquals(2.0, RunSummary.conservedDelta(tr), 1e-9, "the shown run was computed with the last δ");
            assertTrue(s.isIdle());
            assertEquals(0, s.running());
        }
    }

    @Test
    void errorsComeBackAsSnapshotsAndTheServiceStaysUsable() throws Exception {
        Preset base = PresetIo.parse(Fixtures.SAXE, "test");
        try (SimulationService s = new SimulationService()) {
            Params p0 = Params.of(base);
            // a negative duration is refused by the preset validator
            Params bad = new Params(0, p0.tau(), 2, 2, p0.learningRate(), p0.method(), p0.targets(), 1, -1);
            long g = s.submit(base, "test", bad);
            SimulationService.Snapshot e = null;
            for (int i = 0; i < 3000 && (e == null || e.generation() != g); i++) { SimulationService.Snapshot p = s.poll(); if (p != null) e = p; Thread.sleep(10); }
            assertNotNull(e);
            assertNotNull(e.error(), "an error snapshot");
            long g2 = s.submit(base, "test", p0);
            SimulationService.Snapshot ok = awaitComplete(s, g2);
            assertNull(ok.error());
        }
    }

    @Test
    void paramsApplyOnlyChangedFields() throws Exception {
        Preset base = PresetIo.parse(Fixtures.SAXE, "test");
        Params p = Params.of(base);
        assertEquals(0.01, p.tau(), 0);
        assertEquals(2, p.depth());
        Preset same = p.applyTo(base);
        assertEquals(PresetIo.toJson(base), PresetIo.toJson(same));
        Params q = new Params(1.5, 0.1, 3, 4, 0.02, org.dlnexplorer.model.engine.Method.GRADIENT_DESCENT,
                new double[]{2, 0.5}, 7, 3.0);
        Preset c = q.applyTo(base);
        assertEquals(1.5, c.init.delta);
        assertEquals(0.1, c.init.scale);
        assertArrayEquals(new int[]{2, 4, 4, 2}, c.network.widths);
        assertEquals("gradient-descent", c.training.method);
        assertEquals(0.02, c.training.learningRate);
        assertArrayEquals(new double[]{2, 0.5}, c.task.target.singularValues);
        assertEquals(7L, c.init.seed);
        assertEquals(3.0, c.training.duration);
        assertEquals(q, Params.of(c));
    }

    @Test
    void compareSetRunsOnTwoThreadsGiveTheSequentialResultInOrder() throws Exception {
        // 7 members (δ from −3 to 3): the service shares them between two threads
        Preset base = org.dlnexplorer.preset.BundledPresets.readResource("single-neuron-delta-sweep.json");
        org.dlnexplorer.model.observe.RunSet expected = org.dlnexplorer.export.PresetRunner.runSet(base, "test");
        try (SimulationService s = new SimulationService()) {
            for (int repeat = 0; repeat < 3; repeat++) {
                long g = s.submit(base, "test", null);
                org.dlnexplorer.model.observe.RunSet got = awaitComplete(s, g).runs();
                assertEquals(expected.runs().size(), got.runs().size());
                for (int i = 0; i < got.runs().size(); i++) {
                    assertEquals(expected.runs().get(i).label(), got.runs().get(i).label(), "member order");
                    Trajectory a = expected.runs().get(i).trajectory(), b = got.runs().get(i).trajectory();
                    assertArrayEquals(a.times(), b.times(), 0.0);
                    assertArrayEquals(a.last().effectiveWeight(), b.last().effectiveWeight(), 0.0,
                            "member " + i + " is the same deterministic run");
                    assertEquals(a.exact() == null, b.exact() == null);
                    assertNotNull(b.setup());
                }
            }
        }
    }
}
