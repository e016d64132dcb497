package org.dlnexplorer.chart;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/** Axis names keep off drawn curves and off each other, and stay in the plot. */
class ClearLabelTest {
    static { System.setProperty("java.awt.headless", "true"); }

    private static Graphics2D g() {
        Graphics2D g = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        return g;
    }

    @Test
    void aCurveThroughTheNaturalPlaceMovesTheLabel() {
        Rectangle2D plot = new Rectangle2D.Double(0, 0, 400, 300);
        double[] tip = {200, 100}, base = {200, 250};
        // the natural place is just above the tip: a thick horizontal curve runs through it
        ClearLabel free = new ClearLabel();
        Rectangle2D natural = free.draw(g(), "a", tip, base, plot);
        ClearLabel blocked = new ClearLabel();
        Line2D curve = new Line2D.Double(0, natural.getCenterY(), 400, natural.getCenterY());
        blocked.curve(curve, 4);
        Rectangle2D moved = blocked.draw(g(), "a", tip, base, plot);
        assertNotEquals(natural, moved);
        assertFalse(ClearLabel.crosses(curve, moved), "the label is off the curve");
        assertTrue(plot.contains(moved));
    }

    @Test
    void labelsKeepOffEachOther() {
        Rectangle2D plot = new Rectangle2D.Double(0, 0, 400, 300);
        ClearLabel labels = new ClearLabel();
        Rectangle2D first = labels.draw(g(), "w₁", new double[]{200, 100}, new double[]{200, 250}, plot);
        Rectangle2D second = labels.draw(g(), "w₂", new double[]{201, 101}, new double[]{200, 250}, plot);
        assertFalse(first.intersects(second));
    }

    @Test
    void crossesSeesSegmentsNotJustBounds() {
        // an L-shaped path whose bounds hold the box but whose segments pass beside it
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        path.moveTo(0, 0);
        path.lineTo(100, 0);
        path.lineTo(100, 100);
        assertFalse(ClearLabel.crosses(path, new Rectangle2D.Double(10, 50, 20, 20)));
        assertTrue(ClearLabel.crosses(path, new Rectangle2D.Double(90, 50, 20, 20)));
    }
}
