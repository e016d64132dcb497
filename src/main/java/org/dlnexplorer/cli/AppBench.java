package org.dlnexplorer.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.dlnexplorer.app.AppOptions;
import org.dlnexplorer.app.LatencyProbe;
import org.dlnexplorer.app.MainWindow;
import org.dlnexplorer.app.PresetLibrary;
import org.dlnexplorer.app.ViewCell;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.BundledPresets;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * `bench --app PRESET.json [--changes N] [--drag-seconds S] [--headless]`: opens the app's main window
 * on the preset (the normal platform, or Monocle's headless one with software rendering), waits until
 * it has settled and runs the {@link LatencyProbe}; prints one JSON object. The JavaFX toolkit is
 * started here (and shut down again, unless it was already running, as in the tests).
 */
final class AppBench {
    /** Monocle's platform factory: present when org.testfx:openjfx-monocle is on the class path */
    static final String MONOCLE_CLASS = "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    /** the headless screen: large enough for the app's default window */
    static final String HEADLESS_GEOMETRY = "1600x1000-32";
    /** the longest the whole probe may take */
    static final long TIMEOUT_MILLIS = 30 * 60_000L;

    private AppBench() {}

    static boolean monocleAvailable() {
        try {
            Class.forName(MONOCLE_CLASS, false, AppBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static int run(Path presetFile, LatencyProbe.Settings settings, boolean headless, boolean phaseDiagram, PrintWriter out)
            throws Exception {
        Preset preset;
        try {
            preset = BundledPresets.readFileOrName(presetFile);
        } catch (PresetException e) {
            throw new UsageError(e.getMessage());
        }
        if (headless) {
            if (!monocleAvailable())
                throw new UsageError("--headless: Monocle (org.testfx:openjfx-monocle) is not on the class path; run without --headless on a display (or under xvfb-run)");
            // read once when the toolkit starts: must be set before
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", HEADLESS_GEOMETRY);
        }
        boolean ours = startToolkit();
        try {
            AppOptions options = AppOptions.defaults()
                    .withPreset(new PresetLibrary.Entry(presetFile.getFileName().toString(), presetFile.toString(), preset))
                    .withPhaseDiagram(phaseDiagram);
            MainWindow window = fx(() -> {
                Stage stage = new Stage();
                Rectangle2D screen = Screen.getPrimary().getVisualBounds();
                MainWindow w = new MainWindow(stage, options.withSize(Math.min(options.width(), screen.getWidth()),
                        Math.min(options.height(), screen.getHeight())));
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.show();
                return w;
            });
            LatencyProbe.Result r;
            try {
                r = LatencyProbe.measure(window, settings, TIMEOUT_MILLIS);
            } finally {
                fx(() -> { window.stage().hide(); return null; });   // stops its timer, service and renderer
            }
            JsonObject head = new JsonObject();
            head.addProperty("workload", "app");
            head.addProperty("preset", presetFile.toString());
            for (Map.Entry<String, JsonElement> e : r.toJsonObject().entrySet()) head.add(e.getKey(), e.getValue());
            head.addProperty("warmupChanges", settings.warmupChanges());
            head.addProperty("kernels", org.dlnexplorer.model.objective.Kernels.kind());
            JsonObject env = fx(() -> environment(window));
            for (Map.Entry<String, JsonElement> e : env.entrySet()) head.add(e.getKey(), e.getValue());
            out.println(new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(head));
            out.flush();
            return DlnCommand.OK;
        } finally {
            if (ours) Platform.exit();
        }
    }

    /** Start the toolkit; false when it already runs (then it is left running). */
    private static boolean startToolkit() {
        try {
            CompletableFuture<Void> up = new CompletableFuture<>();
            Platform.startup(() -> up.complete(null));
            Platform.setImplicitExit(false);
            up.get(60, TimeUnit.SECONDS);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            return false;
        } catch (Exception | Error e) {
            throw new UsageError("bench --app: cannot start JavaFX (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); use --headless or a display (xvfb-run)");
        }
    }

    /** which glass platform and Prism pipeline draw the window, and what it shows */
    private static JsonObject environment(MainWindow window) {
        JsonObject o = new JsonObject();
        o.addProperty("platform", internal(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()
                .replace("Application", "")));
        o.addProperty("renderPipeline", internal(() -> com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName()));
        o.addProperty("window", Math.round(window.stage().getScene().getWidth()) + "x" + Math.round(window.stage().getScene().getHeight()));
        ViewCell h = window.cells().get(ViewId.HYPERBOLOID);
        o.addProperty("hyperboloid3d", h instanceof ViewCell.Hyperboloid hc && hc.isThreeD());
        o.addProperty("phaseDiagram", window.phaseDiagram() != null);
        // a drag paints the views on screen: rendered and not scrolled out of sight
        int rendered = 0, inSight = 0;
        for (ViewCell c : window.cells().values())
            if (c.isRendered()) { rendered++; if (window.onScreen(c)) inSight++; }
        o.addProperty("viewsRendered", rendered);
        o.addProperty("viewsInSight", inSight);
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        return o;
    }

    private static String internal(Callable<String> c) {
        try {
            return c.call();
        } catch (Throwable e) {
            return "unknown";
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }
}
