package org.dlnexplorer.export;

/**
 * Size of an exported view: width × height in layout units (points for PDF, user units for SVG) and, for
 * PNG only, a pixel scale (2 for projectors and retina screens: a 1600×1000 view becomes 3200×2000 pixels
 * with the same layout).
 */
public record ExportSize(int width, int height, double scale) {
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 1000;
    public static final int MIN_SIDE = 100;
    public static final int MAX_SIDE = 10_000;
    public static final double MAX_SCALE = 8.0;
    /** largest PNG we render (pixels): 64 megapixels, about 256 MB of ARGB raster */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    public static ExportSize defaults() {
        return new ExportSize(DEFAULT_WIDTH, DEFAULT_HEIGHT, 1.0);
    }

    /** Checks the ranges; the message names the offending option. */
    public static ExportSize of(int width, int height, double scale) throws ExportException {
        if (width < MIN_SIDE || width > MAX_SIDE)
            throw new ExportException("--width: must be between " + MIN_SIDE + " and " + MAX_SIDE + ", got " + width);
        if (height < MIN_SIDE || height > MAX_SIDE)
            throw new ExportException("--height: must be between " + MIN_SIDE + " and " + MAX_SIDE + ", got " + height);
        if (!(scale > 0) || scale > MAX_SCALE || !Double.isFinite(scale))
            throw new ExportException("--scale: must be > 0 and ≤ " + (int) MAX_SCALE + ", got " + scale);
        ExportSize s = new ExportSize(width, height, scale);
        if ((long) s.pixelWidth() * s.pixelHeight() > MAX_PIXELS)
            throw new ExportException("--scale: " + s.pixelWidth() + "×" + s.pixelHeight()
                    + " pixels is too large (at most " + MAX_PIXELS / (1024 * 1024) + " megapixels)");
        return s;
    }

    /** PNG width in pixels = round(width · scale) */
    public int pixelWidth() { return (int) Math.round(width * scale); }

    /** PNG height in pixels = round(height · scale) */
    public int pixelHeight() { return (int) Math.round(height * scale); }
}
