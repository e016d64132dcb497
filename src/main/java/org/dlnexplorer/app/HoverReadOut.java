package org.dlnexplorer.app;

import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.dlnexplorer.chart.Fmt;
import org.dlnexplorer.chart.ReadOut;

import java.util.ArrayList;
import java.util.List;

/**
 * The read-out of a time chart under the pointer: t there and the value of every run's line at that t,
 * in a small box inside the plot area at a corner clear of the chart's text (level labels) and of the
 * pointer; gone when the pointer leaves the cell. The pixel ↔ time mapping is the one the renderer took
 * from the chart's data area ({@link ChartRenderer.TimeAxis}), as the cursor overlay uses. FX thread.
 */
final class HoverReadOut {
    /** space between the box and the plot's edges, px */
    static final double MARGIN = 4;

    private final ViewCell cell;
    private final VBox box = new VBox(1);
    private double pointerX = Double.NaN, pointerY = Double.NaN;
    private double shownT = Double.NaN;

    HoverReadOut(ViewCell cell) {
        this.cell = cell;
        box.setId(cell.viewId().cliName() + "-readout");
        box.getStyleClass().add("hover-readout");
        box.setManaged(false);
        box.setMouseTransparent(true);
        box.setVisible(false);
        box.setPadding(new Insets(3, 6, 3, 6));
        box.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #b0b0b0; -fx-border-width: 1;");
        cell.getChildren().add(box);
        cell.addEventHandler(MouseEvent.MOUSE_MOVED, e -> { pointerX = e.getX(); pointerY = e.getY(); refresh(); });
        cell.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> { pointerX = e.getX(); pointerY = e.getY(); refresh(); });
        cell.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    /** the box (for tests) */
    VBox node() { return box; }

    /** the time read out now, NaN when nothing is shown */
    double time() { return box.isVisible() ? shownT : Double.NaN; }

    /** the shown lines' texts, the first being "t = …" (for tests) */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        if (!box.isVisible()) return out;
        for (var n : box.getChildren()) if (n instanceof Label l) out.add(l.getText());
        return out;
    }

    void hide() {
        pointerX = pointerY = Double.NaN;
        box.setVisible(false);
        shownT = Double.NaN;
    }

    /** Show the values under the pointer (after a move, and when a new picture arrives while hovering). */
    void refresh() {
        ChartRenderer.TimeAxis axis = cell.timeAxis();
        ReadOut read = cell.readOut();
        double iw = cell.imageWidth(), ih = cell.imageHeight();
        if (axis == null || read == null || iw <= 0 || ih <= 0 || Double.isNaN(pointerX)) { box.setVisible(false); return; }
        double sx = cell.getWidth() / iw, sy = cell.getHeight() / ih;
        // the pointer in the picture's pixels, then in time
        double px = pointerX / sx, py = pointerY / sy;
        double t = py >= axis.y0() && py <= axis.y1() ? axis.t(px) : Double.NaN;
        List<ReadOut.Value> values = Double.isNaN(t) ? List.of() : read.at(t);
        if (values.isEmpty()) { box.setVisible(false); shownT = Double.NaN; return; }
        box.getChildren().clear();
        box.getChildren().add(line("t = " + Fmt.num(t), null));
        for (ReadOut.Value v : values) box.getChildren().add(line(v.text(), v.argb()));
        box.applyCss();
        box.autosize();
        Rectangle2D data = new Rectangle2D(axis.x0() * sx, axis.y0() * sy, (axis.x1() - axis.x0()) * sx, (axis.y1() - axis.y0()) * sy);
        List<Rectangle2D> text = new ArrayList<>();
        for (java.awt.geom.Rectangle2D r : read.text())
            text.add(new Rectangle2D(r.getX() * sx, r.getY() * sy, r.getWidth() * sx, r.getHeight() * sy));
        double[] at = place(data, box.getWidth(), box.getHeight(), pointerX, pointerY, text);
        box.relocate(at[0], at[1]);
        box.setVisible(true);
        shownT = t;
    }

    /**
     * Where the box goes: inside the plot area, holding neither the pointer nor any of the text boxes. Tried
     * in order: against the plot's edge away from the pointer, against the other edge, just right and just
     * left of the pointer; each from the top down in {@link #STEP}-pixel steps. The least bad spot when none
     * is free (a plot smaller than the box).
     */
    static double[] place(Rectangle2D data, double w, double h, double pointerX, double pointerY, List<Rectangle2D> text) {
        boolean pointerLeft = pointerX < data.getMinX() + data.getWidth() / 2;
        double left = data.getMinX() + MARGIN, right = data.getMaxX() - MARGIN - w;
        double[] xs = pointerLeft
                ? new double[]{right, left, pointerX + POINTER_GAP, pointerX - POINTER_GAP - w}
                : new double[]{left, right, pointerX - POINTER_GAP - w, pointerX + POINTER_GAP};
        double top = data.getMinY() + MARGIN, bottom = Math.max(top, data.getMaxY() - MARGIN - h);
        double[] best = {xs[0], top};
        int bestHits = Integer.MAX_VALUE;
        for (double x : xs) {
            if (x < left - 0.5 || x > Math.max(left, right) + 0.5) continue;   // outside the plot
            for (double y = top; y <= bottom + 0.5; y += STEP) {
                Rectangle2D r = new Rectangle2D(x, y, w, h);
                int hits = r.contains(pointerX, pointerY) ? 100 : 0;
                for (Rectangle2D b : text) if (r.intersects(b)) hits++;
                if (hits < bestHits) { best = new double[]{x, y}; bestHits = hits; }
                if (hits == 0) return best;
            }
        }
        return best;
    }

    /** the box's vertical search step, px */
    static final double STEP = 4;
    /** space between the pointer and a box placed beside it, px */
    static final double POINTER_GAP = 16;

    private static Label line(String text, Integer argb) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 11px; -fx-text-fill: #222222;");
        if (argb != null) {
            Rectangle swatch = new Rectangle(10, 3);
            swatch.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
            l.setGraphic(swatch);
        }
        return l;
    }
}
