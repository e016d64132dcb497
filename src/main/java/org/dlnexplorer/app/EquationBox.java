package org.dlnexplorer.app;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import org.dlnexplorer.chart.EquationImage;
import org.dlnexplorer.export.GoverningEquation;
import org.dlnexplorer.preset.Preset;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The governing-equation box: the equation of the overlay that applies ({@link Overlays#governing}) to each
 * run the controls would start now (every member of the compare set, with the live δ, τ, L, …), typeset
 * with JLaTeXMath. Members with different equations get one line each, labelled ("δ = 0: …"). The label's
 * text is the plain form (accessibility, tests); only the typeset picture is shown. FX thread, except the
 * compile and typesetting, which run on the given executor.
 */
final class EquationBox {
    /** type size of the equation (px) and the box's content width it must fit */
    static final float SIZE = 15f;
    static final int WIDTH = 290;
    /** device pixels per px of the typeset picture (sharp on high-density screens and in screenshots) */
    private static final double SCALE = 2;

    private final Label label;
    private final Executor background;
    private long ticket;

    EquationBox(Label label, Executor background) {
        this.label = label;
        this.background = background;
        label.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        label.setWrapText(true);
    }

    /**
     * Show the equation of this configuration, worked out off the FX thread. Calls while one is being worked
     * out coalesce: only the newest configuration is worked out next (a drag does not queue up work).
     */
    void show(Preset p) {
        long mine = ++ticket;
        if (wanted.getAndSet(new Wanted(p, mine)) != null) return;   // a task is pending: it takes the newest
        try {
            background.execute(this::work);
        } catch (RejectedExecutionException closed) {
            // the window is closing
        }
    }

    private record Wanted(Preset preset, long ticket) {}

    private final java.util.concurrent.atomic.AtomicReference<Wanted> wanted = new java.util.concurrent.atomic.AtomicReference<>();

    /** the equation on screen (set on the FX thread; null before the first) */
    private volatile Equation onScreen;

    private void work() {
        Wanted w = wanted.getAndSet(null);
        if (w == null) return;
        Equation eq = of(w.preset());
        // the newest configuration has the equation on screen (a τ drag, most δ drags): nothing to typeset or
        // show; a picture of another equation still on its way is dropped by its older ticket
        if (eq.equals(onScreen)) return;
        BufferedImage img;
        try {
            img = EquationImage.render(eq.tex(), SIZE, WIDTH, SCALE);
        } catch (RuntimeException e) {
            img = null;
        }
        BufferedImage picture = img;
        Platform.runLater(() -> {
            if (w.ticket() != ticket) return;
            onScreen = eq;
            label.setText(eq.text());
            if (label.getTooltip() == null) label.setTooltip(new Tooltip(eq.text()));
            else label.getTooltip().setText(eq.text());
            if (picture == null) {
                label.setGraphic(null);
                label.setContentDisplay(ContentDisplay.TEXT_ONLY);
                return;
            }
            ImageView view = new ImageView(SwingFXUtils.toFXImage(picture, null));
            view.setFitWidth(picture.getWidth() / SCALE);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            label.setGraphic(view);
            label.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        });
    }

    /** the equation as text and TeX */
    record Equation(String text, String tex) {}

    /** the governing equation(s) of the preset's set ({@link GoverningEquation#of}) */
    static Equation of(Preset p) {
        GoverningEquation g = GoverningEquation.of(p);
        return new Equation(g.text(), g.tex());
    }
}
