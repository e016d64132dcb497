package org.dlnexplorer.bench;

import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.model.engine.Simulation;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetIo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole trajectories (TheoryRun.run: integration, every observable on every recorded frame, theory):
 * the lecture-size workloads (preset files, relative to the working directory: run from the repository
 * root) and one cell of the two-layer phase-diagram sweep.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TrajectoryBenchmarks {

    @State(Scope.Thread)
    public static class Lecture {
        @Param({"presets/saxe-two-modes.json", "bench/presets/single-neuron-deltas.json",
                "bench/presets/lambda-balanced-width4.json", "bench/presets/saddle-to-saddle-depth4-width8.json",
                "bench/presets/gd-sharpness-depth3.json"})
        public String preset;
        public List<CompareSetRunner.Member> members;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Path file = Path.of(preset);
            members = PresetCompiler.compileSet(PresetIo.read(file), preset);
        }
    }

    /** one cell of the 41 × 41 (τ, δ) phase diagram of the two-layer lecture network: τ = 0.1, δ = 1 */
    @State(Scope.Thread)
    public static class SweepCell {
        public SimulationSpec spec;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            String json = """
                    { "schema": 1, "name": "sweep cell",
                      "network": { "widths": [2, 2, 2] },
                      "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
                      "init": { "scheme": "orthogonal", "scale": 0.1, "delta": 1.0, "seed": 1 },
                      "training": { "method": "gradient-flow", "duration": 10.0, "samples": 100 } }""";
            spec = PresetCompiler.compile(PresetIo.parse(json, "sweep cell"), "sweep cell");
        }
    }

    @Benchmark
    public Object lectureTrajectory(Lecture l) {
        return CompareSetRunner.run(l.preset, l.members, TheoryRun::run);
    }

    @Benchmark
    public Object sweepCell(SweepCell c) {
        return TheoryRun.run(c.spec);
    }
}
