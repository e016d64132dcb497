package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "presets", description = "List the bundled presets.")
public final class PresetsCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        return DlnCommand.INTERNAL;
    }
}
