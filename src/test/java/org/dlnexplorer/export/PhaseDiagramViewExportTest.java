package org.dlnexplorer.export;

import org.dlnexplorer.cli.DlnCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `export --view phase-diagram` sweeps the preset and draws the heat map, not the app's placeholder message. */
class PhaseDiagramViewExportTest {
    @TempDir
    Path dir;

    @Test
    void phaseDiagramExportIsAHeatMap() throws Exception {
        Path svg = dir.resolve("phase.svg");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out), new PrintWriter(err),
                "export", "presets/single-neuron-balanced.json", "--view", "phase-diagram", "--out", svg.toString());
        assertEquals(DlnCommand.OK, code, err.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("Regime phase diagram"), "titled");
        assertFalse(text.contains("see the sweep"), "not the placeholder message");
        assertTrue(text.contains("41 × 41"), "the default sweep's cells");
        // a heat map: many filled cells (rect or path elements with a fill)
        long fills = text.split("fill=\"rgb\\(|fill:rgb\\(|fill=\"#", -1).length - 1;
        assertTrue(fills > 41 * 41 / 2, "cells drawn: " + fills);
        assertFalse(text.contains("NaN"));
    }
}
