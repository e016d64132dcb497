package org.dlnexplorer.chart;

import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.engine.DormandPrince54;
import org.dlnexplorer.model.engine.SimulationSpec;
import org.dlnexplorer.model.objective.Objective;
import org.dlnexplorer.model.observe.Convergence;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Marion &amp; Chizat's residual setting with the readout p fixed: the plotted L·max_k‖W_k(t_end) − W_k(0)‖_F of every
 * member against the recorded weights (where frames carry them) and against an independent integration of the
 * flow from the member's θ(0) (every member), the frozen layer exactly pᵀ = e₁ᵀ throughout, the start's scaling.
 */
class ResidualDepthChartTest {
    static { System.setProperty("java.awt.headless", "true"); }

    /** the recorded readout and the weights it is computed from: the same numbers, to round-off */
    static final double ROUND_OFF = 1e-12;
    /** an independent integration to t_end (rtol 1e-11) agrees to this, relative */
    static final double INTEGRATION_AGREEMENT = 1e-6;
    /** the sample standard deviation of 64·9 start entries is within this of s/√(L·d) (≈ 3 standard errors) */
    static final double SPREAD_AGREEMENT = 0.1;
    static final String PRESET = "marion-chizat-residual-fixed-p.json";

    @Test
    void plottedChangeIsTheWeightsChangeTimesTheTrainedDepth() throws Exception {
        Preset preset = BundledPresets.read(PRESET);
        RunSet rs = PresetRunner.runSet(preset, "res");
        List<CompareSetRunner.Member> members = PresetCompiler.compileSet(preset, "res");
        List<ResidualDepthChart.Point> points = ResidualDepthChart.points(rs);
        assertEquals(List.of(4, 8, 16, 32, 64), points.stream().map(ResidualDepthChart.Point::depth).toList());
        for (int i = 0; i < rs.runs().size(); i++) {
            Trajectory tr = rs.runs().get(i).trajectory();
            SimulationSpec spec = members.get(i).spec();
            int depth = tr.depth() - 1;
            ResidualDepthChart.Point p = points.stream().filter(q -> q.depth() == depth).findFirst().orElseThrow();
            assertEquals(Convergence.converged(tr), p.converged());
            double[] end = integrate(spec);
            double expected = depth * maxLayerChange(spec, spec.theta0(), end);
            assertEquals(expected, p.scaledChange(), INTEGRATION_AGREEMENT * expected, "L = " + depth);
            // the frozen readout never moves: W_L = e₁ᵀ at the start and at the end
            int off = spec.network().offset(depth + 1);
            assertArrayEquals(new double[]{1, 0, 0}, java.util.Arrays.copyOfRange(end, off, off + 3), 0.0);
            Frame first = tr.frames().get(0), last = tr.last();
            if (last.hasWeights()) {
                double fromFrames = depth * maxLayerChange(spec, first.theta(), last.theta());
                assertEquals(fromFrames, p.scaledChange(), ROUND_OFF * fromFrames, "L = " + depth + " from the frames");
                assertArrayEquals(new double[]{1, 0, 0}, last.weights()[depth], 0.0);
            }
        }
        // the start: W_k(0) − I has entries of standard deviation s/√(L·d), the seed's L the trained layers
        SimulationSpec deepest = members.get(members.size() - 1).spec();
        int depth = deepest.network().depth() - 1, d = 3;
        double sum = 0, sum2 = 0;
        int n = 0;
        for (int k = 1; k <= depth; k++)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) {
                    double e = deepest.theta0()[deepest.network().offset(k) + i * d + j] - (i == j ? 1 : 0);
                    sum += e; sum2 += e * e; n++;
                }
        double sd = Math.sqrt(sum2 / n - (sum / n) * (sum / n));
        double expectedSd = preset.init.scale / Math.sqrt(depth * d);
        assertEquals(expectedSd, sd, SPREAD_AGREEMENT * expectedSd);

