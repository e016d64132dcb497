package org.dlnexplorer.chart;

import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link BoundedXYDataset}'s bounds are JFreeChart's iterated bounds, bit for bit, over random series. */
class BoundedXYDatasetTest {
    private static double value(Random rng) {
        int k = rng.nextInt(20);
        if (k == 0) return Double.NaN;
        if (k == 1) return rng.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        if (k == 2) return rng.nextBoolean() ? 0.0 : -0.0;
        return rng.nextGaussian() * Math.pow(10, rng.nextInt(5) - 2);
    }

    @Test
    void domainAndRangeBoundsAreTheIteratedOnesForEveryVisibleSetAndXRange() {
        Random rng = new Random(5);
        for (int trial = 0; trial < 400; trial++) {
            BoundedXYDataset bounded = new BoundedXYDataset();
            DefaultXYDataset plain = new DefaultXYDataset();
            int series = 1 + rng.nextInt(6);
            for (int s = 0; s < series; s++) {
                int n = rng.nextInt(40);   // empty series too
                double[][] xy = new double[2][n];
                for (int i = 0; i < n; i++) { xy[0][i] = value(rng); xy[1][i] = value(rng); }
                String key = "s" + rng.nextInt(series + 2);   // a repeated key replaces its series
                bounded.addSeries(key, xy);
                plain.addSeries(key, xy);
            }
            if (rng.nextInt(4) == 0 && plain.getSeriesCount() > 1) {
                Comparable gone = plain.getSeriesKey(rng.nextInt(plain.getSeriesCount()));
                bounded.removeSeries(gone);
                plain.removeSeries(gone);
            }
            List<Comparable> visible = new ArrayList<>();
            for (int s = 0; s < plain.getSeriesCount(); s++) if (rng.nextInt(4) != 0) visible.add(plain.getSeriesKey(s));
            double a = rng.nextGaussian() * 3, b = a + Math.abs(rng.nextGaussian()) * 3;
            Range xRange = switch (rng.nextInt(3)) {
                case 0 -> new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                case 1 -> new Range(-1e300, 1e300);
                default -> new Range(a, b);
            };
            String where = "trial " + trial;
            assertEquals(DatasetUtils.iterateToFindDomainBounds(plain, visible, false),
                    DatasetUtils.findDomainBounds(bounded, visible, false), where + ": domain");
            assertEquals(DatasetUtils.iterateToFindRangeBounds(plain, visible, xRange, false),
                    DatasetUtils.findRangeBounds(bounded, visible, xRange, false), where + ": range in " + xRange);
        }
    }
}
