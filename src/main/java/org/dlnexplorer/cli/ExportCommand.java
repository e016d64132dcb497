package org.dlnexplorer.cli;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.export.PhaseDiagramExport;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.chart.ViewChart;
import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.export.ChartExporter;
import org.dlnexplorer.export.ExportException;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.export.ExportSize;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.export.ViewSource;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.BundledPresets;
import org.jfree.chart.ui.Drawable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * `export PRESET.json --view VIEW --out FILE.png|.svg|.pdf [--width W] [--height H] [--scale S]` and
 * `export PRESET.json --all --out DIR [...]` (every view in every format, DIR/&lt;view&gt;.&lt;ext&gt;).
 * [--[no-]log-time] overrides the preset's "view": {"logTime": …} (the loss view's time axis).
 * Simulates the preset's whole compare set, draws each view in the slide style and writes each file
 * atomically. Bad input (unknown view or format, unwritable path, invalid preset) → one line, exit 2.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export one view (or all) of a preset to PNG, SVG or PDF.")
public final class ExportCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "The preset to simulate (with its compare set).")
    Path preset;

    @Option(names = "--view", paramLabel = "VIEW", description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ViewNames.class)
    String view;

    @Option(names = "--all", description = "Write every view in every format into the --out directory.")
    boolean all;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "Output file (format from its extension: .png, .svg, .pdf), or directory with --all.")
    Path out;

    @Option(names = "--width", paramLabel = "W", defaultValue = "" + ExportSize.DEFAULT_WIDTH,
            description = "Width in layout units (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "" + ExportSize.DEFAULT_HEIGHT,
            description = "Height in layout units (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "PNG pixel scale, e.g. 2 for projectors (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "" + TimeBudget.DEFAULT_SECONDS,
            description = "Wall-time budget of the simulations: runs not done after S seconds stop there (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--log-time", negatable = true,
            description = "Log-scaled time axis where a view supports it (default: the preset's view.logTime).")
    Boolean logTime;

    @Option(names = "--log-loss", negatable = true,
            description = "Log-scaled loss axis (default: the preset's view.logLoss).")
    Boolean logLoss;

    @Option(names = "--animate", description = "Write an animation (--out FILE.gif or .mp4): the run unfolding, the time cursor sweeping.")
    boolean animate;

    @Option(names = "--sweep", paramLabel = "FIELD=FROM:TO",
            description = "Write an animation of the view while FIELD is dragged from FROM to TO (one run set per frame).")
    String sweep;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "4", description = "Animation length (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "12", description = "Animation frames per second (default ${DEFAULT-VALUE}).")
    double fps;

    /** null: the product's views in the slide style */
    private final ViewSource views;

    public ExportCommand() {
        this(null);
    }

    /** With another view source (tests). */
    public ExportCommand(ViewSource views) {
        this.views = views;
    }

    /** The product's views in the slide style, with the log-time axis on or off. */
    static ViewSource slideViews(boolean logTime, boolean logLoss) {
        return (id, runs) -> {
            ViewChart chart = ViewChart.create(id, ChartStyle.slide());
            chart.setLogTime(logTime);
            chart.setLogLoss(logLoss);
            chart.update(runs, Double.NaN);
            return chart.drawable();
        };
    }

    /** The preset's initial view state: "view": { "logTime": true } */
    static boolean presetLogTime(Preset p) {
        return presetFlag(p, "logTime");
    }

    /** a boolean of the preset's "view" section (false when absent) */
    static boolean presetFlag(Preset p, String key) {
        return p.view != null && p.view.has(key) && p.view.get(key).isJsonPrimitive()
                && p.view.get(key).getAsBoolean();
    }

    @Override
    public Integer call() {
        if (animate || sweep != null) {
            var parsed = spec.commandLine().getParseResult();
            return new AnimatedExportRun(spec.commandLine().getOut(), spec.commandLine().getErr()).run(preset, view, all, out,
                    parsed.hasMatchedOption("--width") ? width : AnimatedExportRun.DEFAULT_WIDTH,
                    parsed.hasMatchedOption("--height") ? height : AnimatedExportRun.DEFAULT_HEIGHT,
                    sweep, seconds, fps, maxSeconds);
        }
        if (all == (view != null)) throw new UsageError("export: give either --view VIEW or --all");
        ExportSize size;
        try {
            size = ExportSize.of(width, height, scale);
        } catch (ExportException e) {
            throw new UsageError(e.getMessage());
        }
        CancellationToken token = TimeBudget.token(maxSeconds);
        List<ViewId> ids = new ArrayList<>();
        List<ExportFormat> formats = new ArrayList<>();
        Path dir;
        if (all) {
            ids.addAll(List.of(ViewId.values()));
            formats.addAll(List.of(ExportFormat.values()));
            dir = prepareDirectory(out);
        } else {
            ViewId id = ViewId.fromCliName(view);
            if (id == null) throw new UsageError("--view: unknown view \"" + view + "\" (expected " + viewNames() + ")");
            ids.add(id);
            try {
                formats.add(ExportFormat.fromPath(out));
            } catch (ExportException e) {
                throw new UsageError("--out: " + e.getMessage());
            }
            dir = out.toAbsolutePath().getParent();
            requireWritableDirectory(dir, out);
        }
        Preset p;
        try {
            p = BundledPresets.readFileOrName(preset);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        // claim the folder (or file) while writing: two exports into one place are refused, not mixed
        try (OutputLock lock = OutputLock.acquire(all ? dir : out)) {
            if (all) {
                // the manifest first: a folder is claimed by its preset even if the export is cut short
                ExportManifest.check(dir, p, preset);
                List<String> files = new ArrayList<>();
                for (ViewId id : ids) for (ExportFormat f : formats) files.add(id.cliName() + "." + f.extension());
                ExportManifest.write(dir, p, preset, files);
            }
            return export(p, ids, formats, dir, size, token);
        }
    }

    private int export(Preset p, List<ViewId> ids, List<ExportFormat> formats, Path dir, ExportSize size,
                       CancellationToken token) {
        RunSet runs;
        try (TimeBudget.Watch watch = new TimeBudget.Watch(
                Progress.on(spec.commandLine().getErr(), "export " + preset.getFileName()), token)) {
            // the sharpness view asks for the sharpness, which gradient flow records only when asked
            Preset simulated = ids.contains(ViewId.SHARPNESS) ? org.dlnexplorer.preset.PresetCompiler.withSharpness(p) : p;
            // and the hessian view the Hessian's spectrum (networks up to HessianSpectrum.MAX_PARAMETERS parameters)
            if (ids.contains(ViewId.HESSIAN)) simulated = org.dlnexplorer.preset.PresetCompiler.withHessian(simulated);
            runs = PresetRunner.runSet(simulated, preset.toString(), token, watch::member);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        ViewSource source = views != null ? views
                : slideViews(logTime != null ? logTime : presetLogTime(p), logLoss != null ? logLoss : presetFlag(p, "logLoss"));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (RunSet.Labeled r : runs.runs()) {
            if (r.trajectory().diverged())
                stderr.println("dln-explorer: note: " + r.label() + " diverged at step " + r.trajectory().divergedAtStep());
            else if (r.trajectory().stopped() != null)
                stderr.println("dln-explorer: note: " + r.label() + " " + r.trajectory().stopped().describe());
            else if (!r.trajectory().complete())
                stderr.println("dln-explorer: note: " + r.label() + " not run (time budget spent)");
        }
        List<RunSet.Labeled> drawn = new ArrayList<>();
        for (RunSet.Labeled r : runs.runs()) if (!r.trajectory().frames().isEmpty()) drawn.add(r);
        if (drawn.isEmpty())
            throw new UsageError(preset + ": the time budget (--max-seconds " + maxSeconds + ") ran out before any run started");
        runs = new RunSet(runs.title(), drawn);
        List<String> written = new ArrayList<>();
        java.util.Map<String, String> skipped = new java.util.LinkedHashMap<>();
        try {
            for (ViewId id : ids) {
                Drawable drawable;
                String why = id.whyNot(runs);
                if (why == null && (id == ViewId.PHASE_DIAGRAM || id == ViewId.PHASE_PORTRAIT) && views == null) {
                    try {
                        drawable = id == ViewId.PHASE_PORTRAIT ? PhaseDiagramExport.portrait(p, preset.toString(), token)
                                : PhaseDiagramExport.render(p, preset.toString());
                    } catch (IllegalArgumentException e) {
                        drawable = null;
                        why = e.getMessage();
                    }
                } else {
                    drawable = why == null ? source.render(id, runs) : null;
                }
                if (why != null) {   // a view that does not apply is never exported as a placeholder
                    if (!all) throw new UsageError("--view " + id.cliName() + ": does not apply to " + preset + ": " + why);
                    stdout.println("skipped " + id.cliName() + ": " + why);
                    skipped.put(id.cliName(), why);
                    continue;
                }
                for (ExportFormat f : formats) {
                    Path file = all ? dir.resolve(id.cliName() + "." + f.extension()) : out;
                    ChartExporter.export(drawable, file, f, size, p.name + " — " + id.title());
                    stdout.println(file);
                    written.add(file.getFileName().toString());
                }
            }
            if (all) ExportManifest.write(dir, p, preset, written, skipped);   // what was written, and what not and why

        } catch (ExportException e) {
            throw new UsageError(e.getMessage());
        } finally {
            stdout.flush();
            stderr.flush();
        }
        return DlnCommand.OK;
    }

    /** The --all output directory, created with its parents when missing. */
    private static Path prepareDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UsageError("--out: " + dir + " is not a directory (--all writes one file per view and format)");
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException | SecurityException e) {
                throw new UsageError("--out: cannot create directory " + dir + " (" + AtomicFiles.reason(e) + ")");
            }
        }
        requireWritableDirectory(dir.toAbsolutePath(), dir);
        return dir;
    }

    private static void requireWritableDirectory(Path dir, Path shown) {
        if (dir == null || !Files.isDirectory(dir))
            throw new UsageError("--out: " + shown + ": cannot write (directory " + dir + " does not exist)");
        if (!Files.isWritable(dir))
            throw new UsageError("--out: " + shown + ": cannot write (directory " + dir + " is not writable)");
    }

    static String viewNames() {
        StringJoiner j = new StringJoiner(", ");
        for (ViewId v : ViewId.values()) j.add(v.cliName());
        return j.toString();
    }

    /** picocli completion candidates for --view */
    static final class ViewNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (ViewId v : ViewId.values()) names.add(v.cliName());
            return names.iterator();
        }
    }
}
