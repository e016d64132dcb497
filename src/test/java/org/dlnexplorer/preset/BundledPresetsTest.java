package org.dlnexplorer.preset;

import org.dlnexplorer.output.AtomicFiles;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.dlnexplorer.cli.DlnCommand;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every bundled preset (presets/*.json) loads, validates, round-trips, runs, and shows what its
 * description claims (the key numbers of each description are checked against the simulation).
 */
class BundledPresetsTest {
    static final Path DIR = Path.of("presets");
    /** the only preset allowed to diverge (gradient descent near and above 2/S_min) */
    static final String EDGE_OF_STABILITY = "edge-of-stability.json";
    /** SPEC §4: the adaptive engine keeps the drift of every D_ℓ below 1e−8 on the presets */
    static final double FLOW_DRIFT_LIMIT = 1e-8;
    static final double DT_TOLERANCE = 0.02;

    static final Map<String, Preset> PRESETS = new LinkedHashMap<>();
    static final Map<String, RunSet> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void loadAndRunAll() throws Exception {
        for (String file : indexed()) {
            Preset p = PresetIo.read(DIR.resolve(file));
            PRESETS.put(file, p);
            RUNS.put(file, PresetRunner.runSet(p, file));
        }
    }

    static List<String> indexed() throws Exception {
        return BundledPresets.parseIndex(Files.readString(DIR.resolve(BundledPresets.INDEX), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- files, index, loading, round trip

    @Test
    void indexListsExactlyThePresetFiles() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertEquals(files, indexed().stream().sorted().toList(), "presets/index.txt must list every preset once");
        assertTrue(files.size() >= 18, "at least the presets of issue 5");
    }

    @Test
    void everyPresetHasANameAndADescriptionNamingItsSource() {
        for (var e : PRESETS.entrySet()) {
            Preset p = e.getValue();
            assertNotNull(p.name, e.getKey());
            assertTrue(p.name.length() <= 80, e.getKey() + ": name too long for a picker");
            assertNotNull(p.description, e.getKey());
            assertTrue(p.description.length() >= 150 && p.description.length() <= 1000,
                    e.getKey() + ": description of " + p.description.length() + " characters");
            assertTrue(p.description.matches(".*(Lecture note|Kunin|Marion|Saxe|Dominé).*"),
                    e.getKey() + ": the description names the seed it illustrates");
            assertTrue(Double.isFinite(p.training.duration) && p.training.samples != null && p.training.samples <= 600,
                    e.getKey() + ": at most 600 samples");
        }
    }

    @Test
    void everyPresetRoundTripsToAnIdenticalJsonTree(@TempDir Path tmp) throws Exception {
        for (String file : indexed()) {
            JsonElement original = JsonParser.parseString(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
            Preset read = PresetIo.read(DIR.resolve(file));
            // nothing in the file is unknown to the model (a misspelt field would be silently dropped)
            assertEquals(original, PresetIo.gson().toJsonTree(read), file + ": file vs model");
            Path copy = tmp.resolve(file);
            AtomicFiles.writeString(copy, PresetIo.toJson(read));   // as the app saves a preset
            Preset again = PresetIo.read(copy);
            assertEquals(PresetIo.gson().toJsonTree(read), PresetIo.gson().toJsonTree(again), file + ": write → read");
        }
    }

    @Test
    void classPathResourcesMatchThePresetsDirectory() {
        BundledPresets.Listing dir = BundledPresets.fromDirectory(DIR);
        BundledPresets.Listing res = BundledPresets.fromResources();
        assertTrue(dir.failures().isEmpty(), () -> "directory: " + dir.failures());
        assertTrue(res.failures().isEmpty(), () -> "resources (pom <resources> for presets/): " + res.failures());
        assertEquals(dir.entries().stream().map(BundledPresets.Entry::file).toList(),
                res.entries().stream().map(BundledPresets.Entry::file).toList());
        for (int i = 0; i < dir.entries().size(); i++)
            assertEquals(PresetIo.toJson(dir.entries().get(i).preset()), PresetIo.toJson(res.entries().get(i).preset()));
    }

    @Test
    void presetsCommandListsEveryPresetWithNameAndSummary() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out), new PrintWriter(err), "presets");
        assertEquals(DlnCommand.OK, code, err.toString());
        String[] lines = out.toString().split("\\R");
        List<String> files = indexed();
        assertEquals(files.size(), lines.length);
        for (int i = 0; i < files.size(); i++) {
            Preset p = PRESETS.get(files.get(i));
            assertTrue(lines[i].startsWith(files.get(i) + " "), lines[i]);
            assertTrue(lines[i].contains(p.name), lines[i]);
            assertTrue(lines[i].contains(BundledPresets.firstSentence(p.description)), lines[i]);
        }
    }

    @Test
    void presetsCommandReportsABrokenPresetAndExits2(@TempDir Path tmp) throws Exception {
        Files.copy(DIR.resolve("saxe-two-modes.json"), tmp.resolve("a.json"));
        Files.writeString(tmp.resolve("b.json"), "{\"schema\": 1, \"name\": \"x\"}");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out), new PrintWriter(err), "presets", "--dir", tmp.toString());
        assertEquals(DlnCommand.INVALID, code);
        assertTrue(out.toString().startsWith("a.json "), out.toString());
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("b.json") && e.contains("network"), e);
    }

    // ---------------------------------------------------------------- every preset runs

    @Test
    void everyPresetRunsCompletelyWithFiniteFrames() {
        for (var e : RUNS.entrySet()) {
            for (RunSet.Labeled r : e.getValue().runs()) {
                Trajectory t = r.trajectory();
                String what = e.getKey() + " [" + r.label() + "]";
                if (!e.getKey().equals(EDGE_OF_STABILITY)) {
                    assertFalse(t.diverged(), what + " diverged");
                    assertTrue(t.complete(), what + " incomplete");
                } else {
                    assertTrue(t.complete() || t.diverged(), what + ": a divergence is reported, not thrown");
                }
                assertFalse(t.frames().isEmpty(), what);
                for (Frame f : t.frames()) {
                    assertTrue(Double.isFinite(f.loss()) && Double.isFinite(f.kernelDistance()), what);
                    for (double s : f.singularValues()) assertTrue(Double.isFinite(s), what);
                }
                if (t.method().equals("gradient-flow"))
                    assertTrue(maxDrift(t) < FLOW_DRIFT_LIMIT, what + ": drift " + maxDrift(t));
            }
        }
    }

    // ---------------------------------------------------------------- each preset shows what it claims

    /** presets set up so that an exact solution applies (task-aligned, or one hidden neuron with whitened inputs) */
    static final List<String> WITH_EXACT_OVERLAY = List.of("saxe-two-modes.json", "near-degenerate-aligned.json",
            "depth-sharpens-transitions.json", "lazy-rich-lambda-balanced.json", "single-neuron-balanced.json",
            "single-neuron-upstream.json", "single-neuron-downstream.json", "single-neuron-delta-sweep.json",
            "basins-of-attraction.json", "square-lambda-balanced.json");

    @Test
    void theoryPresetsCarryAnExactOverlayThatMatchesTheSimulation() {
        for (String file : WITH_EXACT_OVERLAY) {
            for (RunSet.Labeled r : RUNS.get(file).runs()) {
                Trajectory t = r.trajectory();
                String what = file + " [" + r.label() + "]";
                assertTrue(t.exact() != null && t.exact().available(), what + ": " + (t.exact() == null ? "" : t.exact().reason()));
                double[][] exact = t.exact().singularValues();
                for (int i = 0; i < t.frames().size(); i++)
                    assertArrayEquals(exact[i], t.frames().get(i).singularValues(), 1e-6, what + " frame " + i);
            }
        }
    }

    @Test
    void saxeTwoModesHalfTimes() {
        Trajectory t = only("saxe-two-modes.json");
        // t* = ln(s/a0 − 1)/(2s)
        assertEquals(Math.log(3 / 0.01 - 1) / 6, firstTimeAbove(t, 0, 1.5), DT_TOLERANCE);
        assertEquals(Math.log(1 / 0.01 - 1) / 2, firstTimeAbove(t, 1, 0.5), DT_TOLERANCE);
    }

    @Test
    void nearDegenerateAlignedFollowsSaxeTimes() {
        Trajectory t = only("near-degenerate-aligned.json");
        double[] s = {10, 9, 1};
        for (int a = 0; a < 3; a++)
            assertEquals(Math.log(s[a] / 1e-3 - 1) / (2 * s[a]), firstTimeAbove(t, a, s[a] / 2), DT_TOLERANCE, "mode " + a);
    }

    @Test
    void nearDegenerateRandomLearnsModesOneAndTwoTogetherAndModeThreeLater() {
        for (RunSet.Labeled r : RUNS.get("near-degenerate-random.json").runs()) {
            Trajectory t = r.trajectory();
            assertTrue(firstTimeAbove(t, 0, 5) < 0.7, r.label());
            assertTrue(firstTimeAbove(t, 1, 4.5) < 0.7, r.label() + ": no gap-set delay ≈ 6.9 for mode 2");
            double t3 = firstTimeAbove(t, 2, 0.5);
            assertTrue(t3 > 3.5 && t3 < 10, r.label() + ": mode 3 at " + t3);
            assertTrue(maxKernelDistance(t) > 0.15, r.label());
        }
        assertTrue(maxKernelDistance(only("near-degenerate-aligned.json")) < 0.15);
    }

    @Test
    void depthSharpensTheTransition() {
        List<Double> widths = new ArrayList<>();
        for (RunSet.Labeled r : RUNS.get("depth-sharpens-transitions.json").runs()) {
            Trajectory t = r.trajectory();
            widths.add(firstTimeAbove(t, 0, 2.7) - firstTimeAbove(t, 0, 0.3));
        }
        assertEquals(3, widths.size());
        assertTrue(widths.get(0) > 1.5 * widths.get(1) && widths.get(1) > 1.5 * widths.get(2), widths.toString());
    }

    @Test
    void saddleToSaddleVisitsEveryPlateauAndRank() {
        Trajectory t = only("saddle-to-saddle.json");
        // ℒ_r = ½ Σ_{α>r} s_α²
        assertEquals(0.125, lossAt(t, 20.0), 0.125 * 0.05, "rank-3 plateau");   // (τ = 1e−12: the plateau spans t ≈ 16 … 30)
        assertEquals(10.625, t.frames().get(0).loss(), 0.01, "rank-0 plateau");
        int previous = 0;
        boolean[] seen = new boolean[5];
        for (Frame f : t.frames()) {
            assertTrue(f.rank() >= previous, "rank never drops");
            previous = f.rank();
            seen[f.rank()] = true;
        }
        for (int r = 0; r <= 4; r++) assertTrue(seen[r], "rank " + r);
        assertTrue(t.last().loss() < 1e-3);
    }

    @Test
    void lambdaBalancedGoesFromSigmoidalRichToExponentialLazy() {
        List<RunSet.Labeled> runs = RUNS.get("lazy-rich-lambda-balanced.json").runs();
        Trajectory rich = runs.get(0).trajectory(), lazy = runs.get(2).trajectory();
        assertTrue(maxKernelDistance(rich) > 0.1, "δ = 0 moves the kernel");
        assertTrue(maxKernelDistance(lazy) < 0.01, "δ = 10 keeps it");
        assertTrue(firstTimeAbove(lazy, 1, 0.9) < 0.3, "δ = 10 learns both modes together");
        assertTrue(firstTimeAbove(rich, 1, 0.5) > 2 * firstTimeAbove(rich, 0, 1.5), "δ = 0 learns them in sequence");
    }

    @Test
    void wideNetworkIsRichFromSmallScaleAndLazyFromLargeScale() {
        List<RunSet.Labeled> runs = RUNS.get("lazy-rich-wide-network.json").runs();
        assertTrue(runs.get(0).trajectory().last().kernelDistance() > 0.1);
        assertTrue(maxKernelDistance(runs.get(1).trajectory()) < 0.01);
        for (RunSet.Labeled r : runs) assertTrue(r.trajectory().last().loss() < 1e-3, r.label());
    }

    @Test
    void singleNeuronPresetsStartAtBetaZeroWithTheirDelta() {
        double[] kd = new double[3];
        String[] files = {"single-neuron-upstream.json", "single-neuron-balanced.json", "single-neuron-downstream.json"};
        for (int i = 0; i < 3; i++) {
            Preset p = PRESETS.get(files[i]);
            Trajectory t = only(files[i]);
            Neuron n0 = Neuron.of(t.frames().get(0));
            assertEquals(-1.0, n0.beta1(), 1e-12, files[i]);
            assertEquals(0.0, n0.beta2(), 1e-12, files[i]);
            assertTrue(n0.a > 0, files[i]);
            assertEquals(p.init.delta, n0.delta(), 1e-12, files[i] + ": δ = a² − ‖w‖² matches init.delta");
            Neuron end = Neuron.of(t.last());
            assertEquals(0.0, end.beta1(), 1e-2, files[i]);
            assertEquals(1.0, end.beta2(), 1e-2, files[i]);
            kd[i] = maxKernelDistance(t);
        }
        assertTrue(kd[0] < 0.05 && kd[0] < kd[1] && kd[1] < kd[2] && kd[2] > 0.5, "upstream lazy, downstream rich");
    }

    @Test
    void singleNeuronSweepHasExactDeltaAndTheFiguresStart() {
        RunSet set = RUNS.get("single-neuron-delta-sweep.json");
        double previousKd = Double.POSITIVE_INFINITY;
        for (RunSet.Labeled r : set.runs()) {
            double delta = Double.parseDouble(r.label().replace("δ = ", ""));
            Neuron n0 = Neuron.of(r.trajectory().frames().get(0));
            assertEquals(-1.0, n0.beta1(), 1e-9, r.label());
            assertEquals(0.0, n0.beta2(), 1e-5, r.label());
            assertTrue(n0.a > 0, r.label());
            assertEquals(delta, n0.delta(), 1e-9, r.label());
            double kd = maxKernelDistance(r.trajectory());
            assertTrue(kd < previousKd, r.label() + ": kernel distance falls as δ grows");
            previousKd = kd;
        }
    }

    @Test
    void implicitBiasInterpolatesBetweenNearestPointAndInitialDirection() {
        List<RunSet.Labeled> runs = RUNS.get("implicit-bias-low-rank.json").runs();
        for (RunSet.Labeled r : runs) {
            Neuron n0 = Neuron.of(r.trajectory().frames().get(0));
            assertEquals(0.4, n0.beta1(), 1e-5, r.label());
            assertEquals(0.05, n0.beta2(), 1e-5, r.label());
            Neuron end = Neuron.of(r.trajectory().last());
            // interpolation: Xβ = y ⇔ 0.5 β₁ + β₂ = 1.1 on the range of Σxx
            assertEquals(1.1, 0.5 * end.beta1() + end.beta2(), 1e-6, r.label());
        }
        // Theorem 1: β(∞) = argmin Φ_δ(β) − ψ_δ β̂₀ᵀβ subject to Σxx β = Σxx β*
        org.ejml.data.DMatrixRMaj sxx = new org.ejml.data.DMatrixRMaj(new double[][]{{0.25, 0.5}, {0.5, 1}});
        for (RunSet.Labeled r : runs) {
            double delta = Double.parseDouble(r.label().replace("δ = ", ""));
            Neuron n0 = Neuron.of(r.trajectory().frames().get(0)), end = Neuron.of(r.trajectory().last());
            double[] predicted = org.dlnexplorer.model.theory.NeuronFlow.implicitBias(sxx, new double[]{0.44, 0.88},
                    new double[]{n0.beta1(), n0.beta2()}, delta, 1, 1);
            assertEquals(predicted[0], end.beta1(), 1e-4, r.label());
            assertEquals(predicted[1], end.beta2(), 1e-4, r.label());
        }
        Neuron down = Neuron.of(runs.get(0).trajectory().last());   // δ = −10
        Neuron up = Neuron.of(runs.get(runs.size() - 1).trajectory().last()); // δ = 10
        assertEquals(0.74, up.beta1(), 0.01, "lazy: the interpolant nearest β₀");
        assertEquals(0.73, up.beta2(), 0.01);
        assertTrue(down.beta1() > 1.6 && down.beta2() < 0.3, "downstream heads along β₀ towards (1.76, 0.22)");
        double previous = Double.POSITIVE_INFINITY;
        for (RunSet.Labeled r : runs) {
            double b1 = Neuron.of(r.trajectory().last()).beta1();
            assertTrue(b1 < previous, r.label() + ": endpoints move monotonically with δ");
            previous = b1;
        }
    }

    @Test
    void basinsSplitAtTheSeparatingSurface() {
        for (RunSet.Labeled r : RUNS.get("basins-of-attraction.json").runs()) {
            double tau = Double.parseDouble(r.label().replace("τ = ", ""));
            Neuron n0 = Neuron.of(r.trajectory().frames().get(0));
            assertTrue(n0.a > 0, r.label());
            assertEquals(-2.0, n0.delta(), 1e-9, r.label());
            // w₀ᵀβ* + (a₀/2)(δ + √(δ² + 4‖β*‖²)) > 0 ⇔ basin of the a > 0 branch
            double side = n0.w2 + n0.a / 2 * (-2 + Math.sqrt(4 + 4));
            Neuron end = Neuron.of(r.trajectory().last());
            assertEquals(tau > 1, side > 0, r.label());
            assertEquals(tau > 1, end.a > 0, r.label() + ": ends on the branch of its basin");
            assertEquals(1.0, end.beta2(), 0.01, r.label());
            if (Math.abs(tau - 1) < 0.1)
                assertTrue(lossAt(r.trajectory(), 6.0) > 0.45, r.label() + ": lingers at the saddle loss 0.5");
        }
    }

    @Test
    void edgeOfStabilityConvergesOnlyBelowTwoOverSMin() {
        double sMin = 3 * Math.pow(5, 2.0 / 3); // L ‖β*‖^{2−2/L}, L = 3, ‖β*‖² = 5
        List<RunSet.Labeled> runs = RUNS.get(EDGE_OF_STABILITY).runs();
        double[] eta = {0.2, 0.22, 0.24};
        for (int i = 0; i < 3; i++) {
            Trajectory t = runs.get(i).trajectory();
            assertEquals("gradient-descent", t.method());
            if (2 / eta[i] > sMin) {
                assertTrue(t.last().loss() < 1e-6, runs.get(i).label() + " converges");
                assertTrue(t.last().sharpness() < 2 / eta[i], runs.get(i).label());
                assertEquals(sMin, t.last().sharpness(), 0.01 * sMin, runs.get(i).label() + " at the flattest minimum");
            } else {
                assertTrue(t.last().loss() > 1e-2, runs.get(i).label() + " cannot settle");
            }
        }
        double peak = runs.get(1).trajectory().frames().stream().mapToDouble(Frame::sharpness).max().orElseThrow();
        assertTrue(peak > 2 / 0.22, "η = 0.22 overshoots its 2/η line");
    }

    @Test
    void marionChizatSmallScaleReachesTheFlattestMinimumAndResidualStaysNear() {
        double sMin = 3 * Math.pow(1.5, 2.0 / 3); // ‖β*‖² = 1.5, L = 3
        Trajectory small = only("marion-chizat-small-scale.json");
        assertEquals(sMin, small.last().sharpness(), 0.01 * sMin);
        for (double[] layer : small.last().layerSingularValues())
            if (layer.length > 1) assertTrue(layer[1] < 0.15 * layer[0], "rank-one layers");
        Trajectory residual = only("marion-chizat-residual.json");
        assertTrue(residual.last().loss() < 1e-10);
        assertTrue(residual.last().sharpness() > 1.3 * sMin);
        assertTrue(maxKernelDistance(residual) < 0.01);
        assertTrue(maxKernelDistance(small) > 0.2);
    }

    @Test
    void conservationHoldsForFlowAndDriftsLinearlyInEtaForDescent() {
        assertTrue(maxDrift(only("conservation-gradient-flow.json")) < FLOW_DRIFT_LIMIT);
        List<RunSet.Labeled> gd = RUNS.get("conservation-gradient-descent.json").runs();
        for (int i = 1; i < gd.size(); i++) {
            double ratio = maxDrift(gd.get(i - 1).trajectory()) / maxDrift(gd.get(i).trajectory());
            assertTrue(ratio > 1.6 && ratio < 3.0, "halving η halves the drift: ratio " + ratio);
        }
        assertTrue(maxDrift(gd.get(gd.size() - 1).trajectory()) > 1e-3);
    }

    @Test
    void squareLambdaBalancedIsRichAtZeroAndLazyAtPlusMinusFiveWithTheTheoryOverlaid() {
        List<RunSet.Labeled> runs = RUNS.get("square-lambda-balanced.json").runs();
        assertTrue(maxKernelDistance(runs.get(0).trajectory()) < 0.01);
        assertTrue(maxKernelDistance(runs.get(1).trajectory()) > 0.1);
        assertTrue(maxKernelDistance(runs.get(2).trajectory()) < 0.01);
        for (RunSet.Labeled r : runs) {
            Trajectory t = r.trajectory();
            assertTrue(t.last().loss() < 1e-4, r.label());
            assertNotNull(t.exact(), r.label());
            assertTrue(t.exact().available(), r.label() + ": " + t.exact().reason());
            double[][] exact = t.exact().singularValues();
            for (int i = 0; i < t.frames().size(); i++)
                assertArrayEquals(exact[i], t.frames().get(i).singularValues(), 1e-6, r.label() + " frame " + i);
        }
        assertSameEffectiveWeight(runs.get(0).trajectory(), runs.get(2).trajectory());
    }

    @Test
    void squareLambdaBalancedFromARandomStartIsRicherAtZeroAndStillLazyAtPlusMinusFive() {
        List<RunSet.Labeled> runs = RUNS.get("square-lambda-balanced-random.json").runs();
        assertTrue(maxKernelDistance(runs.get(0).trajectory()) < 0.01);
        assertTrue(maxKernelDistance(runs.get(1).trajectory()) > 0.2);
        assertTrue(maxKernelDistance(runs.get(2).trajectory()) < 0.01);
        for (RunSet.Labeled r : runs) assertTrue(r.trajectory().last().loss() < 1e-4, r.label());
        assertSameEffectiveWeight(runs.get(0).trajectory(), runs.get(2).trajectory());
    }

    /** λ = ±5: the dynamics of W₂W₁ depend on λ² only */
    static void assertSameEffectiveWeight(Trajectory a, Trajectory b) {
        for (int i = 0; i < a.frames().size(); i += 40)
            assertArrayEquals(a.frames().get(i).singularValues(), b.frames().get(i).singularValues(), 1e-6);
    }

    // ---------------------------------------------------------------- helpers

    static Trajectory only(String file) {
        RunSet set = RUNS.get(file);
        assertEquals(1, set.runs().size(), file);
        return set.runs().get(0).trajectory();
    }

    static double firstTimeAbove(Trajectory t, int mode, double level) {
        for (Frame f : t.frames()) if (f.singularValue(mode) >= level) return f.t();
        return Double.POSITIVE_INFINITY;
    }

    static double lossAt(Trajectory t, double time) {
        Frame best = t.frames().get(0);
        for (Frame f : t.frames()) if (Math.abs(f.t() - time) < Math.abs(best.t() - time)) best = f;
        return best.loss();
    }

    static double maxKernelDistance(Trajectory t) {
        return t.frames().stream().mapToDouble(Frame::kernelDistance).max().orElseThrow();
    }

    static double maxDrift(Trajectory t) {
        return t.frames().stream().mapToDouble(Frame::balanceDrift).max().orElseThrow();
    }

    /** One hidden neuron (widths [2, 1, 1]): W_1 = wᵀ, W_2 = a, β = a w, δ = a² − ‖w‖² (unit rates). */
    record Neuron(double w1, double w2, double a) {
        static Neuron of(Frame f) {
            double[][] w = f.weights();
            return new Neuron(w[0][0], w[0][1], w[1][0]);
        }

        double beta1() { return a * w1; }
        double beta2() { return a * w2; }
        double delta() { return a * a - (w1 * w1 + w2 * w2); }
    }
}
