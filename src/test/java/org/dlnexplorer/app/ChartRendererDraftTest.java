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

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The painters' draft quality and dirty-skip (issue 19, part 2): a draft is a different, cheaper picture;
 * the full-quality picture painted after drafts is pixel for pixel the picture painted without any; a view
 * whose inputs did not change (a view that does not apply) is not painted again, and its picture is the one
 * a fresh painter draws for the new run set.
 */
class ChartRendererDraftTest {
    private static final long WAIT_MILLIS = 60_000;

    /** the preset's run set with δ set (TheoryRun per member, as the service computes it) */
    static RunSet runs(String name, double delta) throws Exception {
        Preset p = BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
        Params b = Params.of(p);
        Params q = new Params(delta, b.tau(), b.depth(), b.width(), b.learningRate(), b.method(), b.targets(), b.seed(),
                b.duration(), b.leak(), b.taught());
        List<RunSet.Labeled> out = new ArrayList<>();
        for (CompareSetRunner.Member m : PresetCompiler.compileSet(q.applyTo(p), name))
            out.add(new RunSet.Labeled(m.label(), TheoryRun.run(m.spec())));
        return new RunSet(p.name, out);
    }

    /** the preset's image views at grid-like sizes */
    static Map<ViewId, ChartRenderer.ViewState> views(String name) throws Exception {
        Preset p = BundledPresets.readFileOrName(Path.of("presets/" + name + ".json"));
        Map<ViewId, ChartRenderer.ViewState> out = new EnumMap<>(ViewId.class);
        for (ViewId v : ViewId.panelsOrAll(p))
            if (v.cell() != ViewId.CellKind.SWEEP) out.put(v, new ChartRenderer.ViewState(410 * v.columnSpan(), 308, 0, 0));
        return out;
    }

