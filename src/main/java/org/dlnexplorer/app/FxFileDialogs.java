package org.dlnexplorer.app;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The JavaFX file choosers, modal over the main window. FX thread. */
final class FxFileDialogs implements FileDialogs {
    private final Stage owner;

    FxFileDialogs(Stage owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openPlaylist() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lecture playlist");
        chooser.getExtensionFilters().add(new ExtensionFilter("Lecture playlists (*.json)", "*.json"));
        java.io.File dir = Path.of("presets", "playlists").toFile();
        if (dir.isDirectory()) chooser.setInitialDirectory(dir);
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveAnimation() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export animation (GIF or MP4)");
        chooser.getExtensionFilters().addAll(new ExtensionFilter("Animated GIF (*.gif)", "*.gif"), new ExtensionFilter("MP4 video (*.mp4)", "*.mp4"));
        chooser.setInitialFileName("animation.gif");
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> openPreset() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open preset");
        chooser.getExtensionFilters().add(new ExtensionFilter("Presets (*.json)", "*.json"));
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> savePreset() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save preset");
        chooser.getExtensionFilters().add(new ExtensionFilter("Presets (*.json)", "*.json"));
        chooser.setInitialFileName("preset.json");
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> exportDirectory(String format) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export views as " + format + " into…");
        return path(chooser.showDialog(owner));
    }

    @Override
    public Optional<Path> exportView(String view) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export view " + view);
        chooser.getExtensionFilters().addAll(new ExtensionFilter("PNG (*.png)", "*.png"),
                new ExtensionFilter("SVG (*.svg)", "*.svg"), new ExtensionFilter("PDF (*.pdf)", "*.pdf"));
        chooser.setInitialFileName(view + ".png");
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> exportData() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export trajectory");
        chooser.getExtensionFilters().addAll(new ExtensionFilter("CSV (*.csv)", "*.csv"),
                new ExtensionFilter("JSON (*.json)", "*.json"));
        chooser.setInitialFileName("trajectory.csv");
        return path(chooser.showSaveDialog(owner));
    }

    private static Optional<Path> path(File f) {
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }
}
