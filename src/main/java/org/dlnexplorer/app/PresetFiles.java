package org.dlnexplorer.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Preset files: open (into the picker), save (the current controls and visible views applied to the
 * loaded preset), and the recently used ones. Reports in the status bar. FX thread; no nodes.
 */
final class PresetFiles {
    private final ViewModel vm;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    /** puts an opened preset into the picker and selects it (which loads it) */
    private final Consumer<PresetLibrary.Entry> show;
    private Runnable onRecentChanged = () -> { };

    PresetFiles(ViewModel vm, FileDialogs dialogs, RecentFiles recent, Consumer<PresetLibrary.Entry> show) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.recent = recent;
        this.show = show;
    }

    /** called after the list of recent files changed */
    void setOnRecentChanged(Runnable r) { onRecentChanged = r; }

    /** the recently used preset files, most recent first */
    List<Path> recentFiles() { return recent.list(); }

    void chooseAndOpen() { dialogs.openPreset().ifPresent(this::open); }

    void chooseAndSave() { dialogs.savePreset().ifPresent(this::save); }

    /** Load a preset file into the picker and select it; a bad file leaves everything as it was. */
    boolean open(Path file) {
        try {
            Preset p = PresetIo.read(file);
            ViewId.panels(p, file.toString());   // the view names are checked where the registry is known
            show.accept(new PresetLibrary.Entry(file.getFileName().toString(), file.toString(), p));
            vm.report(Severity.INFO, "");
            remember(file);
            return true;
        } catch (PresetException ex) {
            vm.report(Severity.ERROR, "error: " + ex.getMessage());
            return false;
        }
    }

    /** Write the current controls and visible views, applied to the loaded preset, as a preset file (atomically). */
    boolean save(Path file) {
        Preset base = vm.basePreset.get();
        if (base == null) return false;
        try {
            Preset p = vm.params().applyTo(base);
            p.view = withPanels(base.view, vm.panels.get());
            PresetIo.writeAtomically(file, PresetIo.toJson(p));
            vm.report(Severity.INFO, "saved " + file);
            remember(file);
            return true;
        } catch (Exception ex) {
            vm.report(Severity.ERROR, "error: cannot save " + file + ": " + ex.getMessage());
            return false;
        }
    }

    /** a copy of a preset's view section with view.panels set to these views */
    static JsonObject withPanels(JsonObject view, List<ViewId> panels) {
        JsonObject v = view == null ? new JsonObject() : view.deepCopy();
        JsonArray names = new JsonArray();
        for (ViewId id : panels) names.add(id.cliName());
        v.add("panels", names);
        return v;
    }

    private void remember(Path file) {
        recent.add(file);
        onRecentChanged.run();
    }
}