    /** paint the job and wait for its frame (every lane's images of it merged) */
    static ChartRenderer.Frame paint(ChartRenderer r, ChartRenderer.Job job) throws InterruptedException {
        r.request(job);
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!r.idle()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("no frame for job " + job.seq());
            Thread.sleep(5);
        }
        ChartRenderer.Frame f = r.poll();
        assertNotNull(f, "job " + job.seq());
        assertEquals(job.seq(), f.seq());
        return f;
    }

    private static void recycle(ChartRenderer r, ChartRenderer.Frame f) {
        f.images().values().forEach(p -> r.recycle(p.image()));
    }

    static int[] pixels(BufferedImage b) {
        return b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    }

    private static ChartRenderer.Job job(long seq, RunSet runs, Map<ViewId, ChartRenderer.ViewState> views, boolean draft) {
        return new ChartRenderer.Job(seq, runs, true, Double.NaN, false, false, views, draft);
    }

    @Test
    void theFullPictureAfterDraftsIsPixelForPixelThePictureWithoutThem() throws Exception {
        for (String name : List.of("saxe-two-modes", "single-neuron-delta-sweep")) {
            RunSet rs = runs(name, 0.4);
            Map<ViewId, ChartRenderer.ViewState> views = views(name);
            Map<ViewId, int[]> reference = new EnumMap<>(ViewId.class);
            try (ChartRenderer fresh = new ChartRenderer(ChartStyle.screen(), 1)) {
                paint(fresh, job(1, rs, views, false)).images().forEach((v, p) -> reference.put(v, pixels(p.image())));
            }
            try (ChartRenderer dragged = new ChartRenderer(ChartStyle.screen(), 2)) {
                // drafts of another run set first (the charts hold it), then of this one, then the release
                // each picture's image goes back to the spares, as the window hands them back: the next
                // picture is painted into the last one's pixels (a chart covering them all is not cleared first)
                recycle(dragged, paint(dragged, job(1, runs(name, -0.4), views, true)));
                ChartRenderer.Frame draft = paint(dragged, job(2, rs, views, true));
                Map<ViewId, int[]> draftPixels = new EnumMap<>(ViewId.class);
                draft.images().forEach((v, p) -> { if (p.image() != null) draftPixels.put(v, pixels(p.image())); });
                recycle(dragged, draft);
                ChartRenderer.Frame full = paint(dragged, job(3, rs, views, false));
                assertEquals(reference.keySet(), full.images().keySet(), name);
                int differ = 0;
                for (Map.Entry<ViewId, ChartRenderer.Painted> e : full.images().entrySet()) {
                    ChartRenderer.Painted d = draft.images().get(e.getKey());
                    assertTrue(d.draft() && !e.getValue().draft(), name + " " + e.getKey());
                    assertNotNull(e.getValue().image(), name + " " + e.getKey() + ": the draft must be painted over");
                    assertArrayEquals(reference.get(e.getKey()), pixels(e.getValue().image()), name + " " + e.getKey() + " after drafts");
                    if (d.image() != null && !Arrays.equals(draftPixels.get(e.getKey()), reference.get(e.getKey()))) differ++;
                }
                // the drafts are other pictures (no antialiasing, coarser lines) for the views that draw data
                assertTrue(differ >= 3, name + ": only " + differ + " drafts differ from the full picture");
            }
        }
    }

    /**
     * One lane and two: with two, a view the renderer moves to the other lane between the jobs (the split
     * follows measured paint times, so it can differ from run to run) is rebuilt there and painted afresh;
     * every view that stays in its lane and does not apply is kept.
     */
    @Test
    void aViewWhoseInputsDidNotChangeIsNotPaintedAgain() throws Exception {
        String name = "saxe-two-modes";
        Map<ViewId, ChartRenderer.ViewState> views = views(name);
        RunSet a = runs(name, -0.3), b = runs(name, 0.3);
        for (int lanes = 1; lanes <= 2; lanes++) {
            try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), lanes)) {
                paint(r, job(1, a, views, false));
                Map<ViewId, Integer> laneBefore = r.lanesOfViews();
                ChartRenderer.Frame second = paint(r, job(2, b, views, false));
                Map<ViewId, Integer> laneAfter = r.lanesOfViews();
                List<ViewId> skipped = new ArrayList<>();
                for (ViewId v : views.keySet()) {
                    ChartRenderer.Painted p = second.images().get(v);
                    String where = lanes + " lane(s), " + v;
                    assertNotNull(p, where + ": every view answers for the new run set");
                    assertSame(b, p.runs(), where);
                    boolean applies = v.whyNot(b) == null;
                    boolean stayed = laneBefore.get(v).equals(laneAfter.get(v));
                    assertEquals(!applies && stayed, p.unchanged(), where + (applies ? " draws the run: painted again"
                            : stayed ? " shows its message: kept" : " moved lanes: painted afresh"));
                    if (p.unchanged()) skipped.add(v);
                }
                if (lanes == 1) assertFalse(skipped.isEmpty(), "saxe-two-modes shows views that do not apply to it");
                // the kept picture is exactly the one a fresh painter draws for the new run set
                try (ChartRenderer fresh = new ChartRenderer(ChartStyle.screen(), 1);
                     ChartRenderer first = new ChartRenderer(ChartStyle.screen(), 1)) {
                    Map<ViewId, ChartRenderer.Painted> now = paint(fresh, job(1, b, views, false)).images();
                    Map<ViewId, ChartRenderer.Painted> before = paint(first, job(1, a, views, false)).images();
                    for (ViewId v : skipped)
                        assertArrayEquals(pixels(before.get(v).image()), pixels(now.get(v).image()), v.toString());
                }
                // a cursor move or a new size is a change of inputs: painted again
                Map<ViewId, ChartRenderer.ViewState> larger = new EnumMap<>(ViewId.class);
                views.forEach((v, s) -> larger.put(v, new ChartRenderer.ViewState(s.width() + 10, s.height(), 0, 0)));
                ChartRenderer.Frame resized = paint(r, job(3, b, larger, false));
                for (ViewId v : skipped) assertFalse(resized.images().get(v).unchanged(), v + " at a new size");
            }
        }
    }
}
