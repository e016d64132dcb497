package org.dlnexplorer.app;

import javafx.application.Platform;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.export.AnimatedView;
import org.dlnexplorer.export.AnimationEncoder;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.preset.Preset;

import java.nio.file.Path;

/**
 * "Export animation…" in the app: the first view shown (of the current configuration, as Copy as preset
 * makes it) as an animated GIF or MP4 of the run unfolding, written on a daemon thread; the status bar says
 * when it is done or why not.
 */
final class AnimationExport {
    static final double SECONDS = 4, FPS = 12;
    static final int WIDTH = 800, HEIGHT = 500;

    private final ViewModel vm;
    private final FileDialogs dialogs;

    AnimationExport(ViewModel vm, FileDialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    void chooseAndExport() { dialogs.saveAnimation().ifPresent(this::export); }

    /** Write the first shown view (not the phase diagram) of the current configuration as an animation. */
    void export(Path file) {
        Preset p = PresetFiles.current(vm);
        ViewId id = vm.panels.get().stream().filter(v -> v != ViewId.PHASE_DIAGRAM).findFirst().orElse(null);
        if (p == null || id == null) return;
        String source = vm.presetSource.get();
        vm.report(Severity.INFO, "writing " + file + " …");
        Thread t = new Thread(() -> {
            String message;
            Severity sev = Severity.INFO;
            try (AnimationEncoder enc = AnimationEncoder.open(file, FPS)) {
                AnimatedView.time(id, p, source, AnimatedView.frames(SECONDS, FPS), WIDTH, HEIGHT, enc, CancellationToken.NEVER);
                enc.finish();
                message = "wrote " + file + " (" + id.title() + ", " + (int) SECONDS + " s)";
            } catch (Exception e) {
                sev = Severity.ERROR;
                message = "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Severity s = sev;
            String m = message;
            Platform.runLater(() -> vm.report(s, m));
        }, "dln-export-animation");
        t.setDaemon(true);
        t.start();
    }
}
