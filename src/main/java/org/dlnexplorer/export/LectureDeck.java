package org.dlnexplorer.export;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewChart;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.jfree.chart.ui.Drawable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lecture playlist as slides: one page per step (its caption, then its views in slide style, drawn from a
 * run of the step's preset), written as one multi-page PDF deck or as a PNG and an SVG per step. A view that
 * does not apply to its step's preset is left out and named.
 */
public final class LectureDeck {
    private LectureDeck() {}

    /** one step's page and the views it left out (with why) */
    public record Page(Lecture.Step step, Drawable drawable, List<String> skipped) {}

    /** Simulate the step's preset and draw its page. */
    public static Page page(Lecture lecture, Lecture.Step s, CancellationToken token) throws PresetException {
        Preset p = s.views().contains(ViewId.SHARPNESS) ? PresetCompiler.withSharpness(s.preset()) : s.preset();
        RunSet runs = PresetRunner.runSet(p, s.presetSource(), token);
        List<Drawable> views = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ViewId id : s.views()) {
            String why = id.whyNot(runs);
            Drawable d = null;
            if (why == null && id == ViewId.PHASE_DIAGRAM) {
                try {
                    d = PhaseDiagramExport.render(s.preset(), s.presetSource());
                } catch (IllegalArgumentException e) {
                    why = e.getMessage();
                }
            } else if (why == null) {
                ViewChart c = ViewChart.create(id, ChartStyle.slide());
                c.setLogTime(flag(s.preset(), "logTime"));
                c.setLogLoss(flag(s.preset(), "logLoss"));
                c.update(runs, Double.NaN);
                d = c.drawable();
            }
            if (why != null) skipped.add(id.cliName() + ": " + why);
            else views.add(d);
        }
        String heading = s.number() + " / " + lecture.steps().size() + "   " + (s.preset().name == null ? s.presetName() : s.preset().name);
        return new Page(s, new LecturePage(heading, s.caption() + animationNote(s.animate()),
                GoverningEquation.of(s.preset()).tex(), views), skipped);
    }

    /** the caption's note of what the app animates in this step */
    static String animationNote(Lecture.Animate a) {
        if (a == null) return "";
        if (a.isTime()) return " (In the app: the time cursor sweeps t from " + num(a.from()) + " to " + num(a.to()) + ".)";
        return " (In the app: " + AxisLabels.symbol(a.parameter()) + " is dragged from " + num(a.from()) + " to " + num(a.to()) + ".)";
    }

    private static String num(double v) { return org.dlnexplorer.chart.Fmt.num(v); }

    private static boolean flag(Preset p, String key) {
        return p.view != null && p.view.has(key) && p.view.get(key).isJsonPrimitive() && p.view.get(key).getAsBoolean();
    }

    /** Write every page into one PDF (atomically). */
    public static void writePdf(Lecture lecture, List<Page> pages, Path file, ExportSize size) throws ExportException {
        List<Drawable> d = new ArrayList<>();
        for (Page p : pages) d.add(p.drawable());
        try {
            byte[] pdf = PdfWriter.pdf(d, size, lecture.title());
            AtomicFiles.write(file, out -> out.write(pdf));
        } catch (java.io.IOException e) {
            throw new ExportException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Write step-NN.png and step-NN.svg for every page into dir; the files written. */
    public static List<Path> writeDirectory(List<Page> pages, Path dir, ExportSize size) throws ExportException {
        List<Path> out = new ArrayList<>();
        for (Page p : pages) {
            String base = String.format(Locale.ROOT, "step-%02d", p.step().number());
            for (ExportFormat f : new ExportFormat[]{ExportFormat.PNG, ExportFormat.SVG}) {
                Path file = dir.resolve(base + "." + f.extension());
                ChartExporter.export(p.drawable(), file, f, size, null);
                out.add(file);
            }
        }
        return out;
    }
}
