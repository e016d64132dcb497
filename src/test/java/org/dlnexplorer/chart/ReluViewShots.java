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
    /** a 21 × 21 (τ log, δ) grid with made-up values: rich at small τ and δ ≥ 0, unfitted at small τ and δ < −0.5 */
    static org.dlnexplorer.model.sweep.SweepResult fakeSweep() {
        var x = new org.dlnexplorer.model.sweep.Axis("init.scale", 0.1, 2, 21, true);
        var y = new org.dlnexplorer.model.sweep.Axis("init.delta", -1, 1, 21, false);
        java.util.List<org.dlnexplorer.model.sweep.CellResult> cells = new java.util.ArrayList<>();
        for (int iy = 0; iy < 21; iy++)
            for (int ix = 0; ix < 21; ix++) {
                double tau = x.value(ix), delta = y.value(iy);
                double s = Math.max(0, 0.6 * (1 - Math.log10(tau / 0.1) / 1.3) * (0.5 + 0.5 * Math.tanh(3 * (delta + 0.3))));
                double fit = tau < 0.3 && delta < -0.5 ? Double.NaN : 5 + 10 * (1 - tau);
                cells.add(new org.dlnexplorer.model.sweep.CellResult(ix, iy, tau, delta,
                        org.dlnexplorer.model.sweep.CellStatus.OK, s, fit, 1, 1, Double.NaN, -1, null,
                        org.dlnexplorer.model.sweep.CellPrediction.unavailable("toy"), 10));
            }
        return org.dlnexplorer.model.sweep.SweepResult.of("toy", x, y, cells);
    }

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
            PhasePortraitChart pp = PhasePortraitChart.of(fakeSweep(), org.dlnexplorer.model.sweep.Metric.TIME_TO_FIT,
                    org.dlnexplorer.model.sweep.Metric.KERNEL_DISTANCE, PhaseDiagramStyle.defaults().withMarker(0.1, 0), cs);
            Files.write(dir.resolve("portrait-" + cs.name() + ".png"), ChartExporter.png(pp, size));
        }
    }
}
