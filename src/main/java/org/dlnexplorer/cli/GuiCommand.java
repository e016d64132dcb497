package org.dlnexplorer.cli;

import org.dlnexplorer.app.AppOptions;
import org.dlnexplorer.app.DlnApp;
import org.dlnexplorer.app.PresetLibrary;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.BundledPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/** `gui [PRESET.json] [--screenshot FILE.png] [--after-ms N]`: opens the app (the default command). */
@Command(name = "gui", description = "Open the interactive app (the default).", mixinStandardHelpOptions = true)
public final class GuiCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET.json", description = "preset to open")
    Path preset;

    @Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "wait until the trajectory is complete, write a PNG of the window, exit")
    Path screenshot;

    @Option(names = "--after-ms", paramLabel = "N", defaultValue = "0",
            description = "extra milliseconds to wait before the screenshot")
    long afterMs;

    @Override
    public Integer call() {
        AppOptions options = AppOptions.defaults();
        if (preset != null) {
            try {
                Preset p = BundledPresets.readFileOrName(preset);
                ViewId.panels(p, preset.toString());   // the app's visible views: names from the view registry
                options = options.withPreset(new PresetLibrary.Entry(preset.getFileName().toString(), preset.toString(), p));
            } catch (PresetException e) {
                throw new UsageError(e.getMessage());
            }
        }
        if (afterMs < 0) throw new UsageError("--after-ms must be ≥ 0 (got " + afterMs + ")");
        if (screenshot != null) {
            if (!screenshot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
                throw new UsageError("--screenshot " + screenshot + ": the file must end in .png");
            Path dir = screenshot.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir))
                throw new UsageError("--screenshot " + screenshot + ": directory " + dir + " does not exist or is not writable");
            options = options.withScreenshot(screenshot, afterMs);
        }
        DlnApp.launch(options);
        return DlnCommand.KEEP_RUNNING;
    }
}
