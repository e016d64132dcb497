package org.dlnexplorer.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import org.jfree.chart.ui.Drawable;
import org.jfree.fx.FXGraphics2D;
import org.jfree.fx.FXHints;

import java.awt.geom.Rectangle2D;

/** A canvas that paints a JFreeChart Drawable (chart or custom view) through FXGraphics2D on request. */
public final class DrawableCanvas extends Canvas {
    private Drawable drawable;
    private final FXGraphics2D g2;

    public DrawableCanvas(Drawable drawable) {
        this.drawable = drawable;
        this.g2 = new FXGraphics2D(getGraphicsContext2D());
        g2.setRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS, true);
        widthProperty().addListener(o -> repaint());
        heightProperty().addListener(o -> repaint());
    }

    public void setDrawable(Drawable d) {
        this.drawable = d;
        repaint();
    }

    public Drawable drawable() { return drawable; }

    /** Paint now (FX thread). */
    public void repaint() {
        double w = getWidth(), h = getHeight();
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        if (drawable == null || w < 2 || h < 2) return;
        drawable.draw(g2, new Rectangle2D.Double(0, 0, w, h));
    }
}
