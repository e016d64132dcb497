package org.dlnexplorer.cli;

import org.dlnexplorer.model.sweep.ShardCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** `sweep-merge PART.csv… --out FILE.csv`: the shards of one sweep joined into the single sweep's table. */
@Command(name = "sweep-merge", description = {
        "Join the shard CSVs of one sweep (sweep --shard K/N, K = 1 … N) into exactly the table a single sweep "
                + "writes: same header, rows and order. Shards of different sweeps or splits, a shard given twice "
                + "or missing, or a row outside its shard are refused (exit 2)."})
public final class SweepMergeCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "PART.csv", description = "the shard files, any order")
    List<Path> parts;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        List<ShardCsv.Part> texts = new ArrayList<>();
        for (Path p : parts) texts.add(new ShardCsv.Part(p.toString(), read(p)));
        ShardCsv.Merged m;
        try {
            m = ShardCsv.merge(texts);
        } catch (ShardCsv.BadShard e) {
            throw new UsageError(e.getMessage());
        }
        if (m.absent() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "dln-explorer: note: %d of %d cells are absent "
                    + "(a shard's time budget left them out)%n", m.absent(), m.cells());
            spec.commandLine().getErr().flush();
        }
        if (out == null) {
            spec.commandLine().getOut().print(m.csv());
            spec.commandLine().getOut().flush();
            return DlnCommand.OK;
        }
        try (OutputLock lock = OutputLock.acquire(out)) {
            RunCommand.writeOut(out, m.csv());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d cells from %d shards%n", out,
                m.cells() - m.absent(), parts.size());
        spec.commandLine().getOut().flush();
        return DlnCommand.OK;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageError(p + ": cannot read (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.charset.MalformedInputException) return "not UTF-8 text";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
