package org.dlnexplorer.app;

import org.dlnexplorer.preset.Preset;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.export.TrajectoryExport;
import org.dlnexplorer.model.observe.RunSet;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The window's exports: every visible view as a picture (slide style, chosen format) into a folder, and
 * the shown trajectory as CSV/JSON. The writing runs on its own daemon thread; its result or error goes
 * to the status bar. Started on the FX thread.
 */
final class ExportActions {
    /** the picture format of "Export…" */
    final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.PNG);

    private final ViewModel vm;
    private final FileDialogs dialogs;
    /** the views to export: those on screen that show the run set */
    private final Supplier<List<ViewId>> views;

    ExportActions(ViewModel vm, FileDialogs dialogs, Supplier<List<ViewId>> views) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.views = views;
    }

    void chooseAndExport() { dialogs.exportDirectory(String.valueOf(format.get())).ifPresent(this::export); }

    void chooseAndExportData() { dialogs.exportData().ifPresent(this::exportData); }

    /** Render the visible views (slide style) into dir in the chosen format. */
    void export(Path dir) {
        RunSet rs = vm.runSet.get();
        if (rs == null) { vm.report(Severity.INFO, "nothing to export yet"); return; }
        List<ViewId> shown = views.get();
        ExportFormat f = format.get();
        Preset preset = shownPreset();
        String source = vm.presetSource.get();
        background("dln-export", () -> {
            ViewExport.Result r = ViewExport.views(dir, shown, rs, preset, source, f);
            return "exported " + r.files().size() + " " + f + " files to " + dir
                    + (r.skipped().isEmpty() ? "" : "; skipped " + String.join("; skipped ", r.skipped()));
        });
    }

    /** "Export view…" of one view's context menu: the file (and format) from the dialog. */
    void chooseAndExportView(ViewId id) {
        dialogs.exportView(id.cliName()).ifPresent(file -> exportView(id, file));
    }

    /** Write one view to file (format from its extension); a view that does not apply is refused with why. */
    void exportView(ViewId id, Path file) {
        RunSet rs = vm.runSet.get();
        if (rs == null) { vm.report(Severity.INFO, "nothing to export yet"); return; }
        Preset preset = shownPreset();
        String source = vm.presetSource.get();
        background("dln-export-view", () -> "exported " + ViewExport.view(file, id, rs, preset, source));
    }

    /** the preset the views show: the loaded one with the controls applied (null before any load) */
    private Preset shownPreset() {
        Preset base = vm.basePreset.get();
        return base == null ? null : vm.params().applyTo(base);
    }

    /** Write the shown run set as CSV/JSON (by extension). */
    void exportData(Path file) {
        RunSet rs = vm.runSet.get();
        if (rs == null) { vm.report(Severity.INFO, "nothing to export yet"); return; }
        background("dln-export-data", () -> {
            List<Path> files = TrajectoryExport.write(rs, file);
            return "exported " + files.size() + (files.size() == 1 ? " file: " : " files: ") + files.get(0)
                    + (files.size() > 1 ? " …" : "");
        });
    }

    /** Run an export job on its own daemon thread; its message (or error) goes to the status bar. */
    private void background(String name, Callable<String> job) {
        Thread t = new Thread(() -> {
            Severity severity = Severity.INFO;
            String result;
            try {
                result = job.call();
            } catch (Exception ex) {
                severity = Severity.ERROR;
                result = "error: export failed: " + ex.getMessage();
            }
            Severity s = severity;
            String msg = result;
            Platform.runLater(() -> vm.report(s, msg));
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
