package org.dlnexplorer;

import org.dlnexplorer.cli.DlnCommand;
import picocli.CommandLine;

/**
 * Entry point of the jar (command line and app). Deliberately not a javafx Application subclass, so the
 * JavaFX runtime on the class path starts. AWT must be headless before any AWT class loads: JFreeChart
 * uses AWT, and AWT's X11 toolkit crashes next to JavaFX's GTK window. Compute-heavy commands started
 * without the Vector API module are re-run in a child JVM that has it ({@link VectorRelaunch}).
 */
public final class Main {
    private Main() {}

    /** the Prism setting for the number of dirty rectangles per frame */
    static final String DIRTY_REGIONS = "prism.dirtyregioncount";
    /** the most JavaFX takes (its default is 6) */
    static final int MOST_DIRTY_REGIONS = 15;

    /**
     * System properties that must be set before AWT or JavaFX loads (a value given on the command line wins for
     * the dirty regions; AWT is always headless).
     */
    static void platformDefaults() {
        System.setProperty("java.awt.headless", "true");
        // Prism redraws at most this many separate dirty rectangles per frame: a drag changes every view, a
        // control and the status line at once, and with 6 they were merged into rectangles covering the
        // untouched space between them (the controls' and the menu's backgrounds), drawn again for nothing
        if (System.getProperty(DIRTY_REGIONS) == null) System.setProperty(DIRTY_REGIONS, Integer.toString(MOST_DIRTY_REGIONS));
    }

    public static void main(String[] args) {
        platformDefaults();
        // the app, bench and sweep run in a child JVM with the Vector API when this one lacks it
        java.util.OptionalInt child = VectorRelaunch.run(args);
        if (child.isPresent()) System.exit(child.getAsInt());
        int code = DlnCommand.execute(args);
        if (code != DlnCommand.KEEP_RUNNING) System.exit(code);
    }
}