        // the drawn chart: the converged points in the first layer
        ResidualDepthChart chart = new ResidualDepthChart(ChartStyle.screen());
        chart.update(rs, 0);
        XYDataset drawn = chart.plot.getDataset(0);
        List<ResidualDepthChart.Point> converged = points.stream().filter(ResidualDepthChart.Point::converged).toList();
        assertEquals(converged.size(), drawn.getItemCount(0));
        for (int i = 0; i < converged.size(); i++) {
            assertEquals(converged.get(i).depth(), drawn.getXValue(0, i));
            assertEquals(converged.get(i).scaledChange(), drawn.getYValue(0, i));
        }
    }

    @Test
    void runJsonWritesThePlottedChangePerFrameForAFrozenReadoutOnly() throws Exception {
        Preset preset = BundledPresets.read(PRESET);
        preset.compare.values = new double[]{5, 9};   // L = 4, 8 trained layers: frames carry their weights
        RunSet rs = PresetRunner.runSet(preset, "res");
        List<ResidualDepthChart.Point> points = ResidualDepthChart.points(rs);
        for (int i = 0; i < rs.runs().size(); i++) {
            Trajectory tr = rs.runs().get(i).trajectory();
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(
                    org.dlnexplorer.output.RunJsonWriter.toJson(tr)).getAsJsonObject();
            com.google.gson.JsonArray change = o.getAsJsonArray("layerChange");
            com.google.gson.JsonArray weights = o.getAsJsonArray("weights");
            assertEquals(tr.frames().size(), change.size());
            int depth = o.get("depth").getAsInt() - 1;
            // the last frame's value is the point the view plots
            assertEquals(points.get(i).depth(), depth);
            assertEquals(points.get(i).scaledChange(), change.get(change.size() - 1).getAsDouble(), 0.0);
            // every frame: L·max_k‖W_k(t) − W_k(0)‖_F from the JSON's own weights
            for (int f = 0; f < change.size(); f++) {
                double worst = 0;
                for (int k = 0; k <= depth; k++) {
                    double[][] a = matrix(weights.get(0).getAsJsonArray().get(k)), b = matrix(weights.get(f).getAsJsonArray().get(k));
                    double s = 0;
                    for (int r = 0; r < a.length; r++)
                        for (int c = 0; c < a[r].length; c++) s += (b[r][c] - a[r][c]) * (b[r][c] - a[r][c]);
                    worst = Math.max(worst, Math.sqrt(s));
                }
                assertEquals(depth * worst, change.get(f).getAsDouble(), ROUND_OFF * Math.max(1, depth * worst), "frame " + f);
            }
        }
        // every layer trained: no such field
        preset.training.freezeOutput = false;
        preset.compare = null;
        Trajectory trained = PresetRunner.runSet(preset, "res").runs().get(0).trajectory();
        assertFalse(com.google.gson.JsonParser.parseString(org.dlnexplorer.output.RunJsonWriter.toJson(trained))
                .getAsJsonObject().has("layerChange"));
    }

    /** a layer of the run JSON's "weights": rows of numbers */
    private static double[][] matrix(com.google.gson.JsonElement e) {
        com.google.gson.JsonArray rows = e.getAsJsonArray();
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            com.google.gson.JsonArray row = rows.get(r).getAsJsonArray();
            m[r] = new double[row.size()];
            for (int c = 0; c < m[r].length; c++) m[r][c] = row.get(c).getAsDouble();
        }
        return m;
    }

    @Test
    void aViewOfTheFixedReadoutAtSeveralDepths() throws Exception {
        RunSet trained = PresetRunner.runSet(BundledPresets.read("marion-chizat-residual.json"), "res");
        assertEquals("needs runs with a fixed readout p at two or more depths (a compare set over network.depth with "
                + "training.freezeOutput: true (and init.scheme residual))", ViewId.RESIDUAL_DEPTH.whyNot(trained));
        assertTrue(ViewId.OPT_IN.contains(ViewId.RESIDUAL_DEPTH));
    }

    /** θ(t_end) by Dormand–Prince from the member's θ(0) straight to t_end (no frames, no observables) */
    private static double[] integrate(SimulationSpec spec) {
        Objective obj = new Objective(spec.network(), spec.task());
        double[][] out = new double[1][];
        new DormandPrince54(spec.theta0().length).integrate(obj::flow, spec.theta0(), new double[]{0, spec.duration()},
                spec.rtol(), spec.atol(), (i, t, y, steps) -> { out[0] = y.clone(); return true; });
        return out[0];
    }

    /** max_k ‖W_k(b) − W_k(a)‖_F over every layer */
    private static double maxLayerChange(SimulationSpec spec, double[] a, double[] b) {
        double worst = 0;
        var net = spec.network();
        for (int k = 1; k <= net.depth(); k++) {
            double s = 0;
            for (int i = net.offset(k); i < net.offset(k) + net.rows(k) * net.cols(k); i++) s += (b[i] - a[i]) * (b[i] - a[i]);
            worst = Math.max(worst, Math.sqrt(s));
        }
        return worst;
    }
}
