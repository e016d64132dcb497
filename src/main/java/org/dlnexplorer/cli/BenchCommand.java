package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "bench", description = "Time the full trajectory computation of a preset.")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dln-explorer: bench is not available yet");
        return DlnCommand.INTERNAL;
    }
}
