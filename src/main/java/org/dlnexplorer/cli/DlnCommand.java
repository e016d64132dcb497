package org.dlnexplorer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The root command: `dln-explorer [gui|run|export|presets|sweep|sweep-merge|bench] …`; no subcommand opens the app. */
@Command(name = "dln-explorer", mixinStandardHelpOptions = true, version = "DLN Explorer 0.1.0",
        description = "Deep linear network learning dynamics: interactive app and batch tools.",
        subcommands = {GuiCommand.class, RunCommand.class, ExportCommand.class, PresetsCommand.class,
                SweepCommand.class, SweepMergeCommand.class, BenchCommand.class, PlaylistCommand.class})
public final class DlnCommand implements java.util.concurrent.Callable<Integer> {
    /** exit status: success (also for a diverged run) */
    public static final int OK = 0;
    /** exit status: internal error */
    public static final int INTERNAL = 1;
    /** exit status: invalid input or usage */
    public static final int INVALID = 2;
    /** returned by the gui command: the JavaFX app owns the process now */
    public static final int KEEP_RUNNING = -1;

    @picocli.CommandLine.Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "open the app, wait until the trajectory is complete, write a PNG of the window, exit")
    java.nio.file.Path screenshot;

    @picocli.CommandLine.Option(names = "--after-ms", paramLabel = "N", defaultValue = "0",
            description = "extra milliseconds to wait before the screenshot")
    long afterMs;

    @Override
    public Integer call() {
        GuiCommand gui = new GuiCommand();
        gui.screenshot = screenshot;
        gui.afterMs = afterMs;
        return gui.call();
    }

    /** Runs the command line; returns the exit status (or KEEP_RUNNING while the app is open). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new DlnCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("dln-explorer: " + ex.getMessage().replace('\n', ' '));
            return INVALID;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageError u) {
                commandLine.getErr().println("dln-explorer: " + u.getMessage());
                return INVALID;
            }
            commandLine.getErr().println("dln-explorer: internal error: " + ex);
            return INTERNAL;
        });
        return cl.execute(args);
    }
}
