package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "export", description = "Export one view (or all) of a preset to PNG, SVG or PDF.")
public final class ExportCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dln-explorer: export is not available yet");
        return DlnCommand.INTERNAL;
    }
}
