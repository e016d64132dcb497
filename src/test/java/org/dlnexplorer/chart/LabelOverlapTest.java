package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.PresetCompiler;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * #16 item 8: no text over other text and no text over a curve, in any view of any bundled preset, at the
 * sizes a view has in the app's grid at 1280×800, 1600×1000 and 1920×1080 (one to three columns, two or three
 * rows) and at the export size. Every string drawn is recorded with its box ({@link TextBoxes}), and every
 * solid line at least {@link #CURVE_WIDTH} wide (the curves; grid lines, contours and dotted levels are
 * thinner or dashed) with its stroked outline and clip; the boxes are compared with each other and with the
 * curves.
 */
class LabelOverlapTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** overlaps smaller than this (px, both ways) are anti-aliasing, not collisions */
    static final double TOLERANCE = 1.5;
    /** solid lines at least this wide (px) are curves a label must keep off */
    static final float CURVE_WIDTH = 1.9f;
    /** a label's box is shrunk by this (px, each side) before it is tested against curves: anti-aliasing */
    static final double CURVE_INSET = 1.0;
    /** one-column cells of the grid at 1280×800 (two columns), 1600×1000 and 1920×1080 (three), and an export */
    static final double[][] SIZES = {{449, 365}, {410, 308}, {516, 336}, {1600, 1000}};


    /**
     * the columns a view spans in the app's grid at this cell size: its registry span in three columns; in the two
     * of 1280×800 one, a full-row view two (ViewGrid's rule)
     */
    static int appSpan(ViewId id, double[] size) {
        if (size[0] != SIZES[0][0]) return id.columnSpan();
        return id.columnSpan() >= 3 ? 2 : 1;
    }

    @Test
    void noTextOverlapsOtherTextOrACurveInAnyViewOfAnyPreset() throws Exception {
        List<String> problems = new ArrayList<>();
        // -Dlabels.presets=a.json,b.json checks only those (while fixing); the build checks every preset
        String only = System.getProperty("labels.presets", "");
        for (BundledPresets.Entry e : BundledPresets.load().entries()) {
            if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(e.file())) continue;
            RunSet rs = PresetRunner.runSet(PresetCompiler.withSharpness(e.preset()), e.file());
            for (ViewId id : ViewId.values()) {
                if (id == ViewId.PHASE_DIAGRAM || id.whyNot(rs) != null) continue;
                for (double[] size : SIZES) {
                    int span = appSpan(id, size);
                    double w = size[0] * span + (span - 1) * 4, h = size[1];
                    TextBoxes g;
                    try (PDDocument doc = new PDDocument()) {
                        g = new TextBoxes(doc, w, h, CURVE_WIDTH);
                        ViewRenderers.render(id, rs, size[0] >= 1600 ? ChartStyle.slide() : ChartStyle.screen())
                                .draw(g, new Rectangle2D.Double(0, 0, w, h));
                        g.dispose();
                    }
                    String where = e.file() + " " + id.cliName() + " " + (int) w + "×" + (int) h + ": ";
                    for (String o : g.overlaps(TOLERANCE)) problems.add(where + o);
                    for (String o : g.overCurves(CURVE_INSET)) problems.add(where + o);
                }
            }
        }
        assertEquals(List.of(), problems, problems.size() + " overlaps (text over text, or text over a curve)");
    }
}
