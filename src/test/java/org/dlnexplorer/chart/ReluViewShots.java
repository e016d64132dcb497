package org.dlnexplorer.chart;

import org.dlnexplorer.export.ChartExporter;
import org.dlnexplorer.export.ExportSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Pictures of the two-layer views from toy runs, for looking at (-Ddln.viewShots=DIR). */
@EnabledIfSystemProperty(named = "dln.viewShots", matches = ".+")
class ReluViewShots {
    @Test
    void shots() throws Exception {
        Path dir = Path.of(System.getProperty("dln.viewShots"));
        Files.createDirectories(dir);
        List<StudentRun> four = ToyStudents.fig1a(50, 200);
        for (ChartStyle cs : new ChartStyle[] {ChartStyle.screen(), ChartStyle.slide()}) {
            ExportSize size = cs.name().equals("slide") ? new ExportSize(1600, 1000, 1) : new ExportSize(900, 560, 1);
            InputSpaceChart in = new InputSpaceChart(cs);
            in.show(four, Double.NaN);
            Files.write(dir.resolve("input-space-" + cs.name() + ".png"), ChartExporter.png(in, size));
            in.show(four.subList(0, 1), 1.0);
            Files.write(dir.resolve("input-space-one-" + cs.name() + ".png"), ChartExporter.png(in, size));
            NeuronDynamicsChart nd = new NeuronDynamicsChart(cs);
            nd.show(four.subList(0, 1), 20);
            nd.setLogTime(true);
            Files.write(dir.resolve("neurons-one-" + cs.name() + ".png"), ChartExporter.png(nd, size));
            nd.show(four, Double.NaN);
            Files.write(dir.resolve("neurons-four-" + cs.name() + ".png"), ChartExporter.png(nd, size));
        }
    }
}
