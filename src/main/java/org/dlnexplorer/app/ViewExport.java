package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.chart.ViewRenderers;
import org.dlnexplorer.export.ChartExporter;
import org.dlnexplorer.export.ExportException;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.export.ExportSize;
import org.dlnexplorer.export.PhaseDiagramExport;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.Preset;
import org.jfree.chart.ui.Drawable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's exports of views: each view in slide style at 1600×1000 as PNG, SVG or PDF, written atomically
 * by the export package. A view that does not apply to the runs is never written as a placeholder: "Export…"
 * skips it and lists why, a single view's export refuses with the reason. The phase diagram is swept from the
 * preset (seconds). Any thread.
 */
public final class ViewExport {
    private ViewExport() {}

    /** what "Export…" wrote, and the views it left out with their reasons ("hyperboloid: needs …") */
    public record Result(List<Path> files, List<String> skipped) {}

    /** every view of views into dir as &lt;view&gt;.&lt;ext&gt;; preset: the shown preset (for the phase diagram) */
    public static Result views(Path dir, List<ViewId> views, RunSet rs, Preset preset, String source,
                               ExportFormat format) throws ExportException {
        if (!Files.isDirectory(dir)) throw new ExportException(dir + " is not a directory");
        if (!Files.isWritable(dir)) throw new ExportException(dir + " is not writable");
        List<Path> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ViewId id : views) {
            Path target = dir.resolve(id.cliName() + "." + format.extension());
            try {
                ChartExporter.export(drawable(id, rs, preset, source), target, format, ExportSize.defaults(), id.title());
                out.add(target);
            } catch (NotApplicable e) {
                skipped.add(id.cliName() + ": " + e.getMessage());
            }
        }
        return new Result(out, skipped);
    }

    /** one view into file (format from its extension); a view that does not apply: ExportException with why */
    public static Path view(Path file, ViewId id, RunSet rs, Preset preset, String source) throws ExportException {
        ExportFormat format = ExportFormat.fromPath(file);
        try {
            ChartExporter.export(drawable(id, rs, preset, source), file, format, ExportSize.defaults(), id.title());
        } catch (NotApplicable e) {
            throw new ExportException(id.cliName() + " not exported: " + e.getMessage());
        }
        return file;
    }

    /** the view's picture, or NotApplicable with the registry's reason */
    private static Drawable drawable(ViewId id, RunSet rs, Preset preset, String source) throws NotApplicable {
        String why = id.whyNot(rs);
        if (why != null) throw new NotApplicable(why);
        if (id == ViewId.PHASE_DIAGRAM || id == ViewId.PHASE_PORTRAIT) {
            if (preset == null) throw new NotApplicable("no preset loaded to sweep");
            try {
                return id == ViewId.PHASE_PORTRAIT
                        ? PhaseDiagramExport.portrait(preset, source, new org.dlnexplorer.model.engine.CancellationToken())
                        : PhaseDiagramExport.render(preset, source);
            } catch (IllegalArgumentException e) {
                throw new NotApplicable(e.getMessage());
            }
        }
        return ViewRenderers.render(id, rs, ChartStyle.slide());
    }

    private static final class NotApplicable extends Exception {
        NotApplicable(String why) { super(why, null, false, false); }
    }
}
