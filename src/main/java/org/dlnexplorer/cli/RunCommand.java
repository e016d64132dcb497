package org.dlnexplorer.cli;

import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.output.RunCsvWriter;
import org.dlnexplorer.output.RunJsonWriter;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.PresetIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `run PRESET.json [--format json|csv] [--out FILE]`: simulate the preset as written (no compare set). */
@Command(name = "run", description = "Simulate a preset headless and print the trajectory as JSON or CSV (SPEC §3).")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "preset file")
    Path preset;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "" + TimeBudget.DEFAULT_SECONDS,
            description = "wall-time budget: the run stops after S seconds and reports so (default: ${DEFAULT-VALUE})")
    double maxSeconds;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("json") && !format.equals("csv"))
            throw new UsageError("--format: unknown format \"" + format + "\" (expected json or csv)");
        CancellationToken token = TimeBudget.token(maxSeconds);
        SimulationSpec s = compile(preset);
        Trajectory tr;
        try (TimeBudget.Watch watch = new TimeBudget.Watch(
                Progress.on(spec.commandLine().getErr(), "run " + preset.getFileName()), token)) {
            tr = TheoryRun.run(s, watch.member(0, 1, s), token);
        }
        if (tr.stopped() != null) {
            spec.commandLine().getErr().println("dln-explorer: note: " + preset + ": " + tr.stopped().describe());
            spec.commandLine().getErr().flush();
        }
        String text = format.equals("json") ? RunJsonWriter.toJson(tr) + "\n" : RunCsvWriter.toCsv(tr);
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            writeOut(out, text);
        }
        return DlnCommand.OK;
    }

    static Trajectory simulate(Path presetFile) {
        SimulationSpec s = compile(presetFile);
        return TheoryRun.run(s);
    }

    static SimulationSpec compile(Path presetFile) {
        try {
            Preset p = BundledPresets.readFileOrName(presetFile);
            return PresetCompiler.compile(p, presetFile.toString());
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Writes atomically, with the user's normal file mode; an unwritable place is a usage error naming the file. */
    static void writeOut(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
