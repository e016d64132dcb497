package org.dlnexplorer.app;

import java.nio.file.Path;

/**
 * How the app starts: an explicit preset (or null: the default from the presets directory), where the
 * bundled presets are, an optional screenshot to write once the trajectory is complete, window size,
 * whether the hyperboloid must be 2D, whether the phase diagram sweeps in the background, whether it starts in
 * presentation mode (and in its dark theme), a lecture playlist to open.
 */
public record AppOptions(PresetLibrary.Entry preset, Path presetDirectory, Path screenshot, long afterMillis,
                         double width, double height, boolean force2d, boolean phaseDiagram, boolean present, boolean dark, Path playlist) {
    public static final String DEFAULT_PRESET_FILE = "saxe-two-modes.json";
    public static final double DEFAULT_WIDTH = 1600, DEFAULT_HEIGHT = 1000;

    /** not presenting */
    public AppOptions(PresetLibrary.Entry preset, Path presetDirectory, Path screenshot, long afterMillis,
                      double width, double height, boolean force2d, boolean phaseDiagram) {
        this(preset, presetDirectory, screenshot, afterMillis, width, height, force2d, phaseDiagram, false, false, null);
    }

    public static AppOptions defaults() {
        return new AppOptions(null, PresetLibrary.directory(), null, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, true);
    }

    public AppOptions withPreset(PresetLibrary.Entry e) {
        return new AppOptions(e, presetDirectory, screenshot, afterMillis, width, height, force2d, phaseDiagram, present, dark, playlist);
    }

    public AppOptions withSize(double w, double h) {
        return new AppOptions(preset, presetDirectory, screenshot, afterMillis, w, h, force2d, phaseDiagram, present, dark, playlist);
    }

    public AppOptions withPhaseDiagram(boolean on) {
        return new AppOptions(preset, presetDirectory, screenshot, afterMillis, width, height, force2d, on, present, dark, playlist);
    }

    public AppOptions presenting(boolean on, boolean darkTheme) {
        return new AppOptions(preset, presetDirectory, screenshot, afterMillis, width, height, force2d, phaseDiagram, on, darkTheme, playlist);
    }

    public AppOptions withPlaylist(Path file) {
        return new AppOptions(preset, presetDirectory, screenshot, afterMillis, width, height, force2d, phaseDiagram, present, dark, file);
    }

    public AppOptions withScreenshot(Path file, long after) {
        return new AppOptions(preset, presetDirectory, file, after, width, height, force2d, phaseDiagram, present, dark, playlist);
    }
}
