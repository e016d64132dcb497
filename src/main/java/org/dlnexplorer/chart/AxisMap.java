package org.dlnexplorer.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

import java.awt.geom.Rectangle2D;

/**
 * A value axis's map from data to device coordinates, {@link ValueAxis#valueToJava2D} with its per-call lookups
 * (the range, the edge, the area's sides, inversion) done once per series instead of once per point. For a linear
 * {@link NumberAxis} (one that does not override the map) it evaluates NumberAxis's own formula,
 * min + ((v − lower) / (upper − lower)) · (max − min) (inverted: from max), with the same operations in the same
 * order, so the digits are JFreeChart's ({@code AxisMapTest}); any other axis (logarithmic ones) is asked per point.
 * Valid while the axis range and the area do not change (one drawing pass).
 */
final class AxisMap {
    private static final ClassValue<Boolean> LINEAR = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!NumberAxis.class.isAssignableFrom(type)) return false;
            try {
                return type.getMethod("valueToJava2D", double.class, Rectangle2D.class, RectangleEdge.class)
                        .getDeclaringClass() == NumberAxis.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private final ValueAxis axis;          // null on the linear path
    private final Rectangle2D area;
    private final RectangleEdge edge;
    private final double lower, span, from, extent;
    private final boolean inverted;

    private AxisMap(ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        boolean linear = LINEAR.get(axis.getClass())
                && (RectangleEdge.isTopOrBottom(edge) || RectangleEdge.isLeftOrRight(edge));
        this.axis = linear ? null : axis;
        this.area = area;
        this.edge = edge;
        Range r = axis.getRange();
        lower = r.getLowerBound();
        span = r.getUpperBound() - r.getLowerBound();
        // horizontal: min = x, max = maxX; vertical: min = maxY, max = minY (up the screen)
        double min = RectangleEdge.isTopOrBottom(edge) ? area.getX() : area.getMaxY();
        double max = RectangleEdge.isTopOrBottom(edge) ? area.getMaxX() : area.getMinY();
        inverted = axis.isInverted();
        from = inverted ? max : min;
        extent = max - min;
    }

    static AxisMap of(ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        return new AxisMap(axis, area, edge);
    }

    /** the device coordinate of the data value v, as axis.valueToJava2D(v, area, edge) */
    double toJava2D(double v) {
        if (axis != null) return axis.valueToJava2D(v, area, edge);
        // NumberAxis: min + ((v − lower) / (upper − lower)) · (max − min); inverted: max − (…) · (max − min)
        return inverted ? from - ((v - lower) / span) * extent : from + ((v - lower) / span) * extent;
    }
}
