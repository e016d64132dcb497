package org.dlnexplorer.chart;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

/**
 * The viridis colour map (perceptually uniform, colour-blind safe, legible in grey scale), as a JFreeChart
 * {@link PaintScale} over [lower, upper]. {@link #rgb(double)} gives the packed colour for u ∈ [0, 1] so the
 * JavaFX view can draw the same colours.
 */
public final class Viridis implements PaintScale, Serializable {
    /** matplotlib's viridis sampled at 16 evenly spaced points, dark violet → yellow */
    private static final int[] STOPS = {0x440154, 0x481A6C, 0x472F7D, 0x414487, 0x39568C, 0x31688E, 0x2A788E,
            0x23888E, 0x1F988B, 0x22A884, 0x35B779, 0x54C568, 0x7AD151, 0xA5DB36, 0xD2E21B, 0xFDE725};

    private final double lower;
    private final double upper;

    public Viridis(double lower, double upper) {
        if (!(upper > lower)) upper = lower + 1;
        this.lower = lower;
        this.upper = upper;
    }

    @Override public double getLowerBound() { return lower; }
    @Override public double getUpperBound() { return upper; }

    @Override
    public Paint getPaint(double value) {
        return new Color(rgb((value - lower) / (upper - lower)));
    }

    /** 0xRRGGBB for u ∈ [0, 1] (clamped; NaN gives the lowest colour), linear between the stops */
    public static int rgb(double u) {
        if (!(u > 0)) u = 0;
        if (u > 1) u = 1;
        double f = u * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(f));
        double w = f - i;
        int a = STOPS[i], b = STOPS[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - w) + ((b >> 16) & 0xFF) * w);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - w) + ((b >> 8) & 0xFF) * w);
        int bl = (int) Math.round((a & 0xFF) * (1 - w) + (b & 0xFF) * w);
        return (r << 16) | (g << 8) | bl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Viridis v && v.lower == lower && v.upper == upper;
    }

    @Override
    public int hashCode() { return Double.hashCode(lower) * 31 + Double.hashCode(upper); }
}
