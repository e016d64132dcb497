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

/** `gui [PRESET.json] [--present [--theme light|dark]] [--playlist FILE] [--size WxH] [--screenshot FILE.png] [--after-ms N]`: opens the app (the default command). */
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

    @Option(names = "--present", description = "start in presentation mode (F5 in the app; Esc leaves)")
    boolean present;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
            description = "presentation mode's theme: light (high-contrast) or dark")
    String theme;

    @Option(names = "--playlist", paramLabel = "PLAYLIST.json", description = "open a lecture playlist (PageDown / PageUp step through it)")
    Path playlist;

    @Option(names = "--size", paramLabel = "WxH",
            description = "window size in pixels, e.g. 1280x800 (default 1600x1000, at most the screen)")
    String size;

    /** the smallest window accepted by --size (px) */
    static final int MIN_WIDTH = 640, MIN_HEIGHT = 400, MAX_SIDE = 10_000;

    /** "WxH" as {W, H}; a usage error naming --size and what is wrong */
    static int[] parseSize(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})\\s*").matcher(text);
        if (!m.matches()) throw new UsageError("--size " + text + ": expected WIDTHxHEIGHT in pixels, e.g. 1280x800");
        int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
        if (w < MIN_WIDTH || h < MIN_HEIGHT || w > MAX_SIDE || h > MAX_SIDE)
            throw new UsageError("--size " + text + ": width must be " + MIN_WIDTH + "–" + MAX_SIDE + " and height "
                    + MIN_HEIGHT + "–" + MAX_SIDE + " pixels");
        return new int[] {w, h};
    }

    @Override
    public Integer call() {
        AppOptions options = AppOptions.defaults();
        if (size != null) {
            int[] wh = parseSize(size);
            options = options.withSize(wh[0], wh[1]);
        }
        if (preset != null) {
            try {
                Preset p = BundledPresets.readFileOrName(preset);
                ViewId.panels(p, preset.toString());   // the app's visible views: names from the view registry
                options = options.withPreset(new PresetLibrary.Entry(preset.getFileName().toString(), preset.toString(), p));
            } catch (PresetException e) {
                throw new UsageError(e.getMessage());
            }
        }
        if (!theme.equals("light") && !theme.equals("dark"))
            throw new UsageError("--theme " + theme + ": expected light or dark");
        options = options.presenting(present, theme.equals("dark"));
        if (playlist != null) {
            try {
                org.dlnexplorer.export.Lecture.read(playlist);
            } catch (PresetException e) {
                throw new UsageError(e.getMessage());
            }
            options = options.withPlaylist(playlist);
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
