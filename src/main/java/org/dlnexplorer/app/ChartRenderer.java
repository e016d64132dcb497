package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.HyperboloidChart;
import org.dlnexplorer.chart.PathSimplifier;
import org.dlnexplorer.chart.ViewChart;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Paints the chart views into images on background threads (up to {@link #MAX_LANES} lanes, each owning
 * a fixed share of the views, so that a redraw uses both cores once the computation is done), so that
 * neither the FX thread nor the FX render thread rasterizes charts. The FX thread posts the newest
 * {@link Job} (latest wins, at most one per pulse) and polls finished {@link Frame}s once per pulse.
 * Each ViewChart lives on its lane's thread only. AWT only: no JavaFX here.
 */
public final class ChartRenderer implements AutoCloseable {

    /** What one view should show, at which pixel size (0 × 0: not visible, skip). */
    public record ViewState(int width, int height, double azimuth, double elevation) {}

    /** Everything the views need; runs is immutable and shared; complete: runs is a finished run set (painted whole). */
    public record Job(long seq, RunSet runs, boolean complete, double cursorT, boolean logTime, Map<ViewId, ViewState> views) {}

    /**
     * Where time t falls on a painted chart with a time axis: pixel x = x0 + (x1 − x0)·(t − lower)/(upper − lower)
     * (in log₁₀ t for a log axis); the cursor line spans y0 … y1.
     */
    public record TimeAxis(double x0, double x1, double y0, double y1, double lower, double upper, boolean log) {
        /** pixel x of time t, or NaN when t is outside the axis range */
        public double x(double t) {
            double a = log ? Math.log10(lower) : lower, b = log ? Math.log10(upper) : upper;
            if (log && !(t > 0)) return Double.NaN;
            double v = log ? Math.log10(t) : t;
            if (!(v >= a && v <= b) || b <= a) return Double.NaN;
            return x0 + (x1 - x0) * (v - a) / (b - a);
        }
    }

    /** An image, the run set it shows, and its time axis (null when it has none: the cursor is painted in). */
    public record Painted(BufferedImage image, RunSet runs, TimeAxis time) {}

    /** Images for the views whose inputs changed since the last frame. */
    public record Frame(long seq, Map<ViewId, Painted> images) {
        /** this frame's images overlaid by a later frame's (the later image of a view wins), the later sequence number */
        Frame then(Frame later) {
            Map<ViewId, Painted> merged = new EnumMap<>(ViewId.class);
            merged.putAll(images);
            merged.putAll(later.images());
            return new Frame(Math.max(seq, later.seq()), merged);
        }
    }

    private record Key(RunSet runs, double cursorT, boolean logTime, ViewState state) {
        boolean same(Key k) {
            return k != null && k.runs == runs && Double.compare(k.cursorT, cursorT) == 0 && k.logTime == logTime
                    && Objects.equals(k.state, state);
        }
    }

    /** at most this many painting threads (each owns a fixed share of the views) */
    static final int MAX_LANES = 2;
    /**
     * Relative cost of painting each view (FX-thread-free CPU time measured on saxe-two-modes at the
     * default window size: the wide singular-values chart and the loss, conservation and kernel charts
     * dominate); used only to share the views between the lanes evenly.
     */
    private static final Map<ViewId, Double> PAINT_COST = Map.of(ViewId.SINGULAR_VALUES, 12.0, ViewId.LOSS, 8.5,
            ViewId.CONSERVATION, 8.5, ViewId.KERNEL_DISTANCE, 5.0);

    private final Lane[] lanes;
    private final Map<ViewId, Lane> laneOf = new EnumMap<>(ViewId.class);
    private final ChartStyle style;
    // the lanes paint one job together (so that their images show the same run set): the newest job
    // waits here until every lane has finished the current one; guarded by this, held only briefly
    private Job waiting;
    private int lanesBusy;

    public ChartRenderer(ChartStyle style) {
        this(style, Math.max(1, Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors())));
    }

    /** Paint on this many threads; views are shared out by {@link #PAINT_COST}, heaviest first. */
    ChartRenderer(ChartStyle style, int lanes) {
        this.style = style;
        this.lanes = new Lane[lanes];
        double[] load = new double[lanes];
        for (int i = 0; i < lanes; i++) this.lanes[i] = new Lane(i);
        java.util.List<ViewId> ids = new java.util.ArrayList<>(java.util.List.of(ViewId.values()));
        ids.sort(java.util.Comparator.comparingDouble(v -> -PAINT_COST.getOrDefault(v, 1.0)));
        for (ViewId v : ids) {
            int lightest = 0;
            for (int i = 1; i < lanes; i++) if (load[i] < load[lightest]) lightest = i;
            load[lightest] += PAINT_COST.getOrDefault(v, 1.0);
            laneOf.put(v, this.lanes[lightest]);
        }
    }

    /** Ask for a new frame (any thread; replaces a job not yet started). */
    public void request(Job job) {
        synchronized (this) {
            waiting = job;
            if (lanesBusy == 0) dispatch();
        }
    }

    /** Hand the waiting job to every lane (caller holds the lock). */
    private void dispatch() {
        Job job = waiting;
        if (job == null) return;
        waiting = null;
        lanesBusy = lanes.length;
        for (Lane l : lanes) {
            try {
                l.executor.execute(() -> l.run(job));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                lanesBusy--;
            }
        }
    }

    private synchronized void laneDone() {
        if (--lanesBusy == 0) dispatch();
    }

    private synchronized boolean newerWaiting() {
        return waiting != null;
    }

    /** The newest finished images of every lane, merged, or null. Images of frames replaced before polling are merged in. */
    public Frame poll() {
        Frame out = null;
        for (Lane l : lanes) {
            Frame f = l.done.getAndSet(null);
            if (f == null) continue;
            out = out == null ? f : out.then(f);
        }
        return out;
    }

    /** sequence number of the newest job fully painted (by every lane) */
    public long lastPainted() {
        long seq = Long.MAX_VALUE;
        for (Lane l : lanes) seq = Math.min(seq, l.lastSeq);
        return seq;
    }

    /** One painting thread and the views it owns (their ViewCharts live on this thread only). */
    private final class Lane {
        private final ExecutorService executor;
        private final AtomicReference<Frame> done = new AtomicReference<>();
        private final Map<ViewId, ViewChart> charts = new EnumMap<>(ViewId.class);
        private final Map<ViewId, Key> drawn = new EnumMap<>(ViewId.class);
        private volatile long lastSeq = -1;

        Lane(int index) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dln-chart-render-" + index);
                t.setDaemon(true);
                return t;
            });
        }

        private void run(Job job) {
            try {
                paintOwnViews(job);
            } finally {
                laneDone();
            }
        }

        private void paintOwnViews(Job job) {
            Map<ViewId, Painted> images = new EnumMap<>(ViewId.class);
            boolean whole = true;
            for (Map.Entry<ViewId, ViewState> e : job.views().entrySet()) {
                if (laneOf.get(e.getKey()) != this) continue;
                ViewState st = e.getValue();
                if (st.width() < 2 || st.height() < 2) continue;
                ViewChart chart = charts.computeIfAbsent(e.getKey(), v -> ViewChart.create(v, style));
                // charts with a time axis are painted without the cursor: the app overlays it, so moving the
                // cursor repaints nothing; the others (hyperboloid) paint it in
                double cursor = e.getKey() == ViewId.HYPERBOLOID ? job.cursorT() : Double.NaN;
                Key key = new Key(job.runs(), cursor, job.logTime(), st);
                if (key.same(drawn.get(e.getKey()))) continue;
                try {
                    TimeAxis[] time = new TimeAxis[1];
                    BufferedImage img = paint(chart, key, time, drawn.get(e.getKey()));
                    images.put(e.getKey(), new Painted(img, job.runs(), time[0]));
                    drawn.put(e.getKey(), key);
                } catch (RuntimeException ex) {
                    drawn.remove(e.getKey());
                    throw ex;
                }
                if (!job.complete() && job.runs() != null && !images.isEmpty() && newerWaiting()) {
                    // a streaming (partial) run set and a newer job waiting: hand over what is done, continue
                    // with the newer one; a complete run set is painted whole, so that complete pictures appear
                    whole = false;
                    break;
                }
            }
            Frame frame = new Frame(job.seq(), images);
            Frame previous = done.getAndSet(null);
            done.set(previous == null ? frame : previous.then(frame));
            if (whole) lastSeq = job.seq();
        }
    }

    private BufferedImage paint(ViewChart chart, Key key, TimeAxis[] time, Key old) {
        chart.setLogTime(key.logTime());
        if (chart instanceof HyperboloidChart h) h.setView(key.state().azimuth(), key.state().elevation());
        if (old != null && old.runs() == key.runs() && chart.runs() == key.runs()) chart.setCursor(key.cursorT());
        else chart.update(key.runs(), key.cursorT());
        BufferedImage img = new BufferedImage(key.state().width(), key.state().height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // on screen, lines leave out the vertices that lie within a quarter pixel of the line drawn
        g.setRenderingHint(PathSimplifier.HINT, PathSimplifier.ON);
        Rectangle2D area = new Rectangle2D.Double(0, 0, key.state().width(), key.state().height());
        JFreeChart jfc = chart.chart();
        if (jfc != null && chart.hasTimeAxis()) {
            // only the data area is wanted: no entity collection (one Shape per data item; ~20% of a chart's paint)
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            jfc.draw(g, area, info);
            Rectangle2D data = info.getPlotInfo().getDataArea();
            ValueAxis axis = jfc.getXYPlot().getDomainAxis();
            time[0] = new TimeAxis(data.getMinX(), data.getMaxX(), data.getMinY(), data.getMaxY(),
                    axis.getLowerBound(), axis.getUpperBound(), axis instanceof LogAxis);
        } else {
            chart.drawable().draw(g, area);
        }
        g.dispose();
        return img;
    }

    @Override
    public void close() {
        for (Lane l : lanes) l.executor.shutdownNow();
    }
}
