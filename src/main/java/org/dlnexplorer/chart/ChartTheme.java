package org.dlnexplorer.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The dark theme of the charts (presentation mode): every painted pixel's lightness is mirrored and its hue
 * and saturation kept, so white paper becomes black, dark text light, and each palette colour a lighter
 * tone of the same hue, which keeps the colour key of every legend. In HSL terms L' = 1 − L, which per
 * channel is c' = c + (a − max − min) (a = 255 for an opaque pixel; premultiplied pixels use their alpha).
 */
public final class ChartTheme {
    private ChartTheme() {}

    /** Mirror the lightness of every pixel in place (premultiplied or plain ARGB, int-backed images only). */
    public static void darken(BufferedImage img) {
        if (!(img.getRaster().getDataBuffer() instanceof DataBufferInt db)) return;
        boolean premultiplied = img.isAlphaPremultiplied();
        int[] px = db.getData();
        for (int i = 0; i < px.length; i++) px[i] = darken(px[i], premultiplied);
    }

    /** one ARGB pixel with its lightness mirrored */
    static int darken(int argb, boolean premultiplied) {
        int a = argb >>> 24;
        if (a == 0) return argb;
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        int shift = (premultiplied ? a : 255) - max - min;
        return (a << 24) | ((r + shift) << 16) | ((g + shift) << 8) | (b + shift);
    }
}
