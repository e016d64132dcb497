package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.preset.BundledPresets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Over the legend's cap the entries that explain a line style stay; the compare set's runs give way first. */
class LegendCapTest {
    static { System.setProperty("java.awt.headless", "true"); }

    private static List<String> legend(XyViewChart c) {
        List<String> out = new ArrayList<>();
        var items = c.plot.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        return out;
    }

    @Test
    void sevenRunsAndTheirReferencesKeepTheReferences() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("single-neuron-delta-sweep.json"), "sweep");
        FunctionSpaceChart c = new FunctionSpaceChart(ChartStyle.screen());
        c.update(rs, Double.NaN);
        List<String> shown = legend(c);
        assertTrue(shown.size() <= XyViewChart.MAX_LEGEND_ITEMS, shown.toString());
        assertTrue(shown.contains("exact"), "the dashed lines are named: " + shown);
        assertTrue(shown.stream().anyMatch(s -> s.matches("\\+ \\d+ more runs?")), shown.toString());
        assertEquals(rs.runs().get(0).label(), shown.get(0), "the runs still come first");
        int runsShown = (int) shown.stream().filter(s -> rs.runs().stream().anyMatch(r -> r.label().equals(s))).count();
        String more = shown.stream().filter(s -> s.startsWith("+ ")).findFirst().orElseThrow();
        assertEquals(rs.runs().size(), runsShown + Integer.parseInt(more.split(" ")[1]), "every run counted: " + shown);
    }

    @Test
    void aShortLegendIsWhole() throws Exception {
        RunSet rs = PresetRunner.runSet(BundledPresets.read("basins-of-attraction.json"), "basins");
        LossChart c = new LossChart(ChartStyle.screen());
        c.update(rs, Double.NaN);
        List<String> shown = legend(c);
        assertTrue(shown.stream().noneMatch(s -> s.startsWith("+ ")), shown.toString());
        for (var r : rs.runs()) assertTrue(shown.contains(r.label()), shown.toString());
    }
}
