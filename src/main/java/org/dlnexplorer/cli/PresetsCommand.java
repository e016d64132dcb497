package org.dlnexplorer.cli;

import org.dlnexplorer.preset.BundledPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `presets [--dir DIR] [--long]`: lists the bundled presets, one per line: file, name, and the first
 * sentence of the description (--long: the whole description). Reads ./presets when it exists, otherwise
 * the presets packaged in the jar. Presets that fail to load are reported on stderr (exit status 2).
 */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the bundled presets (file, name, one-line description).")
public final class PresetsCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "List the presets in DIR instead of the bundled ones.")
    Path dir;

    @Option(names = "--long", description = "Print each full description on the lines below its preset.")
    boolean longFormat;

    @Override
    public Integer call() {
        if (dir != null && !Files.isDirectory(dir)) throw new UsageError(dir + ": --dir: not a directory");
        BundledPresets.Listing listing = dir != null ? BundledPresets.fromDirectory(dir) : BundledPresets.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int fileWidth = 0, nameWidth = 0;
        for (BundledPresets.Entry e : listing.entries()) {
            fileWidth = Math.max(fileWidth, e.file().length());
            nameWidth = Math.max(nameWidth, e.name().length());
        }
        for (BundledPresets.Entry e : listing.entries()) {
            if (longFormat) {
                out.println(pad(e.file(), fileWidth) + "  " + e.name());
                out.println("    " + e.preset().description.replaceAll("\\s+", " ").strip());
            } else {
                out.println(pad(e.file(), fileWidth) + "  " + pad(e.name(), nameWidth) + "  " + e.summary());
            }
        }
        out.flush();
        for (BundledPresets.Failure f : listing.failures()) err.println("dln-explorer: " + f.error().getMessage());
        err.flush();
        if (!listing.failures().isEmpty()) return DlnCommand.INVALID;
        if (listing.entries().isEmpty()) {
            err.println("dln-explorer: no presets found in " + listing.origin());
            err.flush();
            return DlnCommand.INVALID;
        }
        return DlnCommand.OK;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
