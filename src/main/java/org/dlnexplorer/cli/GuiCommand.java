package org.dlnexplorer.cli;

import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "gui", description = "Open the interactive app (the default).")
public final class GuiCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dln-explorer: gui is not available yet");
        return DlnCommand.INTERNAL;
    }
}
