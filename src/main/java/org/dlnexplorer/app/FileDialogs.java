package org.dlnexplorer.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file choosers the window asks the user with (empty: cancelled). Behind an interface so that the
 * logic that uses them (preset files, export) runs in tests without a window.
 */
public interface FileDialogs {
    /** a preset file to open */
    Optional<Path> openPreset();

    /** where to save the current controls as a preset */
    Optional<Path> savePreset();

    /** a folder to write the visible views into, as format */
    Optional<Path> exportDirectory(String format);

    /** a PNG, SVG or PDF file for one view (its name suggests the file name) */
    Optional<Path> exportView(String view);

    /** a CSV or JSON file for the trajectory */
    Optional<Path> exportData();

    /** a lecture playlist to open (none where there is no chooser) */
    default Optional<Path> openPlaylist() { return Optional.empty(); }

    /** a GIF or MP4 file for an animated view (none where there is no chooser) */
    default Optional<Path> saveAnimation() { return Optional.empty(); }
}
