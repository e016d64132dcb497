package org.dlnexplorer.cli;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.export.AnimatedView;
import org.dlnexplorer.export.AnimationEncoder;
import org.dlnexplorer.export.ExportException;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `export PRESET --view VIEW --animate|--sweep FIELD=FROM:TO --out FILE.gif|.mp4 [--seconds S] [--fps F]`:
 * one view as an animated GIF or MP4 for slides (export.AnimatedView, export.AnimationEncoder).
 */
final class AnimatedExportRun {
    /** an animation's default frame size (a GIF or MP4 of 1600×1000 would be needlessly heavy) */
    static final int DEFAULT_WIDTH = 800, DEFAULT_HEIGHT = 500;

    private final PrintWriter out, err;

    AnimatedExportRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(Path presetFile, String viewName, boolean all, Path file, int width, int height, String sweep,
            double seconds, double fps, double maxSeconds) {
        if (all || viewName == null) throw new UsageError("export --animate/--sweep: give one --view VIEW");
        ViewId id = ViewId.fromCliName(viewName);
        if (id == null) throw new UsageError("--view " + viewName + ": unknown view (known: " + ViewId.names() + ")");
        if (id == ViewId.PHASE_DIAGRAM) throw new UsageError("--view phase-diagram: has no time to animate (use sweep)");
        if (!(seconds > 0 && seconds <= AnimatedView.MAX_SECONDS))
            throw new UsageError("--seconds " + seconds + ": must be in (0, " + (int) AnimatedView.MAX_SECONDS + "]");
        if (!(fps >= 1 && fps <= AnimatedView.MAX_FPS)) throw new UsageError("--fps " + fps + ": must be in [1, " + (int) AnimatedView.MAX_FPS + "]");
        if (width < 64 || height < 64 || width > 4096 || height > 4096 || width % 2 != 0 || height % 2 != 0)
            throw new UsageError("--width/--height " + width + "×" + height + ": each even and in 64 … 4096 for an animation");
        try {
            AnimationEncoder.Kind.of(file);
        } catch (ExportException e) {
            throw new UsageError("--out: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir))
            throw new UsageError("--out " + file + ": directory " + dir + " does not exist or is not writable");
        Preset p;
        try {
            p = BundledPresets.readFileOrName(presetFile);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        AnimatedView.Sweep s = null;
        if (sweep != null) {
            try {
                s = AnimatedView.Sweep.parse(sweep, p);
            } catch (ExportException e) {
                throw new UsageError(e.getMessage());
            }
        }
        int frames = AnimatedView.frames(seconds, fps);
        if (s != null && frames > AnimatedView.MAX_SWEEP_FRAMES)
            throw new UsageError("--sweep: " + frames + " frames, each a new simulation: at most " + AnimatedView.MAX_SWEEP_FRAMES + " (lower --seconds or --fps)");
        CancellationToken token = TimeBudget.token(maxSeconds);
        String source = presetFile.toString();
        try {
            RunSet probe = PresetRunner.runSet(p, source, token);
            String why = id.whyNot(probe);
            if (why != null) throw new UsageError("--view " + id.cliName() + ": does not apply to " + presetFile + ": " + why);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        try (OutputLock lock = OutputLock.acquire(file); AnimationEncoder enc = AnimationEncoder.open(file, fps)) {
            if (s == null) AnimatedView.time(id, p, source, frames, width, height, enc, token);
            else AnimatedView.sweep(id, p, source, s, frames, width, height, enc, token);
            if (token.isCancelled()) err.println("dln-explorer: note: the time budget ran out; the animation is cut short");
            enc.finish();
            out.println(file + " (" + frames + " frames, " + width + "×" + height + ", " + fps + " fps)");
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        } catch (ExportException e) {
            throw new UsageError(e.getMessage());
        } catch (IOException e) {
            throw new UsageError(file + ": cannot write (" + e.getMessage() + ")");
        } finally {
            out.flush();
            err.flush();
        }
        return DlnCommand.OK;
    }
}
