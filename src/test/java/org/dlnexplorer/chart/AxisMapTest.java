package org.dlnexplorer.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link AxisMap} gives JFreeChart's valueToJava2D bit for bit, on linear and logarithmic axes, any edge. */
class AxisMapTest {
    private static final RectangleEdge[] EDGES = {RectangleEdge.TOP, RectangleEdge.BOTTOM, RectangleEdge.LEFT,
            RectangleEdge.RIGHT};

    private static void check(ValueAxis axis, Random rng, boolean positive) {
        for (int trial = 0; trial < 50; trial++) {
            double lo = positive ? Math.exp(rng.nextGaussian() * 3) : rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3);
            double hi = positive ? lo * Math.exp(0.1 + 5 * rng.nextDouble()) : lo + Math.pow(10, rng.nextInt(7) - 3) * (0.01 + rng.nextDouble());
            axis.setRange(lo, hi);
            axis.setInverted(rng.nextBoolean());
            Rectangle2D area = new Rectangle2D.Double(rng.nextDouble() * 100, rng.nextDouble() * 100,
                    10 + rng.nextDouble() * 1500, 10 + rng.nextDouble() * 900);
            RectangleEdge edge = EDGES[rng.nextInt(EDGES.length)];
            AxisMap map = AxisMap.of(axis, area, edge);
            for (int i = 0; i < 200; i++) {
                // inside, outside and at the ends of the range
                double v = i == 0 ? lo : i == 1 ? hi : positive ? lo * Math.exp(rng.nextGaussian() * 3)
                        : lo + (hi - lo) * (rng.nextDouble() * 3 - 1);
                assertEquals(axis.valueToJava2D(v, area, edge), map.toJava2D(v),
                        axis.getClass().getSimpleName() + " " + edge + " inverted " + axis.isInverted() + " v = " + v);
            }
        }
    }

    @Test
    void linearAxesTheSlidesNumberAxisAndLogAxesMapAsJFreeChartDoes() {
        Random rng = new Random(11);
        check(new NumberAxis("x"), rng, false);
        check(SlideAxes.number("x"), rng, false);   // a NumberAxis subclass that keeps NumberAxis's map
        check(new LogAxis("x"), rng, true);          // not linear: asked per point
        check(new NumberAxis("x") {                  // a subclass with its own map is asked per point too
            @Override
            public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
                return Math.floor(super.valueToJava2D(value, area, edge));
            }
        }, rng, false);
    }
}
