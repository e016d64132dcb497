package org.dlnexplorer.export;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.cli.CliRun;
import org.dlnexplorer.preset.PresetException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lecture playlists: the bundled ones, the format's checks, and `playlist` writing decks. */
class LectureTest {
    static final Path PLAYLISTS = Path.of("presets", "playlists");

    static List<Path> bundled() throws Exception {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(PLAYLISTS, "*.json")) {
            for (Path p : d) out.add(p);
        }
        return out;
    }

    @Test
    void oneBundledPlaylistPerSeedOf6To10Steps() throws Exception {
        List<Path> files = bundled();
        assertEquals(3, files.size(), "one per seed (lecture note, Kunin et al., Marion & Chizat)");
        for (Path f : files) {
            Lecture l = Lecture.read(f);
            assertTrue(l.steps().size() >= 6 && l.steps().size() <= 10, f + ": " + l.steps().size() + " steps");
            for (Lecture.Step s : l.steps()) {
                assertFalse(s.caption().isBlank(), f + " step " + s.number() + " has a caption");
                assertTrue(s.views().size() >= 1 && s.views().size() <= 2, f + " step " + s.number() + ": one or two views");
            }
        }
    }

    /**
     * A caption quotes only results its preset's description quotes (and DescriptionChecksTest checks those
     * against the simulation): every decimal number outside the math.
     */
    @Test
    void captionsQuoteOnlyNumbersTheirPresetDescriptionsQuote() throws Exception {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("\\d+\\.\\d+|\\d+e[−-]\\d+");
        for (Path f : bundled()) {
            for (Lecture.Step s : Lecture.read(f).steps()) {
                String outside = s.caption().replaceAll("\\$[^$]*\\$", " ");
                var m = number.matcher(outside);
                while (m.find())
                    assertTrue(s.preset().description.contains(m.group()),
                            f + " step " + s.number() + " quotes " + m.group() + ", which " + s.presetName() + "'s description does not");
            }
        }
    }

    private static String refused(String json) {
        PresetException e = assertThrows(PresetException.class, () -> Lecture.parse(json, "x.json", null));
        return e.getMessage();
    }

    @Test
    void badPlaylistsAreNamedByFileAndField() {
        assertEquals("x.json: steps: must be a non-empty array of steps", refused("{\"title\": \"t\", \"steps\": []}"));
        assertTrue(refused("{\"title\": \"t\", \"steps\": [{\"preset\": \"no-such\"}]}").startsWith("x.json: steps[0].preset: "));
        assertTrue(refused("{\"title\": \"t\", \"steps\": [{\"preset\": \"saxe-two-modes\", \"views\": [\"nope\"]}]}")
                .startsWith("x.json: steps[0].views[0]: unknown view \"nope\""));
        assertTrue(refused("{\"title\": \"t\", \"steps\": [{\"preset\": \"saxe-two-modes\", \"animate\": {\"parameter\": \"init.bogus\", \"from\": 0, \"to\": 1}}]}")
                .startsWith("x.json: steps[0].animate.parameter: "));
        assertTrue(refused("{\"title\": \"t\", \"steps\": [{\"preset\": \"saxe-two-modes\", \"set\": {\"init.delta\": \"x\"}}]}")
                .startsWith("x.json: steps[0].set.init.delta: must be a number"));
        assertTrue(refused("{\"title\": \"t\", \"steps\": [{\"preset\": \"saxe-two-modes\", \"colour\": 1}]}")
                .startsWith("x.json: steps[0].colour: unknown field"));
        assertTrue(refused("{\"title\": ").startsWith("x.json: malformed JSON"));
    }

    @Test
    void setValuesAndDefaults() throws Exception {
        Lecture l = Lecture.parse("{\"title\": \"t\", \"steps\": [{\"preset\": \"saxe-two-modes\", \"set\": {\"init.delta\": 1.5},"
                + " \"animate\": {\"parameter\": \"time\"}}]}", "x.json", null);
        Lecture.Step s = l.steps().get(0);
        assertEquals(1.5, s.preset().init.delta);
        assertEquals(List.of(ViewId.SINGULAR_VALUES, ViewId.LOSS), s.views(), "the preset's first two views");
        assertTrue(s.animate().isTime());
        assertEquals(s.preset().training.duration, s.animate().to());
    }

    @Test
    void playlistWritesAPdfDeckOfOnePagePerStepAndImagesPerStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.json");
        Files.writeString(file, "{\"title\": \"Short lecture\", \"steps\": ["
                + "{\"preset\": \"saxe-two-modes\", \"views\": [\"loss\"], \"caption\": \"Half-way at $t^* = \\\\ln(s/a_0 - 1)/(2s)$.\"},"
                + "{\"preset\": \"saxe-two-modes\", \"set\": {\"init.delta\": 2}, \"views\": [\"singular-values\", \"hyperboloid\"], \"caption\": \"Unbalanced.\"}]}");
        Path deck = dir.resolve("deck.pdf");
        CliRun.Result r = CliRun.exec("playlist", file.toString(), "--out", deck.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("skipped step 2 hyperboloid: "), r.out());
        try (PDDocument doc = Loader.loadPDF(deck.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Half-way at") && text.contains("ln(s/a₀ − 1)/(2s)"), text);
            assertTrue(text.contains("Unbalanced."), "real text");
            assertEquals("Short lecture", doc.getDocumentInformation().getTitle());
        }
        Path out = dir.resolve("steps");
        r = CliRun.exec("playlist", file.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[]{"step-01.png", "step-01.svg", "step-02.png", "step-02.svg"})
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        r = CliRun.exec("playlist", dir.resolve("missing.json").toString(), "--out", deck.toString());
        assertEquals(2, r.code());
    }
}
