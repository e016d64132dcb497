package org.dlnexplorer.app;

import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The 1-pixel frame around a view, drawn as four filled strips above the pane's content. A region's
 * {@code Border} is stroked by Prism's software pipeline through its antialiasing rasterizer, which walks
 * every row of the region from its left edge to its right edge: for a view repainted 50 times a second
 * that was about a tenth of the render thread's time. The strips cost their own pixels only.
 */
final class CellFrame {
    /** the frame's colour: the former border's gray(0.85) */
    static final Color COLOR = Color.gray(0.85);
    /** the frame's width in pixels */
    static final double WIDTH = 1;

    private final Rectangle top = strip(), bottom = strip(), left = strip(), right = strip();

    /** a frame that follows owner's size; call {@link #addTo} after the owner's content */
    CellFrame(Pane owner) {
        owner.widthProperty().addListener(o -> place(owner.getWidth(), owner.getHeight()));
        owner.heightProperty().addListener(o -> place(owner.getWidth(), owner.getHeight()));
        place(owner.getWidth(), owner.getHeight());
    }

    /** puts the strips on top of the pane's children (again after the children were replaced) */
    void addTo(Pane owner) {
        owner.getChildren().removeAll(top, bottom, left, right);
        owner.getChildren().addAll(top, bottom, left, right);
    }

    /** the strips' bounds in the owner, top, bottom, left, right (for tests) */
    Rectangle[] strips() { return new Rectangle[] {top, bottom, left, right}; }

    private void place(double w, double h) {
        set(top, 0, 0, w, WIDTH);
        set(bottom, 0, h - WIDTH, w, WIDTH);
        set(left, 0, 0, WIDTH, h);
        set(right, w - WIDTH, 0, WIDTH, h);
    }

    private static void set(Rectangle r, double x, double y, double w, double h) {
        r.setX(x);
        r.setY(y);
        r.setWidth(Math.max(0, w));
        r.setHeight(Math.max(0, h));
    }

    private static Rectangle strip() {
        Rectangle r = new Rectangle();
        r.setManaged(false);
        r.setMouseTransparent(true);
        r.setSmooth(false);
        r.setFill(COLOR);
        return r;
    }
}
