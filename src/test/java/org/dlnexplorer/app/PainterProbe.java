package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.engine.CompareSetRunner;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.theory.TheoryRun;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Manual probe (not a test: run with -Dtest=PainterProbe): the painters' CPU per picture and per view while a
 * control is dragged, without the window, the simulation or the machine's other load in the figure. For each
 * preset (-Dprobe.presets=a,b; default the three of issue 19), the run sets of -Dprobe.steps values of the
 * dragged parameter (δ, or log₁₀ τ where the preset fixes δ's role: -Dprobe.parameter=tau) are computed first;
 * then each view is painted for every run set in turn (drafts, as while dragging, and full pictures, as on
 * release), on one lane, and the lane's thread CPU time is reported per picture.
 */
class PainterProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void painters() throws Exception {
        String presets = System.getProperty("probe.presets", "single-neuron-delta-sweep:tau,lazy-rich-lambda-balanced:tau,saxe-two-modes:delta");
        int steps = Integer.getInteger("probe.steps", 16), rounds = Integer.getInteger("probe.rounds", 6);
        String only = System.getProperty("probe.views");   // a comma-separated list of views, or all
        int w = Integer.getInteger("probe.width", 520), h = Integer.getInteger("probe.height", 320);
        for (String spec : presets.split(",")) {
            String name = spec.split(":")[0];
            boolean tau = spec.endsWith(":tau");
            List<RunSet> sets = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                double x = i / (steps - 1.0);
                sets.add(tau ? runs(name, Double.NaN, Math.pow(10, -2 + 2.5 * x)) : runs(name, -3 + 6 * x, Double.NaN));
            }
            Preset p = BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
            Map<ViewId, ChartRenderer.ViewState> all = new EnumMap<>(ViewId.class);
            for (ViewId v : ViewId.panelsOrAll(p))
                if (v.cell() != ViewId.CellKind.SWEEP && (only == null || only.contains(v.cliName()))) all.put(v, new ChartRenderer.ViewState(w * v.columnSpan(), h, 0, 0));
            try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), 1)) {
                long seq = 0;
                for (int warm = 0; warm < Integer.getInteger("probe.warmup", rounds); warm++)
                    for (RunSet rs : sets) {
                        paint(r, new ChartRenderer.Job(++seq, rs, true, Double.NaN, false, false, all, true));
                        paint(r, new ChartRenderer.Job(++seq, rs, true, Double.NaN, false, false, all, false));
                    }
                StringBuilder out = new StringBuilder(name + " (" + (tau ? "τ" : "δ") + ", " + w + "×" + h + ", ms CPU per picture):");
                String modes = System.getProperty("probe.modes", "draft,full");
                for (String mode : modes.split(",")) {
                    boolean draft = mode.equals("draft");
                    double total = 0;
                    StringBuilder per = new StringBuilder();
                    for (ViewId v : all.keySet()) {
                        Map<ViewId, ChartRenderer.ViewState> one = Map.of(v, all.get(v));
                        long cpu0 = laneCpu();
                        for (int k = 0; k < rounds; k++)
                            for (RunSet rs : sets) paint(r, new ChartRenderer.Job(++seq, rs, true, Double.NaN, false, false, one, draft));
                        double ms = (laneCpu() - cpu0) / 1e6 / (rounds * sets.size());
                        total += ms;
                        per.append(String.format(" %s %.2f", v.cliName(), ms));
                    }
                    out.append(String.format("%n  %s: total %.2f |%s", draft ? "draft" : "full ", total, per));
                }
                System.out.println(out);
            }
        }
    }

    /** the preset's run set with δ or τ set (NaN: the preset's own) */
    static RunSet runs(String name, double delta, double tau) throws Exception {
        Preset p = BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
        Params b = Params.of(p);
        Params q = new Params(Double.isNaN(delta) ? b.delta() : delta, Double.isNaN(tau) ? b.tau() : tau, b.depth(), b.width(),
                b.learningRate(), b.method(), b.targets(), b.seed(), b.duration(), b.leak(), b.taught());
        List<RunSet.Labeled> out = new ArrayList<>();
        for (CompareSetRunner.Member m : PresetCompiler.compileSet(q.applyTo(p), name))
            out.add(new RunSet.Labeled(m.label(), TheoryRun.run(m.spec())));
        return new RunSet(p.name, out);
    }

    private static void paint(ChartRenderer r, ChartRenderer.Job job) throws InterruptedException {
        r.request(job);
        while (!r.idle()) Thread.sleep(0, 200_000);
        ChartRenderer.Frame f = r.poll();   // the images back to the painter, as the app hands them back
        if (f != null) f.images().values().forEach(p -> r.recycle(p.image()));
    }

    /** CPU time of the painting threads */
    private static long laneCpu() {
        long sum = 0;
        for (ThreadInfo t : THREADS.dumpAllThreads(false, false))
            if (t.getThreadName().startsWith("dln-chart-render-")) sum += THREADS.getThreadCpuTime(t.getThreadId());
        return sum;
    }
}
