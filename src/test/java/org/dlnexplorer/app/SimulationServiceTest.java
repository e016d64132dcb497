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
                new double[]{2, 0.5}, 7, 3.0, Taught.of(base));
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

    @Test
    void aLongRunReportsItsProgressAndTheUsersCancelKeepsItsFrames() throws Exception {
        Preset base = PresetIo.parse(Fixtures.SAXE, "test");
        try (SimulationService s = new SimulationService()) {
            assertNull(s.progress(), "nothing runs");
            assertFalse(s.cancelRunning());
            Params p0 = Params.of(base);
            // gradient descent of widths 2-32×8-2 with η = 1e−4 over T = 200: 2,000,000 steps
            Params heavy = new Params(0, p0.tau(), 8, 32, 1e-4, org.dlnexplorer.model.engine.Method.GRADIENT_DESCENT,
                    p0.targets(), 3, 200);
            long g = s.submit(base, "test", heavy);
            RunProgress.Now now = null;
            for (int i = 0; i < 12000 && (now == null || now.steps() == 0 || now.t() <= 0); i++) {
                now = s.progress();
                Thread.sleep(10);
            }
            assertNotNull(now);
            assertEquals(g, now.generation());
            assertEquals(200, now.horizon(), 0);
            assertTrue(now.t() > 0 && now.t() < 200, "t = " + now.t());
            assertEquals(now.t() / 200, now.fraction(), 1e-12, "the share of the horizon reached");
            assertTrue(now.steps() > 0);
            assertTrue(s.cancelRunning());
            SimulationService.Snapshot done = awaitComplete(s, g);
            assertTrue(done.cancelled());
            assertNull(done.error());
            Trajectory tr = done.runs().runs().get(0).trajectory();
            assertFalse(tr.complete());
            assertFalse(tr.diverged());
            assertTrue(tr.frames().size() >= 2, "the frames so far are kept");
            assertEquals(tr.last().t(), done.cancelledAt(), 0);
            assertTrue(done.cancelledAt() >= now.t());
            assertFalse(tr.exact().available());
            assertTrue(s.isIdle());
            assertNull(s.progress());
            // the next request runs as usual, with its exact solution
            long g2 = s.submit(base, "test", p0);
            SimulationService.Snapshot next = awaitComplete(s, g2);
            assertFalse(next.cancelled());
            assertTrue(next.runs().runs().get(0).trajectory().complete());
            assertTrue(next.runs().runs().get(0).trajectory().exact().available());
        }
    }

    @Test
    void aNewerRequestsCancelIsNotTheUsers() throws Exception {
        Preset base = PresetIo.parse(Fixtures.SAXE, "test");
        try (SimulationService s = new SimulationService()) {
            Params p0 = Params.of(base);
            long g = s.submit(base, "test", new Params(0, p0.tau(), 8, 32, 1e-4, org.dlnexplorer.model.engine.Method.GRADIENT_DESCENT,
                    p0.targets(), 4, 200));
            for (int i = 0; i < 12000 && s.progress() == null; i++) Thread.sleep(10);
            long g2 = s.submit(base, "test", p0);
            SimulationService.Snapshot done = awaitComplete(s, g2);
            assertTrue(g2 > g);
            assertFalse(done.cancelled(), "superseded, not cancelled: nothing of the older run is published as finished");
            assertTrue(done.runs().runs().get(0).trajectory().complete());
        }
    }
}
