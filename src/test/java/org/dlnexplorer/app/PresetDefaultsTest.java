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
        // the bundled presets that leave τ out are explicit: their runs must not depend on the default
        Preset p = PresetIo.read(Path.of("presets/single-neuron-balanced.json"));
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
        for (String file : new String[]{"single-neuron-balanced", "single-neuron-upstream", "single-neuron-downstream"}) {
            Preset q = PresetIo.read(Path.of("presets/" + file + ".json"));
            assertEquals("explicit", q.init.scheme, file);
            assertEquals(null, q.init.scale, file + " leaves τ out");
        }
        assertEquals(Method.GRADIENT_FLOW, PresetCompiler.compile(p, "a").method());
        assertEquals(true, Files.isDirectory(Path.of("presets")));
    }
}
