package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "sweep", description = "Run a preset over a 2D parameter grid and write per-cell metrics as CSV.")
public final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dln-explorer: sweep is not available yet");
        return DlnCommand.INTERNAL;
    }
}
