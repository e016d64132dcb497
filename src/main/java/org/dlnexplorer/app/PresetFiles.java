package org.dlnexplorer.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetChanges;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Preset files: open (into the picker), save (the current controls and visible views applied to the
 * loaded preset), and the recently used ones. An opened file is checked off the FX thread (the CLI's
 * validation, then every member compiled as the service will); a refused one leaves everything as it was and
 * its whole message goes beside Open… ({@link ViewModel#presetMessage}) and into the status bar. FX thread,
 * except the check; no nodes.
 */
final class PresetFiles {
    private final ViewModel vm;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    /** puts an opened preset into the picker and selects it (which loads it) */
    private final Consumer<PresetLibrary.Entry> show;
    /** where files are checked, and where the result comes back (the FX thread) */
    private final Executor background, fx;
    private Runnable onRecentChanged = () -> { };
    /** the newest open: an older check that finishes later is dropped (latest wins) */
    private long opening;

    PresetFiles(ViewModel vm, FileDialogs dialogs, RecentFiles recent, Consumer<PresetLibrary.Entry> show,
                Executor background, Executor fx) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.recent = recent;
        this.show = show;
        this.background = background;
        this.fx = fx;
    }

    /** called after the list of recent files changed */
    void setOnRecentChanged(Runnable r) { onRecentChanged = r; }

    /** the recently used preset files, most recent first */
    List<Path> recentFiles() { return recent.list(); }

    void chooseAndOpen() { dialogs.openPreset().ifPresent(this::open); }

    void chooseAndSave() { dialogs.savePreset().ifPresent(this::save); }

    /**
     * Check a preset file off the FX thread, then load it into the picker and select it; a bad file leaves
     * everything as it was. Completes on the FX thread with whether it was loaded (false too when a newer
     * open came first).
     */
    CompletableFuture<Boolean> open(Path file) {
        long ticket = ++opening;
        vm.report(Severity.INFO, "checking " + file + " …");
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Runnable work = () -> {
            PresetLibrary.Entry e;
            String problem = null;
            try {
                e = check(file);
            } catch (PresetException ex) {
                e = null;
                problem = ex.getMessage();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
                e = null;
                problem = file + ": cannot be loaded (" + ex.getClass().getSimpleName()
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ")";
            }
            PresetLibrary.Entry checked = e;
            String refused = problem;
            fx.execute(() -> done.complete(ticket == opening && take(file, checked, refused)));
        };
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            done.complete(false);   // the window is closing
        }
        return done;
    }

    /**
     * The validation of `dln-explorer run` (read: shape, fields, limits), the view names, and the whole set
     * compiled as the service will compile it. Any thread.
     */
    static PresetLibrary.Entry check(Path file) throws PresetException {
        Preset p = PresetIo.read(file);
        return checked(p, file.getFileName().toString(), file.toString());
    }

    /** A read preset's view names checked and its whole set compiled, as an entry of the picker. Any thread. */
    static PresetLibrary.Entry checked(Preset p, String file, String source) throws PresetException {
        ViewId.panels(p, source);   // the view names are checked where the registry is known
        PresetCompiler.compileSet(Params.of(p).applyTo(p), source);
        return new PresetLibrary.Entry(file, source, p);
    }

    /** FX thread: show the checked preset, or its whole message beside Open… and in the status bar. */
    private boolean take(Path file, PresetLibrary.Entry e, String problem) {
        if (e == null) {
            vm.presetMessage.set(problem);
            vm.report(Severity.ERROR, "error: " + problem);
            return false;
        }
        vm.presetMessage.set("");
        show.accept(e);
        vm.report(Severity.INFO, "");
        remember(file);
        return true;
    }

    /** Write the current controls and visible views, applied to the loaded preset, as a preset file (atomically). */
    boolean save(Path file) {
        if (vm.basePreset.get() == null) return false;
        try {
            Preset p = current(vm);
            AtomicFiles.writeString(file, PresetIo.toJson(p));
            vm.report(Severity.INFO, "saved " + file);
            remember(file);
            return true;
        } catch (Exception ex) {
            vm.report(Severity.ERROR, "error: cannot save " + file + ": " + ex.getMessage());
            return false;
        }
    }

    /**
     * The current controls and visible views applied to the loaded preset (null when none is loaded): what
     * Save… writes and Copy as preset puts on the clipboard.
     */
    static Preset current(ViewModel vm) {
        Preset base = vm.basePreset.get();
        if (base == null) return null;
        Preset p = vm.params().applyTo(base);
        // the controls always write a method; a preset silent on it (gradient flow) stays silent
        if (base.training == null || base.training.method == null) {
            if (p.training != null && "gradient-flow".equals(p.training.method)) p.training.method = null;
        }
        p = PresetChanges.annotate(base, p);   // a changed preset says so (name and description)
        p.view = withPanels(base.view, vm.panels.get());
        return p;
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
