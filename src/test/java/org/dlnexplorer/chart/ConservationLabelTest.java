package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class ConservationLabelTest {
    private static String labelAfterDrawing(ViewChart chart, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        chart.drawable().draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return chart.chart().getXYPlot().getRangeAxis().getLabel();
    }

    @Test
    void aLowPanelGetsTheShortVerticalLabelAndATallOneTheFullOne() throws Exception {
        RunSet runs = Fixtures.runSet(Fixtures.SAXE);
        for (ChartStyle style : new ChartStyle[]{ChartStyle.screen(), ChartStyle.slide()}) {
            ViewChart chart = ViewChart.create(ViewId.CONSERVATION, style);
            chart.update(runs, 1.0);
            // the app's grid cell (1600 × 1000 window): the long label would run into the subtitle
            assertEquals(ConservationChart.SHORT_DRIFT_LABEL, labelAfterDrawing(chart, 415, 311), style.name());
            // a slide export and a maximized cell have room for the whole label
            assertEquals(ConservationChart.DRIFT_LABEL, labelAfterDrawing(chart, 1600, 1000), style.name());
            assertEquals(ConservationChart.SHORT_DRIFT_LABEL, labelAfterDrawing(chart, 415, 311), "and back: " + style.name());
        }
    }
}
