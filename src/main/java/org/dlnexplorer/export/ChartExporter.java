package org.dlnexplorer.export;

import org.dlnexplorer.output.AtomicFiles;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Renders any {@link Drawable} (a view, as chart.ViewRenderers returns it) to PNG, SVG or PDF bytes and
 * writes them atomically. The drawable is laid out in a width × height rectangle in every format; PNG
 * rasterises it at scale × that size.
 */
public final class ChartExporter {
    private ChartExporter() {}

    /** Renders and writes the file atomically; the format comes from the caller (see ExportFormat.fromPath). */
    public static void export(Drawable view, Path file, ExportFormat format, ExportSize size, String title)
            throws ExportException {
        byte[] bytes = render(view, format, size, title);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new ExportException(e.getMessage(), e);
        }
    }

    /** Renders to the bytes of a complete file. A failure inside the drawable itself is a bug and propagates. */
    public static byte[] render(Drawable view, ExportFormat format, ExportSize size, String title)
            throws ExportException {
        try {
            return switch (format) {
                case PNG -> png(view, size);
                case SVG -> svg(view, size);
                case PDF -> pdf(view, size, title);
            };
        } catch (IOException e) {
            throw new ExportException("rendering " + format.extension().toUpperCase(java.util.Locale.ROOT)
                    + " failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** PNG of pixelWidth × pixelHeight: white background, antialiased, layout scaled by size.scale(). */
    public static byte[] png(Drawable view, ExportSize size) throws IOException {
        BufferedImage image = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, size.pixelWidth(), size.pixelHeight());
            g2.scale(size.pixelWidth() / (double) size.width(), size.pixelHeight() / (double) size.height());
            view.draw(g2, new Rectangle(0, 0, size.width(), size.height()));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        return out.toByteArray();
    }

    /** SVG document (UTF-8) with a width × height canvas; text stays text (searchable, editable). */
    public static byte[] svg(Drawable view, ExportSize size) {
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height());
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        view.draw(g2, new Rectangle(0, 0, size.width(), size.height()));
        return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    /** One-page PDF of width × height points with searchable text in an embedded font (PdfWriter). */
    public static byte[] pdf(Drawable view, ExportSize size, String title) throws IOException {
        return PdfWriter.pdf(view, size, title);
    }
}
