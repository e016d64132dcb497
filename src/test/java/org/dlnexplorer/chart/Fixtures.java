package org.dlnexplorer.chart;

import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.engine.FrameListener;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;

import java.util.ArrayList;
import java.util.List;

/** Run sets for chart tests, simulated from preset JSON. */
public final class Fixtures {
    private Fixtures() {}

    public static final String SAXE = """
            { "schema": 1, "name": "Saxe", "description": "two modes",
              "network": { "widths": [2, 2, 2] },
              "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
              "init": { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 6.0, "samples": 300 } }""";

    public static final String SAXE_COMPARE = SAXE.replace("\"samples\": 300 }",
            "\"samples\": 200 }, \"compare\": { \"parameter\": \"init.delta\", \"values\": [-1, 0, 2] }");

    public static final String NEURON = """
            { "schema": 1, "name": "Single neuron", "description": "Kunin et al.",
              "network": { "widths": [2, 1, 1] },
              "task": { "target": { "matrix": [[0, 1]] }, "inputs": "whitened" },
              "init": { "scheme": "explicit", "weights": [ [[-0.5, 0.0]], [[2.0]] ] },
              "training": { "method": "gradient-flow", "duration": 10.0, "samples": 300 } }""";

    public static final String GD = """
            { "schema": 1, "name": "GD", "description": "descent",
              "network": { "widths": [3, 3, 3] },
              "task": { "target": { "singularValues": [3, 2, 1], "basis": "identity" }, "inputs": "whitened" },
              "init": { "scheme": "aligned", "scale": 0.05, "delta": 0.0, "seed": 1 },
              "training": { "method": "gradient-descent", "duration": 4.0, "samples": 100, "learningRate": 0.05 } }""";

    public static RunSet runSet(String json) throws Exception {
        Preset p = PresetIo.parse(json, "fixture");
        List<RunSet.Labeled> runs = new ArrayList<>();
        for (CompareSetRunner.Member m : PresetCompiler.compileSet(p, "fixture"))
            runs.add(new RunSet.Labeled(m.label(), TheoryRun.run(m.spec(), FrameListener.NONE, new CancellationToken())));
        return new RunSet(p.name, runs);
    }
}
