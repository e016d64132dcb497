package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "run", description = "Simulate a preset headless and print the trajectory as JSON or CSV.")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        return DlnCommand.INTERNAL;
    }
}
