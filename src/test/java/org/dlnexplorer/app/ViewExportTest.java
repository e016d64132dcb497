package org.dlnexplorer.app;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.export.ExportException;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The app's Export… and Export view…: no placeholder, the phase diagram included, reasons listed. */
class ViewExportTest {
    @Test
    void exportSkipsViewsThatDoNotApplyAndIncludesThePhaseDiagram(@TempDir Path dir) throws Exception {
        Preset p = BundledPresets.read("saxe-two-modes.json");
        RunSet rs = PresetRunner.runSet(org.dlnexplorer.preset.PresetCompiler.withSharpness(p), "saxe");   // as the app asks when the view is shown
        ViewExport.Result r = ViewExport.views(dir, ViewId.defaults(p), rs, p, "saxe", ExportFormat.PNG);   // the views a deep linear network shows
        assertEquals(List.of("hyperboloid: " + ViewId.HYPERBOLOID.whyNot(rs), "function-space: " + ViewId.FUNCTION_SPACE.whyNot(rs)),
                r.skipped());
        // the app records the Hessian's spectrum only when the preset asks (training.hessian): its view says so
        assertTrue(ViewId.NUCLEAR_NORM.whyNot(rs).startsWith("needs a matrix completion or sensing task"));
        assertFalse(ViewId.defaults(p).contains(ViewId.NUCLEAR_NORM), "an opt-in view whose task the preset lacks");
        assertFalse(ViewId.defaults(p).contains(ViewId.SHARPNESS_VS_ETA), "an opt-in summary view");
        assertTrue(ViewId.HESSIAN.whyNot(rs).contains("training.hessian"));
        assertFalse(ViewId.defaults(p).contains(ViewId.HESSIAN), "an opt-in view the preset does not record");
        for (ViewId v : List.of(ViewId.NEURON_TEMPORAL, ViewId.HYPERBOLOID_GEOMETRIES)) {
            assertTrue(v.whyNot(rs).startsWith("needs one hidden neuron"), v.whyNot(rs));
            assertFalse(ViewId.defaults(p).contains(v), "opt-in: " + v);
        }
        assertTrue(r.files().contains(dir.resolve("phase-diagram.png")), r.files().toString());
        assertFalse(Files.exists(dir.resolve("hyperboloid.png")));

        ExportException e = assertThrows(ExportException.class,
                () -> ViewExport.view(dir.resolve("one.svg"), ViewId.HYPERBOLOID, rs, p, "saxe"));
        assertTrue(e.getMessage().contains("needs one hidden neuron: widths [d, 1, 1]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("one.svg")));
        assertEquals(dir.resolve("loss.pdf"), ViewExport.view(dir.resolve("loss.pdf"), ViewId.LOSS, rs, p, "saxe"));
        assertTrue(Files.size(dir.resolve("loss.pdf")) > 0);
    }
}
