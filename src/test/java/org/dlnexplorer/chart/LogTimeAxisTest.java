package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The views that offer log time switch their time axis to a log axis and back (XyViewChart.offerLogTime). */
class LogTimeAxisTest {
    static { System.setProperty("java.awt.headless", "true"); }

    @Test
    void eachViewThatOffersLogTimeSwitchesItsTimeAxisAndBack() throws Exception {
        RunSet runs = Fixtures.runSet(Fixtures.SAXE);
        for (ViewId id : new ViewId[] {ViewId.LOSS, ViewId.HESSIAN, ViewId.LAYERS, ViewId.NUCLEAR_NORM}) {
            ViewChart c = ViewChart.create(id, ChartStyle.screen());
            c.update(runs, Double.NaN);
            assertInstanceOf(NumberAxis.class, c.chart().getXYPlot().getDomainAxis(), id.cliName());
            c.setLogTime(true);
            LogAxis log = assertInstanceOf(LogAxis.class, c.chart().getXYPlot().getDomainAxis(), id.cliName());
            assertTrue(log.getLabel().contains("log scale"), log.getLabel());
            c.setLogTime(false);
            assertInstanceOf(NumberAxis.class, c.chart().getXYPlot().getDomainAxis(), id.cliName() + " back");
        }
    }
}
