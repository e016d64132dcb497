package org.dlnexplorer.app;

import org.dlnexplorer.output.AtomicFiles;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JavaFX application. Started from the command line (cli.GuiCommand) through {@link #launch};
 * with a screenshot file it waits until the trajectory is complete and drawn (plus the extra delay),
 * writes a PNG of the whole window and exits with status 0 (1 when that fails).
 */
public final class DlnApp extends Application {
    /** give up on a screenshot when the computation has not settled after this long */
    static final long SCREENSHOT_TIMEOUT_MILLIS = 120_000;
    /** the phase diagram redraws at most every 0.5 s while filling; wait this long after it finished */
    static final long PHASE_REDRAW_SETTLE_MILLIS = 700;

    private static volatile AppOptions options = AppOptions.defaults();
    private MainWindow window;

    /** Start the FX runtime with these options on a new (non-daemon) thread; returns at once. */
    public static void launch(AppOptions o) {
        options = o;
        Thread t = new Thread(() -> Application.launch(DlnApp.class), "dln-fx-launcher");
        t.setDaemon(false);
        t.start();
    }

    @Override
    public void start(Stage stage) {
        AppOptions o = options;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(o.width(), screen.getWidth()), h = Math.min(o.height(), screen.getHeight());
        o = o.withSize(w, h);
        window = new MainWindow(stage, o);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.show();
        if (o.screenshot() != null) {
            Path file = o.screenshot();
            long after = o.afterMillis();
            PauseTransition timeout = new PauseTransition(Duration.millis(SCREENSHOT_TIMEOUT_MILLIS));
            timeout.setOnFinished(e -> {
                System.err.println("dln-explorer: screenshot: the computation did not finish within "
                        + SCREENSHOT_TIMEOUT_MILLIS / 1000 + " s");
                System.exit(1);
            });
            timeout.play();
            window.setOnIdle(() -> awaitPhaseDiagram(timeout, () -> {
                timeout.stop();
                PauseTransition wait = new PauseTransition(Duration.millis(Math.max(50, after)));
                wait.setOnFinished(e -> {
                    int code = 0;
                    try {
                        writeSnapshot(stage, file);
                    } catch (Exception ex) {
                        System.err.println("dln-explorer: screenshot: cannot write " + file + ": " + ex.getMessage());
                        code = 1;
                    }
                    System.exit(code);
                });
                wait.play();
            }));
        }
    }

    /** Then run next once the phase diagram's sweep (if any) has finished, polling every 100 ms. */
    private void awaitPhaseDiagram(PauseTransition timeout, Runnable next) {
        var phase = window.phaseDiagram();
        if (phase == null) { next.run(); return; }
        if (!phase.isRunning()) {
            // its redraws are throttled: give the last one time to land
            PauseTransition settle = new PauseTransition(Duration.millis(PHASE_REDRAW_SETTLE_MILLIS));
            settle.setOnFinished(e -> next.run());
            settle.play();
            return;
        }
        PauseTransition poll = new PauseTransition(Duration.millis(100));
        poll.setOnFinished(e -> awaitPhaseDiagram(timeout, next));
        poll.play();
    }

    @Override
    public void stop() {
        Platform.exit();
    }

    /** Snapshot the whole scene to a PNG (atomic write). FX thread. */
    public static void writeSnapshot(Stage stage, Path file) throws IOException {
        WritableImage img = stage.getScene().snapshot(null);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        java.awt.image.BufferedImage png = SwingFXUtils.fromFXImage(img, null);
        AtomicFiles.write(abs, out -> {
            if (!ImageIO.write(png, "png", out)) throw new IOException("no PNG writer");
        });
    }
}
