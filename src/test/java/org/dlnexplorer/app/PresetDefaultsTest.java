package org.dlnexplorer.app;

import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetDefaults;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One defaults table: the compiler (what run, export, sweep and bench simulate) and the app's controls read
 * the same value for every field a preset leaves out.
 */
class PresetDefaultsTest {
    /** explicit weights, silent on τ, δ, seed, method, samples, η, tolerances */
    static final String SILENT = """
            { "schema": 1, "name": "silent",
              "network": { "widths": [2, 1, 1] },
              "task": { "target": { "matrix": [[0, 1]] }, "inputs": "whitened" },
              "init": { "scheme": "explicit", "weights": [ [[-1.0, 0]], [[1.0]] ] },
              "training": { "duration": 2.0 } }""";

    @Test
    void theCompilerAndTheControlsReadTheSameTable() throws Exception {
        Preset p = PresetIo.parse(SILENT, "silent");
        SimulationSpec spec = PresetCompiler.compile(p, "silent");
        Params controls = Params.of(p);
        assertEquals(PresetDefaults.SCALE, spec.scale());
        assertEquals(PresetDefaults.SCALE, controls.tau());
        assertEquals(PresetDefaults.DELTA, spec.delta());
        assertEquals(PresetDefaults.DELTA, controls.delta());
        assertEquals(PresetDefaults.SEED, spec.seed());
        assertEquals(PresetDefaults.SEED, controls.seed());
        assertEquals(PresetDefaults.METHOD, spec.method());
        assertEquals(PresetDefaults.METHOD, controls.method());
        assertEquals(PresetDefaults.LEARNING_RATE, controls.learningRate());
        assertEquals(0.0, spec.learningRate(), "gradient flow has no η");
        assertEquals(PresetDefaults.SAMPLES, spec.samples());
        assertEquals(PresetDefaults.RTOL, spec.rtol());
        assertEquals(PresetDefaults.ATOL, spec.atol());
        assertEquals(PresetDefaults.RK4_STEP, spec.rk4Step());
    }

    @Test
    void untouchedControlsLeaveTheSilentPresetAsWritten() throws Exception {
        Preset p = PresetIo.parse(SILENT, "silent");
        Preset applied = Params.of(p).applyTo(p);
        assertEquals(null, applied.init.scale, "τ");
        assertEquals(null, applied.init.delta, "δ");
        assertEquals(null, applied.init.seed, "seed");
        assertEquals(null, applied.training.learningRate, "η");
        assertEquals(null, applied.training.samples, "samples");
        assertEquals(PresetDefaults.METHOD.id(), applied.training.method, "the method is written out as its default");
    }

    @Test
    void aDefaultTauDoesNotChangeAnExplicitRun() throws Exception {
        // a preset that leaves τ out is explicit: its run must not depend on the default
        Preset p = PresetIo.parse(SILENT, "silent");
        Preset withTau = PresetIo.copy(p);
        withTau.init.scale = 0.7;
        Trajectory a = TheoryRun.run(PresetCompiler.compile(p, "a"));
        Trajectory b = TheoryRun.run(PresetCompiler.compile(withTau, "b"));
        assertEquals(a.frames().size(), b.frames().size());
        for (int i = 0; i < a.frames().size(); i++) {
            Frame fa = a.frames().get(i), fb = b.frames().get(i);
            assertEquals(fa.loss(), fb.loss(), 0.0);
            assertArrayEquals(fa.singularValues(), fb.singularValues(), 0.0);
        }
        // every bundled preset that leaves τ out is explicit (the single-neuron ones now give τ: issue #14)
        try (var files = Files.list(Path.of("presets"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
                Preset q = PresetIo.read(f);
                if (q.init.scale == null) assertEquals("explicit", q.init.scheme, f.toString());
            }
        }
        assertEquals(Method.GRADIENT_FLOW, PresetCompiler.compile(p, "a").method());
        assertEquals(true, Files.isDirectory(Path.of("presets")));
    }

    /** the δ and τ controls drive the neuron init: β0 stays put, the conserved δ and ‖β0‖ follow the controls */
    @Test
    void theDeltaAndTauControlsDriveTheNeuronInit() throws Exception {
        Preset p = PresetIo.read(Path.of("presets/single-neuron-balanced.json"));
        assertEquals("neuron", p.init.scheme);
        Params base = Params.of(p);
        for (double[] dt : new double[][]{{-3, 1}, {0.5, 1}, {2, 0.4}}) {
            Params moved = new Params(dt[0], dt[1], base.depth(), base.width(), base.learningRate(), base.method(),
                    base.targets(), base.seed(), base.duration());
            SimulationSpec spec = PresetCompiler.compile(moved.applyTo(p), "dragged");
            double[] th = spec.theta0();   // w1, w2, a
            double a = th[2], w2 = th[0] * th[0] + th[1] * th[1];
            assertEquals(dt[0], a * a - w2, 1e-12 * (a * a + w2), "δ = a² − ‖w‖² follows the δ control");
            assertEquals(-dt[1], a * th[0], 1e-12, "β0 = τ·(−1, 0)");
            assertEquals(0.0, a * th[1], 0.0);
        }
    }
}
