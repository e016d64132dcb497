package org.dlnexplorer.chart;

import java.util.Arrays;

/**
 * Turns (x, y) samples into a dataset array for JFreeChart: drops points a log axis cannot show
 * (non-positive, made NaN so the line breaks), and decimates long series to at most
 * {@link #POINTS_PER_COLUMN} points per pixel column (first, min, max, last of each bucket), so drawing
 * cost does not grow with the number of frames.
 */
public final class Decimator {
    /** pixel columns assumed for the widest chart */
    public static final int COLUMNS = 1600;
    public static final int POINTS_PER_COLUMN = 4;
    public static final int MAX_POINTS = COLUMNS * POINTS_PER_COLUMN;

    private Decimator() {}

    public static double[][] xy(double[] x, double[] y, int n, boolean logX, boolean logY) {
        double[] xs = Arrays.copyOf(x, n), ys = Arrays.copyOf(y, n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || (logX && xs[i] <= 0)) { xs[i] = Double.NaN; ys[i] = Double.NaN; }
            if (!Double.isFinite(ys[i]) || (logY && ys[i] <= 0)) ys[i] = Double.NaN;
        }
        if (n <= MAX_POINTS) return new double[][]{xs, ys};
        return decimate(xs, ys, COLUMNS);
    }

    /** first/min/max/last of each of `buckets` equal index ranges, in index order */
    static double[][] decimate(double[] xs, double[] ys, int buckets) {
        int n = xs.length;
        double[] ox = new double[buckets * 4], oy = new double[buckets * 4];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets), hi = (int) ((long) (b + 1) * n / buckets);
            if (hi <= lo) continue;
            int iMin = lo, iMax = lo;
            for (int i = lo; i < hi; i++) {
                if (Double.isNaN(ys[iMin]) || ys[i] < ys[iMin]) iMin = i;
                if (Double.isNaN(ys[iMax]) || ys[i] > ys[iMax]) iMax = i;
            }
            int[] keep = {lo, Math.min(iMin, iMax), Math.max(iMin, iMax), hi - 1};
            int last = -1;
            for (int k : keep) {
                if (k == last) continue;
                ox[m] = xs[k];
                oy[m] = ys[k];
                m++;
                last = k;
            }
        }
        return new double[][]{Arrays.copyOf(ox, m), Arrays.copyOf(oy, m)};
    }
}
