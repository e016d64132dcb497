package org.dlnexplorer.export;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.Fmt;
import org.dlnexplorer.chart.ViewChart;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.engine.CancellationToken;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.model.sweep.AxisLabels;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetPaths;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One view as an animation: the run unfolding (frame k draws the trajectories up to
 * t_k = T·k/(N − 1), the time cursor at t_k, the axes fixed to the whole run's), or a parameter dragged
 * (frame k draws the whole run set of the preset with FIELD = FROM + (TO − FROM)·k/(N − 1)). Each frame
 * carries its t or its parameter value in the corner. N = seconds × fps.
 */
public final class AnimatedView {
    public static final double MAX_SECONDS = 120, MAX_FPS = 60;
    /** a sweep re-simulates every frame: at most this many */
    public static final int MAX_SWEEP_FRAMES = 600;

    private AnimatedView() {}

    /** `--sweep FIELD=FROM:TO` */
    public record Sweep(String field, double from, double to) {
        public static Sweep parse(String spec, Preset p) throws ExportException {
            int eq = spec.indexOf('=');
            String[] range = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":");
            if (eq <= 0 || range.length != 2) throw new ExportException("--sweep " + spec + ": expected FIELD=FROM:TO");
            String field = spec.substring(0, eq);
            double from, to;
            try {
                from = Double.parseDouble(range[0]);
                to = Double.parseDouble(range[1]);
            } catch (NumberFormatException e) {
                throw new ExportException("--sweep " + spec + ": FROM and TO must be numbers");
            }
            if (!Double.isFinite(from) || !Double.isFinite(to) || from == to)
                throw new ExportException("--sweep " + spec + ": FROM and TO must be finite and differ");
            try {
                PresetPaths.checkSettable(p, field);
            } catch (IllegalArgumentException e) {
                throw new ExportException("--sweep " + spec + ": " + e.getMessage());
            }
            return new Sweep(field, from, to);
        }

        double at(double u) { return from + u * (to - from); }
    }

    /** how many frames: seconds × fps, at least 2 */
    public static int frames(double seconds, double fps) { return Math.max(2, (int) Math.round(seconds * fps)); }

    /** The run unfolding over time into the encoder. */
    public static void time(ViewId id, Preset p, String source, int frames, int width, int height,
                            AnimationEncoder out, CancellationToken token) throws PresetException, IOException {
        RunSet runs = PresetRunner.runSet(withSharpnessIfShown(id, p), source, token);
        double end = 0;
        for (RunSet.Labeled r : runs.runs()) if (!r.trajectory().frames().isEmpty()) end = Math.max(end, r.trajectory().last().t());
        ViewChart chart = chart(id, p);
        chart.update(runs, Double.NaN);
        Range[] axes = axes(chart.chart());
        for (int k = 0; k < frames && !token.isCancelled(); k++) {
            double t = end * k / (frames - 1);
            chart.update(upTo(runs, t), t);
            fix(chart.chart(), axes);
            out.add(draw(chart, width, height, "t = " + Fmt.num(t)));
        }
    }

    /** The view while a parameter is dragged from → to, into the encoder. */
    public static void sweep(ViewId id, Preset p, String source, Sweep s, int frames, int width, int height,
                             AnimationEncoder out, CancellationToken token) throws PresetException, IOException {
        ViewChart chart = chart(id, p);
        for (int k = 0; k < frames && !token.isCancelled(); k++) {
            double v = s.at(k / (double) (frames - 1));
            Preset pk;
            try {
                pk = PresetPaths.with(p, s.field(), v);
            } catch (IllegalArgumentException e) {
                throw new PresetException(source, s.field(), e.getMessage());
            }
            RunSet runs = PresetRunner.runSet(withSharpnessIfShown(id, pk), source, token);
            chart.update(runs, Double.NaN);
            out.add(draw(chart, width, height, AxisLabels.symbol(s.field()) + " = " + Fmt.num(v)));
        }
    }

    private static Preset withSharpnessIfShown(ViewId id, Preset p) {
        return id == ViewId.SHARPNESS ? PresetCompiler.withSharpness(p) : p;
    }

    private static ViewChart chart(ViewId id, Preset p) {
        ViewChart c = ViewChart.create(id, ChartStyle.slide());
        c.setLogTime(flag(p, "logTime"));
        c.setLogLoss(flag(p, "logLoss"));
        return c;
    }

    private static boolean flag(Preset p, String key) {
        return p.view != null && p.view.has(key) && p.view.get(key).isJsonPrimitive() && p.view.get(key).getAsBoolean();
    }

    /** every member's frames with t ≤ t (at least its first) */
    static RunSet upTo(RunSet runs, double t) {
        List<RunSet.Labeled> out = new ArrayList<>();
        for (RunSet.Labeled r : runs.runs()) {
            Trajectory tr = r.trajectory();
            List<Frame> f = tr.frames();
            int n = 0;
            while (n < f.size() && f.get(n).t() <= t + 1e-12 * Math.max(1, Math.abs(t))) n++;
            n = Math.max(1, Math.min(n, f.size()));
            boolean all = n == f.size();
            out.add(new RunSet.Labeled(r.label(), new Trajectory(tr.name(), tr.method(), tr.widths(), f.subList(0, n),
                    all && tr.diverged(), all ? tr.divergedAtStep() : null, tr.complete(), tr.steps(), tr.exact(),
                    tr.setup(), all ? tr.stopped() : null)));
        }
        return new RunSet(runs.title(), out);
    }

    /** the whole run's axis ranges (domain, then range axis), or null for a chart that is not an XY plot */
    private static Range[] axes(JFreeChart c) {
        if (c == null || !(c.getPlot() instanceof XYPlot plot)) return null;
        return new Range[]{plot.getDomainAxis().getRange(), plot.getRangeAxis().getRange()};
    }

    private static void fix(JFreeChart c, Range[] axes) {
        if (axes == null || c == null || !(c.getPlot() instanceof XYPlot plot)) return;
        plot.getDomainAxis().setRange(axes[0], true, false);
        plot.getRangeAxis().setRange(axes[1], true, false);
    }

    private static BufferedImage draw(ViewChart chart, int w, int h, String corner) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, w, h);
            chart.drawable().draw(g, new Rectangle2D.Double(0, 0, w, h));
            g.setFont(new Font(ChartStyle.FONT_FAMILY, Font.BOLD, Math.max(14, h / 28)));
            g.setPaint(ChartStyle.TEXT);
            int tw = g.getFontMetrics().stringWidth(corner);
            g.drawString(corner, w - tw - 12, 12 + g.getFontMetrics().getAscent());
        } finally {
            g.dispose();
        }
        return img;
    }
}
