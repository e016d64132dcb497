package org.dlnexplorer.app.phase;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.function.Consumer;

/**
 * The phase map's picture: painted by Java2D into premultiplied pixels and shown as one image. Drawn as
 * vector commands on a Canvas instead, a map of 41 × 41 cells with its clip costs the JavaFX render thread
 * hundreds of milliseconds per redraw in the software pipeline, while the sweep streams in and while a
 * slider is dragged; as pixels it is one texture upload. The pixels are the image's own (a PixelBuffer over
 * the BufferedImage's array): nothing is copied. FX thread only.
 */
final class MapPicture {
    private BufferedImage pixels;
    private WritableImage image;
    private PixelBuffer<IntBuffer> buffer;

    /**
     * Paints a white picture of w × h logical pixels at this output scale with the painter, in logical
     * coordinates (a shape at (x, y) lands at (x, y) of the shown image), and returns the image to show (the
     * same image object while the size stays). The pixels change inside the buffer's update, so the render
     * thread never reads a half-painted picture.
     */
    WritableImage paint(double w, double h, double scale, Consumer<Graphics2D> painter) {
        int pw = Math.max(1, (int) Math.ceil(w * scale)), ph = Math.max(1, (int) Math.ceil(h * scale));
        if (pixels == null || pixels.getWidth() != pw || pixels.getHeight() != ph) {
            pixels = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
            int[] data = ((DataBufferInt) pixels.getRaster().getDataBuffer()).getData();
            buffer = new PixelBuffer<>(pw, ph, IntBuffer.wrap(data), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        buffer.updateBuffer(b -> {
            Graphics2D g = pixels.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, pw, ph);
                g.scale(scale, scale);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                painter.accept(g);
            } finally {
                g.dispose();
            }
            return null;   // all of it changed
        });
        return image;
    }
}
