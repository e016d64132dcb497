package org.dlnexplorer.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.ui.Drawable;

import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PDF of a view (or of a deck's pages) with real text: every string is written as text in an embedded (subset) TrueType
 * font, so it can be searched, selected and edited. The font is DejaVu Sans, the face Java's "SansSerif"
 * uses on Linux (so the layout matches the PNG), which has the Greek letters, subscripts and math signs
 * the labels use (δ, τ, η, ₗ, ‖·‖, Σ). Where it is not installed, text falls back to vector outlines.
 * The title goes into the document information (PDF text strings hold any Unicode).
 */
final class PdfWriter {
    /** where DejaVu Sans is found (Debian/Ubuntu package fonts-dejavu-core, then the JDK's own fonts) */
    static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of(System.getProperty("java.home", ""), "lib", "fonts"));
    static final String REGULAR = "DejaVuSans.ttf", BOLD = "DejaVuSans-Bold.ttf",
            OBLIQUE = "DejaVuSans-Oblique.ttf", BOLD_OBLIQUE = "DejaVuSans-BoldOblique.ttf";

    private PdfWriter() {}

    /** the font file for a style, or null when none is installed */
    static Path fontFile(int style) {
        String name = switch (style & (Font.BOLD | Font.ITALIC)) {
            case Font.BOLD -> BOLD;
            case Font.ITALIC -> OBLIQUE;
            case Font.BOLD | Font.ITALIC -> BOLD_OBLIQUE;
            default -> REGULAR;
        };
        for (Path dir : FONT_DIRS) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) return f;
        }
        return style == Font.PLAIN ? null : fontFile(Font.PLAIN);
    }

    static byte[] pdf(Drawable view, ExportSize size, String title) throws IOException {
        return pdf(List.of(view), size, title);
    }

    /** A PDF of one page per drawable (a lecture deck), all of one size, the fonts embedded once. */
    static byte[] pdf(List<Drawable> pages, ExportSize size, String title) throws IOException {
        try (PDDocument doc = new PDDocument(); EmbeddedFonts fonts = new EmbeddedFonts(doc)) {
            for (Drawable view : pages) {
                PDPage page = new PDPage(new PDRectangle(size.width(), size.height()));
                doc.addPage(page);
                PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(doc, size.width(), size.height());
                g2.setFontTextDrawer(fonts);
                try {
                    view.draw(g2, new Rectangle(0, 0, size.width(), size.height()));
                } finally {
                    g2.dispose();
                }
                PDFormXObject form = g2.getXFormObject();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawForm(form);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            if (title != null) info.setTitle(title);
            info.setAuthor("DLN Explorer");
            info.setCreator("DLN Explorer");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** JLaTeXMath's Computer Modern fonts (cmr10, cmmi10, cmsy10, cmex10, jlm_…): not the charts' text */
    static boolean texFont(Font font) {
        String n = font.getFontName().toLowerCase(java.util.Locale.ROOT), f = font.getFamily().toLowerCase(java.util.Locale.ROOT);
        return n.startsWith("jlm") || f.startsWith("jlm") || n.matches("cm[a-z]*\\d+.*") || f.matches("cm[a-z]*\\d+.*");
    }

    /** Java fonts mapped to DejaVu Sans, each style loaded (and subset-embedded) once per document. */
    private static final class EmbeddedFonts extends PdfBoxGraphics2DFontTextDrawer {
        private final PDDocument doc;
        private final Map<Integer, PDFont> loaded = new HashMap<>();

        EmbeddedFonts(PDDocument doc) { this.doc = doc; }

        @Override
        protected boolean hasDynamicFontMapping() { return true; }

        @Override
        protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
            // a typeset equation's TeX fonts (JLaTeXMath's cm*) have their own glyph layout: drawn as outlines
            if (texFont(font)) return null;
            int style = font.getStyle() & (Font.BOLD | Font.ITALIC);
            if (loaded.containsKey(style)) return loaded.get(style);
            Path file = fontFile(style);
            PDFont f = file == null ? null : PDType0Font.load(doc, file.toFile());
            loaded.put(style, f);
            return f;
        }
    }
}
