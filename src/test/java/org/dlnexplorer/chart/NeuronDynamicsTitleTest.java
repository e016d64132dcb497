package org.dlnexplorer.chart;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The per-neuron dynamics of a compare set in the app's grid at 1280×800 (two columns: the view one column wide,
 * 449×365) and at 1600×1000 (its two columns, 824×308): each member's column title is drawn on one line, whole,
 * in a font of at least {@link InputSpaceChart#MIN_LABEL_FONT} px, inside its column, over no other text.
 */
class NeuronDynamicsTitleTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** the grid cells the view gets: 1280×800 (one of two columns) and 1600×1000 (two of three columns) */
    static final double[][] CELLS = {{449, 365}, {824, 308}};

    @Test
    void everyMembersTitleFitsOneLineOfItsColumn() throws Exception {
        List<StudentRun> four = ToyStudents.fig1a(50, 200);
        for (double[] cell : CELLS) {
            NeuronDynamicsChart chart = new NeuronDynamicsChart(ChartStyle.screen());
            chart.show(four, Double.NaN);
            TextBoxes g;
            try (PDDocument doc = new PDDocument()) {
                g = new TextBoxes(doc, cell[0], cell[1], LabelOverlapTest.CURVE_WIDTH);
                chart.draw(g, new Rectangle2D.Double(0, 0, cell[0], cell[1]));
                g.dispose();
            }
            String where = (int) cell[0] + "×" + (int) cell[1] + ": ";
            String shots = System.getProperty("dln.viewShots", "");   // a picture to look at, when asked
            if (!shots.isEmpty())
                java.nio.file.Files.write(java.nio.file.Path.of(shots, "neurons-" + (int) cell[0] + ".png"),
                        org.dlnexplorer.export.ChartExporter.png(chart, new org.dlnexplorer.export.ExportSize((int) cell[0], (int) cell[1], 1)));
            for (StudentRun s : four) {
                TextBoxes.Box title = g.texts.stream().filter(b -> b.text().equals(s.label())).findFirst().orElse(null);
                assertNotNull(title, where + "\"" + s.label() + "\" is drawn whole on one line; drawn: "
                        + g.texts.stream().map(TextBoxes.Box::text).toList());
                // the recorded box is 0.8 ascent + 0.5 descent high: about 0.85 of the font size
                assertTrue(title.bounds().getHeight() >= 0.8 * InputSpaceChart.MIN_LABEL_FONT,
                        where + s.label() + " in a font of 10 px or more: " + title.bounds());
                assertTrue(title.bounds().getMinX() >= 0 && title.bounds().getMaxX() <= cell[0], where + title.bounds());
            }
            assertEquals(List.of(), g.overlaps(LabelOverlapTest.TOLERANCE), where);
            assertEquals(List.of(), g.overCurves(LabelOverlapTest.CURVE_INSET), where);
        }
    }
}
