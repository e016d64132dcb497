package org.dlnexplorer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command on stderr. Silent for the first {@link #QUIET_NANOS} (a command done within a
 * second prints nothing); then a bar redrawn in place on a terminal, or one line per {@link #LINE_STEP} of the
 * work otherwise (a log stays readable). Thread-safe; {@link #done()} ends the bar's line.
 */
final class Progress {
    static final long QUIET_NANOS = 1_000_000_000L;
    /** a line per 5 % when stderr is not a terminal */
    static final double LINE_STEP = 0.05;
    /** a terminal bar is redrawn at most this often */
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final long start = System.nanoTime();
    private double shownFraction = -1;
    private long lastDraw;
    private boolean printed;

    Progress(PrintWriter err, boolean terminal, String label) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    /** For stderr of this process: a bar when it is a terminal (a console is attached). */
    static Progress on(PrintWriter err, String label) {
        return new Progress(err, System.console() != null, label);
    }

    /** fraction of the work done, 0 … 1 (values out of range are clamped; NaN ignored) */
    synchronized void update(double fraction) {
        if (Double.isNaN(fraction)) return;
        double f = Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS) return;
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && f < 1) return;
            lastDraw = now;
            int full = (int) Math.round(f * BAR);
            err.print("\r" + label + " [" + "#".repeat(full) + ".".repeat(BAR - full) + "] "
                    + String.format(Locale.ROOT, "%3.0f%% %6.1f s", 100 * f, (now - start) / 1e9));
            err.flush();
            printed = true;
        } else if (f >= shownFraction + LINE_STEP || (shownFraction < 0)) {
            shownFraction = Math.floor(f / LINE_STEP) * LINE_STEP;
            err.println(String.format(Locale.ROOT, "%s: %.0f%% after %.1f s", label, 100 * f, (now - start) / 1e9));
            err.flush();
            printed = true;
        }
    }

    /** Ends the bar's line (nothing when nothing was shown). */
    synchronized void done() {
        if (printed && terminal) {
            err.println();
            err.flush();
        }
    }
}
