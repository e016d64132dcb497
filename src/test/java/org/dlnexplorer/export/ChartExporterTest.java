package org.dlnexplorer.export;

import org.dlnexplorer.output.AtomicFiles;
import org.jfree.chart.ui.Drawable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ChartExporterTest {
    @TempDir
    Path dir;

    @Test
    void pngHasTheRequestedPixelSizeAtScaleOneAndTwo() throws Exception {
        Path one = dir.resolve("one.png"), two = dir.resolve("two.png");
        ChartExporter.export(TestCharts.chart(), one, ExportFormat.PNG, ExportSize.of(640, 400, 1), "t");
        ChartExporter.export(TestCharts.chart(), two, ExportFormat.PNG, ExportSize.of(640, 400, 2), "t");
        BufferedImage a = ImageIO.read(one.toFile()), b = ImageIO.read(two.toFile());
        assertEquals(640, a.getWidth());
        assertEquals(400, a.getHeight());
        assertEquals(1280, b.getWidth());
        assertEquals(800, b.getHeight());
        // the corner is the white background, and something was drawn
        assertEquals(0xFFFFFF, a.getRGB(0, 0) & 0xFFFFFF);
        assertTrue(distinctColours(a) > 10, "the chart is drawn");
        // scale 2 is the same layout, twice the pixels: a non-white pixel of a maps to non-white in b
        int nonWhiteA = 0, matching = 0;
        for (int y = 5; y < 400; y += 7)
            for (int x = 5; x < 640; x += 7)
                if ((a.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhiteA++;
                    boolean any = false;
                    for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++)
                        any |= (b.getRGB(2 * x + dx, 2 * y + dy) & 0xFFFFFF) != 0xFFFFFF;
                    if (any) matching++;
                }
        assertTrue(nonWhiteA > 20 && matching > 0.8 * nonWhiteA, matching + " of " + nonWhiteA);
    }

    @Test
    void svgIsWellFormedXmlWithTheCanvasSizeAndEscapedText() throws Exception {
        Path f = dir.resolve("v.svg");
        ChartExporter.export(TestCharts.chart(), f, ExportFormat.SVG, ExportSize.of(800, 500, 2), "t");
        Document doc = parse(Files.readAllBytes(f));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getDocumentElement().getAttribute("width").startsWith("800"));
        assertTrue(doc.getDocumentElement().getAttribute("height").startsWith("500"));
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("σ_α(W_eff) & <loss>"), "title text survives, escaped in the XML");
        assertTrue(text.contains("δ = 2"), "legend");
    }

    @Test
    void pdfIsACompleteOnePageDocument() throws Exception {
        Path f = dir.resolve("v.pdf");
        ChartExporter.export(TestCharts.chart(), f, ExportFormat.PDF, ExportSize.of(800, 500, 1), "title");
        byte[] bytes = Files.readAllBytes(f);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("%PDF-"), "PDF header");
        assertTrue(s.stripTrailing().endsWith("%%EOF"), "PDF trailer");
        assertTrue(s.matches("(?s).*/MediaBox\\s*\\[\\s*0(\\.0+)?\\s+0(\\.0+)?\\s+800(\\.0+)?\\s+500(\\.0+)?\\s*].*"),
                "page size in points");
        assertTrue(s.contains("/Type /Page"));
    }

    @Test
    void pdfTextIsRealSearchableTextWithAnEmbeddedFontAndAUnicodeTitle() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PdfWriter.fontFile(java.awt.Font.PLAIN) != null,
                "DejaVu Sans is installed (.ci/run installs fonts-dejavu-core)");
        Path f = dir.resolve("v.pdf");
        String title = "Saxe: two modes — Singular values σ_α";
        ChartExporter.export(TestCharts.chart(), f, ExportFormat.PDF, ExportSize.of(800, 500, 1), title);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(title, doc.getDocumentInformation().getTitle(), "the title in UTF-8, the dash kept");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("σ_α(W_eff) & <loss>"), "chart title as text: " + text);
            assertTrue(text.contains("t (time units)"), "axis label as text: " + text);
            assertTrue(text.contains("δ = 2"), "legend with a Greek letter as text: " + text);
            var resources = doc.getPage(0).getResources();
            boolean embedded = false;
            for (var xo : resources.getXObjectNames()) {
                var form = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) resources.getXObject(xo);
                for (var fn : form.getResources().getFontNames()) {
                    var font = form.getResources().getFont(fn);
                    embedded |= font.isEmbedded() && font.getName().contains("DejaVuSans");
                }
            }
            assertTrue(embedded, "DejaVu Sans is embedded");
        }
    }

    @Test
    void formatComesFromTheExtension() throws Exception {
        assertEquals(ExportFormat.PNG, ExportFormat.fromPath(Path.of("a/b.PNG")));
        assertEquals(ExportFormat.SVG, ExportFormat.fromPath(Path.of("x.svg")));
        assertEquals(ExportFormat.PDF, ExportFormat.fromPath(Path.of("x.y.pdf")));
        ExportException gif = assertThrows(ExportException.class, () -> ExportFormat.fromPath(Path.of("x.gif")));
        assertTrue(gif.getMessage().contains("\".gif\""), gif.getMessage());
        assertThrows(ExportException.class, () -> ExportFormat.fromPath(Path.of("noextension")));
    }

    @Test
    void sizesOutOfRangeAreRejectedNamingTheOption() {
        assertTrue(assertThrows(ExportException.class, () -> ExportSize.of(5, 500, 1)).getMessage().startsWith("--width"));
        assertTrue(assertThrows(ExportException.class, () -> ExportSize.of(500, 0, 1)).getMessage().startsWith("--height"));
        assertTrue(assertThrows(ExportException.class, () -> ExportSize.of(500, 500, 0)).getMessage().startsWith("--scale"));
        assertTrue(assertThrows(ExportException.class, () -> ExportSize.of(500, 500, Double.NaN)).getMessage().startsWith("--scale"));
        assertTrue(assertThrows(ExportException.class, () -> ExportSize.of(10000, 10000, 8)).getMessage().startsWith("--scale"));
    }

    @Test
    void anUnwritablePathIsAnErrorAndLeavesNothingBehind() throws Exception {
        Drawable chart = TestCharts.chart();
        Path missingDir = dir.resolve("missing").resolve("v.png");
        ExportException e = assertThrows(ExportException.class,
                () -> ChartExporter.export(chart, missingDir, ExportFormat.PNG, ExportSize.of(300, 200, 1), "t"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing")));

        Path aFile = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThrows(ExportException.class,
                () -> ChartExporter.export(chart, aFile.resolve("v.svg"), ExportFormat.SVG, ExportSize.of(300, 200, 1), "t"));

        Path isDir = Files.createDirectory(dir.resolve("taken.pdf"));
        assertThrows(ExportException.class,
                () -> ChartExporter.export(chart, isDir, ExportFormat.PDF, ExportSize.of(300, 200, 1), "t"));
        assertEquals(List.of("plain.txt", "taken.pdf"), listing(dir), "no temporary or partial file left");
        assertEquals(List.of(), listing(isDir));
    }

    @Test
    void aFailedRenderLeavesAnExistingFileUntouched() throws Exception {
        Path f = Files.writeString(dir.resolve("v.png"), "previous");
        Drawable broken = (g2, area) -> { throw new IllegalStateException("chart bug"); };
        assertThrows(IllegalStateException.class,
                () -> ChartExporter.export(broken, f, ExportFormat.PNG, ExportSize.of(300, 200, 1), "t"));
        assertEquals("previous", Files.readString(f));
        assertEquals(List.of("v.png"), listing(dir));
    }

    @Test
    void atomicWriteReplacesAnExistingFileWhole() throws Exception {
        Path f = Files.writeString(dir.resolve("v.svg"), "old content that is longer than nothing");
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("v.svg"), listing(dir));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }
}
