package org.dlnexplorer.chart;

import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDomainInfo;
import org.jfree.data.xy.XYRangeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DefaultXYDataset} that knows each series' bounds from the moment it is added, so that JFreeChart's
 * auto-ranging (run by every {@code setDataset} and {@code setRenderer} of a chart's fill, over every layer added
 * so far) reads them instead of iterating every item each time. The answers are those of
 * {@code DatasetUtils.iterateToFindDomainBounds} and {@code iterateToFindRangeBounds}, bit for bit
 * ({@code BoundedXYDatasetTest}): x over the items whose x is not NaN; y over the items whose x lies in the given
 * x range and whose y is not NaN. A series whose x values do not all lie in that range is iterated, as JFreeChart
 * does. A series' arrays must not change after it is added (the charts build them anew for every picture).
 */
final class BoundedXYDataset extends DefaultXYDataset implements XYDomainInfo, XYRangeInfo {
    /** per series: {x min, x max} over non-NaN x, {y min, y max} over non-NaN x and y (empty: +∞, −∞) */
    private final List<double[]> bounds = new ArrayList<>();

    @Override
    public void addSeries(Comparable seriesKey, double[][] data) {
        int existing = indexOf(seriesKey);
        super.addSeries(seriesKey, data);
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        double[] x = data[0], y = data[1];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) continue;
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
            if (Double.isNaN(y[i])) continue;
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
        }
        double[] b = {xMin, xMax, yMin, yMax};
        if (existing >= 0) bounds.set(existing, b);   // DefaultXYDataset replaces a series of the same key
        else bounds.add(b);
    }

    @Override
    public void removeSeries(Comparable seriesKey) {
        int s = indexOf(seriesKey);
        super.removeSeries(seriesKey);
        if (s >= 0) bounds.remove(s);
    }

    @Override
    public Range getDomainBounds(List visibleSeriesKeys, boolean includeInterval) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Object key : visibleSeriesKeys) {
            double[] b = bounds.get(indexOf((Comparable) key));
            min = Math.min(min, b[0]);
            max = Math.max(max, b[1]);
        }
        return min == Double.POSITIVE_INFINITY ? null : new Range(min, max);
    }

    @Override
    public Range getRangeBounds(List visibleSeriesKeys, Range xRange, boolean includeInterval) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Object key : visibleSeriesKeys) {
            int s = indexOf((Comparable) key);
            double[] b = bounds.get(s);
            if (xRange.getLowerBound() <= b[0] && b[1] <= xRange.getUpperBound()) {
                // every x that is not NaN lies in the range: the series' own y bounds
                min = Math.min(min, b[2]);
                max = Math.max(max, b[3]);
                continue;
            }
            for (int i = 0, n = getItemCount(s); i < n; i++) {
                double x = getXValue(s, i), y = getYValue(s, i);
                if (xRange.contains(x) && !Double.isNaN(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        return min == Double.POSITIVE_INFINITY ? null : new Range(min, max);
    }
}
