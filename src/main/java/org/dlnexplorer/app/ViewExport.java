package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.chart.ViewRenderers;
import org.dlnexplorer.export.ChartExporter;
import org.dlnexplorer.export.ExportException;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.export.ExportSize;
import org.dlnexplorer.model.observe.RunSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's "export all visible views": each view in slide style at 1600×1000 as PNG, SVG or PDF,
 * named &lt;view&gt;.&lt;ext&gt; in the chosen folder, written atomically by the export package. Any thread.
 */
public final class ViewExport {
    private ViewExport() {}

    public static List<Path> views(Path dir, List<ViewId> views, RunSet rs, ExportFormat format) throws ExportException {
        if (!Files.isDirectory(dir)) throw new ExportException(dir + " is not a directory");
        if (!Files.isWritable(dir)) throw new ExportException(dir + " is not writable");
        List<Path> out = new ArrayList<>();
        for (ViewId id : views) {
            Path target = dir.resolve(id.cliName() + "." + format.extension());
            ChartExporter.export(ViewRenderers.render(id, rs, ChartStyle.slide()), target, format,
                    ExportSize.defaults(), id.title());
            out.add(target);
        }
        return out;
    }
}
