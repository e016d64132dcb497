package org.dlnexplorer.export;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A small chart with Greek labels, as the views draw them. */
final class TestCharts {
    private TestCharts() {}

    static JFreeChart chart() {
        XYSeries s = new XYSeries("δ = 2");
        for (int i = 0; i <= 50; i++) s.add(i * 0.1, 3 / (1 + 299 * Math.exp(-6 * i * 0.1)));
        JFreeChart c = ChartFactory.createXYLineChart("σ_α(W_eff) & <loss>", "t (time units)", "σ",
                new XYSeriesCollection(s));
        c.setBackgroundPaint(java.awt.Color.WHITE);
        return c;
    }
}
