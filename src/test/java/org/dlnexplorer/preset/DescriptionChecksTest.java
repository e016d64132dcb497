package org.dlnexplorer.preset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dlnexplorer.export.PresetRunner;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Preset descriptions quote only what their simulation gives: every number in a checked description is the
 * preset's own parameter, a reference (§, Theorem, Fig, year), or an entry of description-checks.json whose
 * observable is asserted within the quote's printed precision (half a unit of its last digit).
 */
class DescriptionChecksTest {
    /** section, theorem, figure and year references: not quantities */
    private static final Pattern REFERENCE = Pattern.compile(
            "(Theorem|Thm|Lemma|Definition|Figs?|§|Eq\\.?|Section|Prop\\.?|Corollary)\\s*[\\d.–\\-, b]+[a-z]?|\\b(19|20)\\d\\d\\b");
    /** a number as printed: 0.39, −10, 1.5e−6 (not inside a word or a sub/superscript like W_{ℓ+1}) */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w_^{+])[−-]?\\d+(?:\\.\\d+)?(?:e[−-]?\\d+)?");

    static JsonObject checks() {
        var in = DescriptionChecksTest.class.getResourceAsStream("/description-checks.json");
        assertNotNull(in, "description-checks.json on the test class path");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void everyNumberACheckedDescriptionQuotesIsItsSimulationsWithinPrintedPrecision() throws Exception {
        JsonObject all = checks();
        int checked = 0;
        for (String file : all.keySet()) {
            if (file.startsWith("_")) continue;
            Preset p = BundledPresets.read(file);
            RunSet rs = PresetRunner.runSet(p, file);
            JsonArray entries = all.getAsJsonArray(file);
            Set<String> covered = new HashSet<>(), inText = new HashSet<>();
            for (String n : quoted(p.description)) inText.add(normal(n));
            for (JsonElement e : entries) {
                JsonObject c = e.getAsJsonObject();
                String quote = c.get("quote").getAsString();
                assertTrue(inText.contains(normal(quote)), file + ": a check quotes " + quote + ", which the description does not");
                covered.add(normal(quote));
                if (c.has("input")) continue;
                double q = parse(quote), half = halfUnit(quote);
                String compare = c.has("compare") ? c.get("compare").getAsString() : "approx";
                for (double v : observe(rs, c.get("member").getAsString(), c.get("observable").getAsString())) {
                    String what = file + ": " + quote + " (" + c.get("observable").getAsString() + " of "
                            + c.get("member").getAsString() + ") is " + v;
                    switch (compare) {
                        case "le" -> assertTrue(v <= q + half, what);
                        case "ge" -> assertTrue(v >= q - half, what);
                        default -> assertEquals(q, v, half, what);
                    }
                    checked++;
                }
            }
            Set<Double> given = new HashSet<>();
            numbers(PresetIo.gson().toJsonTree(p), given);
            for (String n : quoted(p.description)) {
                if (covered.contains(normal(n)) || given.contains(Math.abs(parse(n))) || given.contains(parse(n))) continue;
                fail(file + ": the description quotes " + n + ", which no check in description-checks.json covers");
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void theReportedMisquotesAreGone() {
        // the issue's three: numbers the simulation does not give
        assertFalse(BundledPresets.load().entries().stream().anyMatch(e ->
                e.file().equals("conservation-gradient-descent.json") && e.preset().description.contains("0.30")));
        for (String f : new String[]{"conservation-gradient-descent.json", "marion-chizat-small-scale.json", "implicit-bias-low-rank.json"})
            assertTrue(checks().has(f), f + " is checked");
    }

    /** numbers in the text that are quantities (references removed) */
    static List<String> quoted(String description) {
        String d = REFERENCE.matcher(description).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(d);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static String normal(String s) { return s.replace('−', '-'); }

    private static double parse(String s) { return Double.parseDouble(normal(s)); }

    /** half a unit of the last printed digit: 0.39 → 0.005, 1.5e−6 → 0.05e−6, 4 → 0.5 */
    static double halfUnit(String s) {
        String n = normal(s);
        int e = n.indexOf('e');
        BigDecimal mantissa = new BigDecimal(e < 0 ? n : n.substring(0, e));
        double unit = Math.pow(10, -mantissa.scale());
        if (e >= 0) unit *= Math.pow(10, Integer.parseInt(n.substring(e + 1)));
        return unit / 2;
    }

    private static void numbers(JsonElement e, Set<Double> out) {
        if (e == null || e.isJsonNull()) return;
        if (e.isJsonObject()) {
            for (var kv : e.getAsJsonObject().entrySet())
                if (!kv.getKey().equals("name") && !kv.getKey().equals("description")) numbers(kv.getValue(), out);
        } else if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) numbers(x, out);
        } else if (e.getAsJsonPrimitive().isNumber()) {
            out.add(Math.abs(e.getAsDouble()));
            out.add(e.getAsDouble());
        }
    }

    /** the observable's values (several for the all-layer ones) on the member */
    static List<Double> observe(RunSet rs, String member, String observable) {
        Trajectory t = member.isEmpty() ? rs.runs().get(0).trajectory()
                : rs.runs().stream().filter(l -> l.label().equals(member)).findFirst()
                        .orElseThrow(() -> new AssertionError("no member " + member)).trajectory();
        Frame first = t.frames().get(0), last = t.last();
        List<Double> out = new ArrayList<>();
        Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(observable);
        int i = idx.find() ? Integer.parseInt(idx.group(1)) : -1;
        if (observable.startsWith("drift@")) {
            double at = Double.parseDouble(observable.substring(6));
            for (Frame f : t.frames()) if (Math.abs(f.t() - at) < 1e-9) out.add(f.balanceDrift());
            assertFalse(out.isEmpty(), "a frame at t = " + at);
        } else if (observable.equals("driftMax"))
            out.add(t.frames().stream().mapToDouble(Frame::balanceDrift).max().orElseThrow());
        else if (observable.startsWith("tBelow@")) out.add(timeBelow(t, Double.parseDouble(observable.substring(7))));
        else if (observable.startsWith("rest")) out.add(atRest(t, observable));
        else if (observable.equals("nuclear")) out.add(org.dlnexplorer.model.observe.Recovery.nuclearNorm(last));
        else if (observable.equals("effRank")) out.add(last.effectiveRank());
        else if (observable.equals("eps0")) out.add(epsilon0(t));
        else if (observable.equals("hyp")) out.add(32 * t.depth() * Math.sqrt(epsilon0(t)));
        else if (observable.equals("alignMin"))
            out.add(java.util.Arrays.stream(org.dlnexplorer.model.observe.LayerStructure.alignment(t.widths(), last.weights())).min().orElseThrow());
        else if (observable.equals("recovery")) out.add(org.dlnexplorer.model.observe.Recovery.error(last, t.setup().task()));
        else if (observable.equals("minNuclear")) out.add(org.dlnexplorer.model.theory.Overlays.evaluate(
                org.dlnexplorer.model.theory.Overlays.MIN_NUCLEAR_NORM, org.dlnexplorer.model.theory.OverlayInput.of(t)).number("value"));
        else if (observable.startsWith("dir0[")) out.add(first.effectiveWeight()[i] / norm(first.effectiveWeight()));
        else if (observable.equals("aEnd")) out.add(last.weights()[t.depth() - 1][0]);
        else if (observable.equals("a0")) out.add(first.weights()[t.depth() - 1][0]);
        else if (observable.startsWith("w0[")) out.add(first.weights()[0][i]);
        else if (observable.startsWith("beta0[")) out.add(first.effectiveWeight()[i]);
        else if (observable.startsWith("beta[")) out.add(last.effectiveWeight()[i]);
        else if (observable.startsWith("sv[")) out.add(last.singularValues()[i]);
        else if (observable.equals("layerTop")) for (double[] s : last.layerSingularValues()) out.add(s[0]);
        else if (observable.equals("layerRest")) {
            for (double[] s : last.layerSingularValues()) for (int k = 1; k < s.length; k++) out.add(s[k]);
        } else if (observable.equals("Send")) out.add(last.kernelDistance());
        else if (observable.equals("Smax")) out.add(org.dlnexplorer.model.observe.Regime.peakKernelDistance(t));
        else if (observable.equals("sharpness")) out.add(last.sharpness());
        else if (observable.equals("scaledChange")) out.add((t.setup().network().frozenOutput() ? t.depth() - 1 : t.depth()) * last.layerChange());
        else if (observable.equals("sharpnessMax")) {
            out.add(t.frames().stream().mapToDouble(Frame::sharpness).filter(s -> !Double.isNaN(s)).max().orElse(Double.NaN));
        } else if (observable.equals("lossLate")) {
            List<Frame> fs = t.frames();
            for (Frame f : fs.subList(fs.size() / 2, fs.size())) out.add(f.loss());
        }
        else if (observable.equals("sharpnessOverMin")) {
            // S_min = L‖β‖^{2−2/L} at the reached minimizer β (Marion & Chizat's lower bound)
            int depth = last.layerSingularValues().length;
            out.add(last.sharpness() / (depth * Math.pow(norm(last.effectiveWeight()), 2 - 2.0 / depth)));
        } else if (observable.equals("loss0")) out.add(first.loss());
        else if (observable.startsWith("tHalf[")) out.add(halfTime(t, i));
        else if (observable.startsWith("rise[")) out.add(levelTime(t, i, 0.9) - levelTime(t, i, 0.1));
        else if (observable.equals("hamming")) out.add(last.hamming());
        else if (observable.equals("paramDist")) out.add(last.parameterDistance());
        else if (observable.equals("testLoss")) out.add(last.testLoss());
        else if (observable.equals("tFit"))
            out.add(org.dlnexplorer.model.sweep.CellMetrics.timeToFit(t.frames(),
                    t.isPiecewise() ? 0.0 : t.setup().task().minimumLoss()));
        else if (observable.equals("limitGap")) out.add(limitGap(t));
        else if (observable.equals("muMin") || observable.startsWith("tPhi@") || observable.equals("nuEnd")
                || observable.equals("tCross")) out.add(neuron(t, observable));
        else fail("unknown observable " + observable);
        return out;
    }

    /**
     * One hidden neuron's App. A variables from the recorded weights (W_1 = wᵀ, W_2 = a): muMin (the least
     * μ = a‖w‖), tPhi@X (first t with φ = cos∠(w, β*) ≥ X, linear between frames), nuEnd (ν = wᵀβ* / a at t_end),
     * tCross (when a changes sign, linear between frames)
     */
    static double neuron(Trajectory t, String observable) {
        double[] b = t.setup().task().target().data;
        int n = t.frames().size();
        double[] time = t.times(), a = new double[n], mu = new double[n], phi = new double[n], nu = new double[n];
        for (int k = 0; k < n; k++) {
            double[][] w = t.frames().get(k).weights();
            a[k] = w[1][0];
            double ww = 0, wb = 0, bb = 0;
            for (int j = 0; j < b.length; j++) { ww += w[0][j] * w[0][j]; wb += w[0][j] * b[j]; bb += b[j] * b[j]; }
            mu[k] = a[k] * Math.sqrt(ww);
            phi[k] = wb / Math.sqrt(ww * bb);
            nu[k] = wb / a[k];
        }
        if (observable.equals("muMin")) return java.util.Arrays.stream(mu).min().orElseThrow();
        if (observable.equals("nuEnd")) return nu[n - 1];
        double level = observable.startsWith("tPhi@") ? Double.parseDouble(observable.substring(5)) : 0;
        for (int k = 1; k < n; k++) {
            double lo = observable.equals("tCross") ? a[k - 1] * Math.signum(a[0]) : phi[k - 1] - level;
            double hi = observable.equals("tCross") ? a[k] * Math.signum(a[0]) : phi[k] - level;
            if (lo > 0 == observable.equals("tCross") && (hi > 0) != (lo > 0))
                return time[k - 1] + lo / (lo - hi) * (time[k] - time[k - 1]);
        }
        fail(observable + " never happens on " + t.name());
        return Double.NaN;
    }

    /** Marion & Chizat's ε of θ(0), from the first frame's layers */
    static double epsilon0(Trajectory t) {
        return org.dlnexplorer.model.theory.MarionChizat.smallScaleEpsilon(t.setup().network(), t.frames().get(0).theta());
    }

    /** ‖β(t_end) − β(∞)‖ with β(∞) from the implicit-bias overlay, else the deep-implicit-bias or hyperbolic-entropy one */
    static double limitGap(Trajectory t) {
        var in = org.dlnexplorer.model.theory.OverlayInput.of(t);
        for (String id : new String[]{org.dlnexplorer.model.theory.Overlays.IMPLICIT_BIAS, org.dlnexplorer.model.theory.Overlays.DEEP_IMPLICIT_BIAS,
                org.dlnexplorer.model.theory.Overlays.HYPERBOLIC_ENTROPY}) {
            var r = org.dlnexplorer.model.theory.Overlays.evaluate(id, in);
            if (!r.available()) continue;
            double[] b = r.array("beta"), e = t.last().effectiveWeight();
            double s = 0;
            for (int i = 0; i < b.length; i++) s += (b[i] - e[i]) * (b[i] - e[i]);
            return Math.sqrt(s);
        }
        fail("neither implicit-bias overlay applies to " + t.name());
        return Double.NaN;
    }

    /**
     * restIndex@X, restMin@X, restLarge@X: at the stillest frame of the longest rest within 1 % of the loss level X
     * (Rest), the Hessian index, λ_min, and the number of eigenvalues at most λ_min/10
     */
    static double atRest(Trajectory t, String observable) {
        int at = observable.indexOf('@');
        org.dlnexplorer.model.observe.Rest rest = org.dlnexplorer.model.observe.Rest.on(t.frames(),
                Double.parseDouble(observable.substring(at + 1)), org.dlnexplorer.model.observe.Rest.TOLERANCE);
        assertNotNull(rest, "the run rests on " + observable.substring(at + 1));
        Frame f = t.frames().get(rest.stillest(t.frames()));
        assertTrue(f.hasHessian(), "the run records the Hessian");
        return switch (observable.substring(0, at)) {
            case "restIndex" -> f.hessianIndex();
            case "restMin" -> f.hessianMin();
            case "restLarge" -> java.util.Arrays.stream(f.hessianBottom()).filter(v -> v <= f.hessianMin() / 10).count();
            default -> fail("unknown observable " + observable);
        };
    }

    /** first t with loss(t) = level, linear between the bracketing frames (the end of a plateau above it) */
    static double timeBelow(Trajectory t, double level) {
        double prevT = 0, prevL = Double.NaN;
        for (Frame f : t.frames()) {
            if (f.loss() <= level) return Double.isNaN(prevL) ? f.t() : prevT + (prevL - level) / (prevL - f.loss()) * (f.t() - prevT);
            prevT = f.t();
            prevL = f.loss();
        }
        return Double.NaN;
    }

    private static double norm(double[] v) { return Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum()); }

    /** first t with σ_i(W_eff)(t) = σ_i(t_end)/2, linear between the bracketing frames (Saxe's t* for a sigmoid) */
    static double halfTime(Trajectory t, int i) { return levelTime(t, i, 0.5); }

    /** first t with σ_i(W_eff)(t) = level·σ_i(t_end), linear between the bracketing frames */
    static double levelTime(Trajectory t, int i, double level) {
        double goal = t.last().singularValues()[i] * level, prevT = 0, prevS = 0;
        for (Frame f : t.frames()) {
            double s = f.singularValues()[i];
            if (s >= goal) return f == t.frames().get(0) ? f.t() : prevT + (goal - prevS) / (s - prevS) * (f.t() - prevT);
            prevT = f.t();
            prevS = s;
        }
        return Double.NaN;
    }
}
