package org.dlnexplorer.export;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.cli.DlnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** `export` through the real command line (DlnCommand.execute) and the product's views. */
class ExportCommandTest {
    static final String PRESET = "presets/single-neuron-balanced.json";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static void assertUsageError(Result r, String... fragments) {
        assertEquals(DlnCommand.INVALID, r.code(), r.err());
        String e = r.err().strip();
        assertEquals(1, e.lines().count(), "one line: " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        for (String f : fragments) assertTrue(e.contains(f), "mentions " + f + ": " + e);
    }

    @Test
    void oneViewToPngHasTheRequestedSizeTimesScale() throws Exception {
        Path png = dir.resolve("loss.png");
        Result r = run("export", PRESET, "--view", "loss", "--out", png.toString(),
                "--width", "400", "--height", "250", "--scale", "2");
        assertEquals(DlnCommand.OK, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertEquals(png.toString(), r.out().strip());
        // the preset's "view": {"logTime": true} can be overridden either way
        Path log = dir.resolve("log.svg");
        Result l = run("export", "presets/saddle-to-saddle.json", "--view", "loss", "--out", log.toString(), "--no-log-time");
        assertEquals(DlnCommand.OK, l.code(), l.err());
        assertFalse(Files.readString(log).contains("log scale"), "linear time axis");
        l = run("export", "presets/saddle-to-saddle.json", "--view", "loss", "--out", log.toString());
        assertEquals(DlnCommand.OK, l.code(), l.err());
        assertTrue(Files.readString(log).contains("log scale"), "the preset asks for log time");
    }

    @Test
    void allWritesEveryViewInEveryFormat() throws Exception {
        Path out = dir.resolve("deck").resolve("single-neuron");
        Result r = run("export", PRESET, "--all", "--out", out.toString(), "--width", "800", "--height", "500");
        assertEquals(DlnCommand.OK, r.code(), r.err());
        List<String> expected = new ArrayList<>();
        // every view of a deep linear network, opt-in ones included (the piecewise-linear family's three are
        // skipped, saying why)
        for (ViewId v : linearViews())
            for (ExportFormat f : ExportFormat.values()) expected.add(v.cliName() + "." + f.extension());
        for (ViewId v : ViewId.PIECEWISE_ONLY) assertTrue(r.out().contains("skipped " + v.cliName() + ": "), r.out());
        expected.add("manifest.json");   // which preset the folder's files belong to (issue 18)
        assertEquals(expected.stream().sorted().toList(), ChartExporterTest.listing(out));
        assertTrue(r.out().contains("skipped nuclear-norm: needs a matrix completion or sensing task"), r.out());
        for (ViewId v : linearViews()) {
            BufferedImage img = ImageIO.read(out.resolve(v.cliName() + ".png").toFile());
            assertEquals(800, img.getWidth(), v.cliName());
            assertEquals(500, img.getHeight(), v.cliName());
            assertTrue(ChartExporterTest.distinctColours(img) > 5, v.cliName() + " is not blank");
            assertEquals("svg", ChartExporterTest.parse(Files.readAllBytes(out.resolve(v.cliName() + ".svg")))
                    .getDocumentElement().getLocalName(), v.cliName());
            String pdf = new String(Files.readAllBytes(out.resolve(v.cliName() + ".pdf")), StandardCharsets.ISO_8859_1);
            assertTrue(pdf.startsWith("%PDF-") && pdf.stripTrailing().endsWith("%%EOF"), v.cliName());
        }
    }

    @Test
    void aViewThatDoesNotApplyIsNeverExportedAsAPlaceholder() throws Exception {
        // Saxe's 2-2-2 network: no single neuron, so no hyperboloid and no function-space path
        Path png = dir.resolve("h.png");
        assertUsageError(run("export", "presets/saxe-two-modes.json", "--view", "hyperboloid", "--out", png.toString()),
                "--view hyperboloid", "needs one hidden neuron: widths [d, 1, 1]");
        assertEquals(List.of(), ChartExporterTest.listing(dir).stream().filter(f -> !f.startsWith(".")).toList(),
                "nothing written (the output lock is hidden)");

        // a linear network with a plain target: no nuclear-norm view (it needs observations to fit)
        assertUsageError(run("export", "presets/saxe-two-modes.json", "--view", "nuclear-norm", "--out", png.toString()),
                "--view nuclear-norm", "needs a matrix completion or sensing task");

        Path out = dir.resolve("all");
        Result r = run("export", "saxe-two-modes", "--all", "--out", out.toString(), "--width", "400", "--height", "300");
        assertEquals(DlnCommand.OK, r.code(), r.err());
        assertTrue(r.out().contains("skipped hyperboloid: needs one hidden neuron: widths [d, 1, 1]"), r.out());
        assertTrue(r.out().contains("skipped function-space: needs one hidden neuron with two inputs"), r.out());
        List<String> files = ChartExporterTest.listing(out);
        assertFalse(files.stream().anyMatch(f -> f.startsWith("hyperboloid.") || f.startsWith("function-space.")), files.toString());
        assertTrue(files.contains("sharpness.png") && files.contains("phase-diagram.pdf"), files.toString());
        var manifest = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        assertTrue(manifest.getAsJsonObject("skipped").get("hyperboloid").getAsString().startsWith("needs one hidden neuron"), manifest.toString());
        assertFalse(manifest.getAsJsonArray("files").toString().contains("hyperboloid."), manifest.toString());
    }

    @Test
    void sharpnessIsComputedForGradientFlowWhenItsViewIsAskedFor() throws Exception {
        var p = org.dlnexplorer.preset.BundledPresets.read("saxe-two-modes.json");
        assertNotNull(ViewId.SHARPNESS.whyNot(PresetRunner.runSet(p, "saxe")), "gradient flow records no sharpness by default");
        assertNull(ViewId.SHARPNESS.whyNot(PresetRunner.runSet(org.dlnexplorer.preset.PresetCompiler.withSharpness(p), "saxe")));
        Path png = dir.resolve("s.png");
        Result r = run("export", "presets/saxe-two-modes.json", "--view", "sharpness", "--out", png.toString());
        assertEquals(DlnCommand.OK, r.code(), r.err());
    }

    @Test
    void divergedRunsAreExportedAndReported() throws Exception {
        String json = Files.readString(Path.of("presets/edge-of-stability.json"))
                .replace("\"values\": [0.2, 0.22, 0.24]", "\"values\": [0.2, 1.0]");
        Path preset = Files.writeString(dir.resolve("diverges.json"), json);
        Path svg = dir.resolve("sharpness.svg");
        Result r = run("export", preset.toString(), "--view", "sharpness", "--out", svg.toString());
        assertEquals(DlnCommand.OK, r.code(), "a diverged run is a result: " + r.err());
        assertTrue(r.err().contains("η = 1 diverged at step"), r.err());
        ChartExporterTest.parse(Files.readAllBytes(svg));
    }

    @Test
    void unknownViewExits2AndWritesNothing() throws Exception {
        assertUsageError(run("export", PRESET, "--view", "heatmap", "--out", dir.resolve("w.png").toString()),
                "unknown view \"heatmap\"", "singular-values", "conservation");
        assertEquals(List.of(), ChartExporterTest.listing(dir));
    }

    @Test
    void unknownFormatExits2AndWritesNothing() throws Exception {
        assertUsageError(run("export", PRESET, "--view", "loss", "--out", dir.resolve("loss.gif").toString()),
                "loss.gif", "\".gif\"", ".png, .svg or .pdf");
        assertUsageError(run("export", PRESET, "--view", "loss", "--out", dir.resolve("loss").toString()), "no file extension");
        assertEquals(List.of(), ChartExporterTest.listing(dir));
    }

    @Test
    void unwritablePathExits2AndLeavesNothing() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("loss.png");
        assertUsageError(run("export", PRESET, "--view", "loss", "--out", missing.toString()), "does not exist");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertUsageError(run("export", PRESET, "--all", "--out", file.toString()), "not a directory");
        assertUsageError(run("export", PRESET, "--all", "--out", file.resolve("sub").toString()), "cannot create directory");
        assertEquals(List.of("file.txt"), ChartExporterTest.listing(dir));
    }

    @Test
    void badUsageExits2WithOneLine() throws Exception {
        Path png = dir.resolve("x.png");
        assertUsageError(run("export", PRESET, "--out", png.toString()), "--view VIEW or --all");
        assertUsageError(run("export", PRESET, "--view", "loss", "--all", "--out", png.toString()), "--view VIEW or --all");
        assertUsageError(run("export", PRESET, "--view", "loss", "--out", png.toString(), "--width", "3"), "--width");
        assertUsageError(run("export", PRESET, "--view", "loss", "--out", png.toString(), "--scale", "-1"), "--scale");
        assertUsageError(run("export", PRESET, "--view", "loss"), "--out");
        assertUsageError(run("export", dir.resolve("absent.json").toString(), "--view", "loss", "--out", png.toString()),
                "absent.json", "file not found");
        Path bad = Files.writeString(dir.resolve("bad.json"),
                Files.readString(Path.of(PRESET)).replace("\"widths\": [2, 1, 1]", "\"widths\": [2, 0, 1]"));
        assertUsageError(run("export", bad.toString(), "--view", "loss", "--out", png.toString()),
                "bad.json", "network.widths[1]");
        assertFalse(Files.exists(png));
    }

    @Test
    void anInjectedViewSourceIsUsedForEveryView() throws Exception {
        List<ViewId> asked = new ArrayList<>();
        ViewSource source = (id, runs) -> {
            asked.add(id);
            assertEquals(1, runs.runs().size());
            return TestCharts.chart();
        };
        StringWriter out = new StringWriter(), err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new org.dlnexplorer.cli.ExportCommand(source));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(PRESET, "--all", "--out", dir.toString(), "--width", "300", "--height", "200");
        assertEquals(0, code, err.toString());
        assertEquals(linearViews(), asked);   // a deep linear network's views; the others do not apply
        assertEquals(linearViews().size() * ExportFormat.values().length + 1, ChartExporterTest.listing(dir).size(),
                "every view in every format, and manifest.json");
    }

    /**
     * every registered view that applies to the single neuron: not the piecewise-linear family's, nor nuclear-norm
     * (it needs a completion or sensing task), nor sharpness-vs-eta (it needs gradient-descent runs at several η), nor
     * residual-depth (it needs runs with a fixed readout at several depths)
     */
    private static List<ViewId> linearViews() {
        return java.util.Arrays.stream(ViewId.values())
                .filter(v -> !ViewId.PIECEWISE_ONLY.contains(v) && v != ViewId.NUCLEAR_NORM && v != ViewId.SHARPNESS_VS_ETA
                        && v != ViewId.RESIDUAL_DEPTH).toList();
    }
}
