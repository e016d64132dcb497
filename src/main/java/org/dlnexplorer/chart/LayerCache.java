package org.dlnexplorer.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The pixels of one layer of a picture drawn before under the same inputs, pasted instead of drawn again: the
 * hyperboloid views' stage (surfaces, separating curves, axes, minima) while only the cursor's dots on the paths
 * move, or a picture is painted again from inputs equal to the last ones. Only for the app's painter, which names
 * the image it paints into with {@link #TARGET}; every other drawing (exports, vector output) draws the layer.
 * <p>
 * Exact by construction: the layer is used only where the target shows nothing but the background within the
 * clip's bounds. Drawn there, those pixels are the layer on the background, and they are kept; pasted, the kept
 * pixels that differ from the background are written (the others are the background, which the target already
 * shows). The key holds the caller's inputs, the clip, the rendering hints and the image size; a transform
 * other than the identity, another clip shape or anything already drawn within the bounds draws the layer.
 */
public final class LayerCache {
    /** the hint naming the image g paints into (set by the app's painter only) */
    public static final RenderingHints.Key TARGET = new RenderingHints.Key(0x0d20) {
        @Override
        public boolean isCompatibleValue(Object v) { return v == null || v instanceof BufferedImage; }
    };

    /**
     * false (system property dln.paintCache=false): every layer drawn, every memo computed afresh, as before
     * these caches, for measuring them back to back
     */
    private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty("dln.paintCache"));

    /** whether the painters' caches are used (tests compare pictures with and without them) */
    static boolean enabled() { return enabled; }

    static void enable(boolean on) { enabled = on; }

    private final int background;
    private Object key;
    /** the layer's pixels within its bounds (row by row) */
    private int[] layer;
    private Object payload;
    private int hits, draws;

    /** a cache for layers drawn over this opaque background colour */
    LayerCache(java.awt.Color background) {
        this.background = background.getRGB();
    }

    /**
     * Draw a layer with painter (which returns what else it produced, e.g. the curves its labels avoid), or paste
     * its pixels from the last time it was drawn under the same key, clip, transform, hints and image size.
     * key: everything the layer's pixels depend on besides those (value equality).
     */
    <T> T draw(Graphics2D g, Object key, Function<Graphics2D, T> painter) {
        BufferedImage target = g.getRenderingHint(TARGET) instanceof BufferedImage b ? b : null;
        Shape clip = g.getClip();
        if (!enabled || !plain(target) || !(clip instanceof Rectangle2D r) || !g.getTransform().isIdentity()) return painter.apply(g);
        Rectangle bounds = r.getBounds().intersection(new Rectangle(0, 0, target.getWidth(), target.getHeight()));
        if (bounds.isEmpty() || !onlyBackground(target, bounds)) { this.key = null; return painter.apply(g); }
        Map<Object, Object> hints = new HashMap<>(g.getRenderingHints());
        hints.remove(TARGET);
        Object full = List.of(key, hints, r.getBounds2D(), target.getWidth(), target.getHeight());
        if (full.equals(this.key)) {
            hits++;
            paste(target, bounds);
        } else {   // drawn onto the background: the bounds then hold the layer alone, kept for the next picture
            this.key = null;
            payload = painter.apply(g);
            copy(target, bounds);
            this.key = full;
            draws++;
        }
        @SuppressWarnings("unchecked") T out = (T) payload;
        return out;
    }

    /** how often the layer was pasted from an earlier picture, and drawn (for tests and probes) */
    int hits() { return hits; }
    int draws() { return draws; }

    /** a whole premultiplied-ARGB image of its own (its pixels row by row, width apart) */
    private static boolean plain(BufferedImage img) {
        return img != null && img.getType() == BufferedImage.TYPE_INT_ARGB_PRE
                && img.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel m && m.getScanlineStride() == img.getWidth()
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0
                && img.getRaster().getDataBuffer().getOffset() == 0;
    }

    private boolean onlyBackground(BufferedImage target, Rectangle b) {
        int[] px = data(target);
        int w = target.getWidth();
        for (int y = b.y; y < b.y + b.height; y++)
            for (int i = y * w + b.x, end = i + b.width; i < end; i++) if (px[i] != background) return false;
        return true;
    }

    /** the layer: the bounds' pixels of the target right after it was drawn there */
    private void copy(BufferedImage target, Rectangle b) {
        if (layer == null || layer.length != b.width * b.height) layer = new int[b.width * b.height];
        int[] px = data(target);
        int w = target.getWidth();
        for (int y = 0; y < b.height; y++) System.arraycopy(px, (b.y + y) * w + b.x, layer, y * b.width, b.width);
    }

    /** the layer's pixels that differ from the background into target, within b */
    private void paste(BufferedImage target, Rectangle b) {
        int[] to = data(target);
        int w = target.getWidth();
        for (int y = 0; y < b.height; y++)
            for (int i = y * b.width, j = (b.y + y) * w + b.x, end = i + b.width; i < end; i++, j++) {
                int p = layer[i];
                if (p != background) to[j] = p;
            }
    }

    private static int[] data(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    @Override
    public String toString() { return "LayerCache[" + Objects.toString(key) + "]"; }
}
