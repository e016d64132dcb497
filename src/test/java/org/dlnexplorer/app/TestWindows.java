package org.dlnexplorer.app;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The window the teaching-feature UI tests drive, and running a call on the FX thread (one set-up for all). */
final class TestWindows {
    private TestWindows() {}

    /** a 1280×800 window on the default preset, in-memory recent files and fake file dialogs, shown */
    static MainWindow open(Stage stage) {
        AppOptions o = AppOptions.defaults();
        MainWindow window = new MainWindow(stage, new AppOptions(null, o.presetDirectory(), null, 0, 1280, 800, true, false),
                RecentFiles.inMemory(), new FakeFileDialogs());
        stage.show();
        return window;
    }

    /**
     * a 1200×760 window on the default preset (the 3D view allowed), with or without the phase diagram's
     * background sweep, in-memory recent files and fake file dialogs, shown
     */
    static MainWindow open(Stage stage, boolean phaseDiagram) {
        AppOptions o = AppOptions.defaults();
        MainWindow window = new MainWindow(stage, new AppOptions(null, o.presetDirectory(), null, 0, 1200, 760, false, phaseDiagram),
                RecentFiles.inMemory(), new FakeFileDialogs());
        stage.show();
        return window;
    }

    /**
     * A drag as a hand makes it: every pulse for the given seconds, step gets the seconds since the first pulse
     * (FX thread: look at the window, then make the pulse's change); returns once the last pulse ran.
     */
    static void eachPulse(double seconds, java.util.function.DoubleConsumer step) throws Exception {
        boolean[] done = {false};
        long[] t0 = {0};
        javafx.animation.AnimationTimer drag = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (t0[0] == 0) t0[0] = now;
                double s = (now - t0[0]) / 1e9;
                if (s > seconds) { stop(); done[0] = true; return; }
                step.accept(s);
            }
        };
        fx(() -> { drag.start(); return null; });
        WaitForAsyncUtils.waitFor((long) Math.ceil(seconds) + 60, TimeUnit.SECONDS, () -> fx(() -> done[0]));
    }

    /** c on the FX thread, waiting up to 20 s for its result */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /**
     * Save a picture of a node as NAME.png into the folder the system property dln.snapshots names (for
     * looking at what a test drove); nothing when it is not set. FX thread.
     */
    static void snapshot(javafx.scene.Node n, String name) {
        String dir = System.getProperty("dln.snapshots");
        if (dir == null || dir.isBlank()) return;
        try {
            javafx.scene.image.WritableImage img = n.snapshot(null, null);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    java.nio.file.Path.of(dir, name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
