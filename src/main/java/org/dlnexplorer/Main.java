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

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // the app, bench and sweep run in a child JVM with the Vector API when this one lacks it
        java.util.OptionalInt child = VectorRelaunch.run(args);
        if (child.isPresent()) System.exit(child.getAsInt());
        int code = DlnCommand.execute(args);
        if (code != DlnCommand.KEEP_RUNNING) System.exit(code);
    }
}
