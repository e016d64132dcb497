package org.dlnexplorer.cli;

import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.sweep.Axis;
import org.dlnexplorer.model.sweep.Shard;
import org.dlnexplorer.model.sweep.ShardCsv;
import org.dlnexplorer.model.sweep.SweepCsv;
import org.dlnexplorer.model.sweep.SweepListener;
import org.dlnexplorer.model.sweep.SweepResult;
import org.dlnexplorer.model.sweep.SweepRunner;
import org.dlnexplorer.model.sweep.SweepSettings;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetGrid;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.PresetIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * `sweep PRESET.json --x FIELD=FROM:TO:N[:log] --y … [--shard K/N] --out FILE.csv`: one run per grid cell, in
 * parallel; with --shard only share K of N of the cells, for sweep-merge to join.
 */
@Command(name = "sweep", description = {
        "Run a preset over a 2D parameter grid (one simulation per cell, in parallel) and write per-cell metrics as CSV.",
        "Columns: the two fields, kernel_distance, time_to_fit, parameter_distance, relative_parameter_distance, "
                + "final_sharpness, diverged, status, theory_kernel_distance, theory_time_to_fit, "
                + "theory_kernel_distance_limit, test_loss, hamming (piecewise-linear networks). Missing values are empty. Cells record --samples frames and use "
                + "rtol 1e-7 (looser than a single run) unless the preset's own tolerance is looser."})
public final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "the preset to sweep")
    Path preset;

    @Option(names = "--x", paramLabel = "FIELD=FROM:TO:N[:log]", defaultValue = "init.scale=0.01:10:41:log",
            description = "horizontal axis (default: ${DEFAULT-VALUE})")
    String xSpec;

    @Option(names = "--y", paramLabel = "FIELD=FROM:TO:N[:log]", defaultValue = "init.delta=-4:4:41",
            description = "vertical axis (default: ${DEFAULT-VALUE})")
    String ySpec;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "60",
            description = "recorded frames per cell (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "compute only share K of N (1-based) of the cells, into a shard CSV that sweep-merge joins "
                    + "with the others into the single sweep's table (one shard per cluster job)")
    String shardSpec;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "" + TimeBudget.DEFAULT_SECONDS,
            description = "wall-time budget: cells not done after S seconds are left out, and the sweep says so "
                    + "(default: ${DEFAULT-VALUE})")
    double maxSeconds;

    @Override
    public Integer call() {
        Axis x = axis(xSpec);
        Axis y = axis(ySpec);
        if (samples < 2) throw new UsageError("--samples must be at least 2, got " + samples);
        if (threads != null && threads < 1) throw new UsageError("--threads must be at least 1, got " + threads);
        Shard shard = shard(shardSpec);
        CancellationToken token = TimeBudget.token(maxSeconds);
        Preset p;
        try {
            p = BundledPresets.readFileOrName(preset);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        PresetGrid grid;
        try {
            grid = new PresetGrid(p, preset.toString(), x, y, SweepSettings.DEFAULT.withSamples(samples));
        } catch (IllegalArgumentException e) {
            throw new UsageError(preset + ": " + e.getMessage());
        }
        SweepRunner runner = threads == null ? new SweepRunner() : new SweepRunner(threads);
        // claim --out for the whole sweep: a second sweep writing the same file is refused, not silently lost
        try (OutputLock lock = out == null ? null : OutputLock.acquire(out)) {
            return sweep(runner, grid, x, y, token, shard, shard == null ? null : ShardRun.id(p, samples));
        }
    }

    private int sweep(SweepRunner runner, PresetGrid grid, Axis x, Axis y, CancellationToken token, Shard shard,
                      String runId) {
        Progress progress = Progress.on(spec.commandLine().getErr(), "sweep " + preset.getFileName()
                + (shard == null ? "" : " shard " + shard));
        int total = (shard == null ? Shard.ALL : shard).count(x.n() * y.n());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        SweepListener listener = c -> progress.update(done.incrementAndGet() / (double) total);
        SweepResult r = runner.run(grid.title(), x, y, grid, listener, token, shard == null ? Shard.ALL : shard);
        progress.done();
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (token.timedOut())
            err.printf(Locale.ROOT, "dln-explorer: note: %s: stopped after %.0f s (time budget): %d of %d cells done, "
                    + "the rest are left out%n", preset, maxSeconds, r.completed(), total);
        long stopped = r.cells().stream().filter(c -> c.status() == org.dlnexplorer.model.sweep.CellStatus.STOPPED).count();
        if (stopped > 0)
            err.printf(Locale.ROOT, "dln-explorer: note: %s: %d cells stopped at their step budget (status stopped)%n",
                    preset, stopped);
        err.flush();
        String csv = shard == null ? SweepCsv.write(r) : ShardCsv.write(r, shard, runId);
        if (out == null) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
            return DlnCommand.OK;
        }
        RunCommand.writeOut(out, csv);
        long diverged = r.cells().stream().filter(c -> c.diverged()).count();
        long failed = r.cells().stream().filter(c -> c.failed()).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d cells%s in %.2f s (%.1f cells/s, %d threads), "
                        + "%d diverged, %d failed%n", out, r.completed(),
                shard == null ? "" : " (shard " + shard + " of " + x.n() * y.n() + ")", r.elapsedSeconds(),
                r.cellsPerSecond(), runner.parallelism(), diverged, failed);
        spec.commandLine().getOut().flush();
        return DlnCommand.OK;
    }

    private static Shard shard(String text) {
        if (text == null) return null;
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--shard: " + e.getMessage());
        }
    }

    private static Axis axis(String text) {
        try {
            return Axis.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
