package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.HyperboloidChart;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Paints the chart views into images on one background thread, so that neither the FX thread nor the
 * FX render thread rasterizes charts. The FX thread posts the newest {@link Job} (latest wins, at most
 * one per pulse) and polls finished {@link Frame}s once per pulse. The ViewCharts live on this thread
 * only. AWT only: no JavaFX here.
 */
public final class ChartRenderer implements AutoCloseable {

    /** What one view should show, at which pixel size (0 × 0: not visible, skip). */
    public record ViewState(int width, int height, double azimuth, double elevation) {}

    /** Everything the views need; runs is immutable and shared. */
    public record Job(long seq, RunSet runs, double cursorT, boolean logTime, Map<ViewId, ViewState> views) {}

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
    public record Frame(long seq, Map<ViewId, Painted> images) {}

    private record Key(RunSet runs, double cursorT, boolean logTime, ViewState state) {
        boolean same(Key k) {
            return k != null && k.runs == runs && Double.compare(k.cursorT, cursorT) == 0 && k.logTime == logTime
                    && Objects.equals(k.state, state);
        }
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dln-chart-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final AtomicReference<Frame> done = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<ViewId, ViewChart> charts = new EnumMap<>(ViewId.class);
    private final Map<ViewId, Key> drawn = new EnumMap<>(ViewId.class);
    private final ChartStyle style;
    private volatile long lastSeq = -1;

    public ChartRenderer(ChartStyle style) {
        this.style = style;
    }

    /** Ask for a new frame (any thread; replaces a job not yet started). */
    public void request(Job job) {
        pending.set(job);
        if (scheduled.compareAndSet(false, true)) executor.execute(this::drain);
    }

    /** The newest finished frame, or null. Images of frames replaced before polling are merged in. */
    public Frame poll() {
        return done.getAndSet(null);
    }

    /** sequence number of the newest job fully painted */
    public long lastPainted() { return lastSeq; }

    private void drain() {
        scheduled.set(false);
        Job job = pending.getAndSet(null);
        if (job == null) return;
        Map<ViewId, Painted> images = new EnumMap<>(ViewId.class);
        for (Map.Entry<ViewId, ViewState> e : job.views().entrySet()) {
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
                BufferedImage img = paint(chart, key, time);
                images.put(e.getKey(), new Painted(img, job.runs(), time[0]));
                drawn.put(e.getKey(), key);
            } catch (RuntimeException ex) {
                drawn.remove(e.getKey());
                throw ex;
            }
            if (pending.get() != null && job.runs() != null && !images.isEmpty()) {
                // a newer job is waiting: hand over what is done, continue with the newer one
                break;
            }
        }
        Frame previous = done.getAndSet(null);
        if (previous != null) {
            Map<ViewId, Painted> merged = new EnumMap<>(previous.images());
            merged.putAll(images);
            images = merged;
        }
        done.set(new Frame(job.seq(), images));
        if (pending.get() == null) lastSeq = job.seq();
        else if (scheduled.compareAndSet(false, true)) executor.execute(this::drain);
    }

    private BufferedImage paint(ViewChart chart, Key key, TimeAxis[] time) {
        ViewId id = chart.id();
        chart.setLogTime(key.logTime());
        if (chart instanceof HyperboloidChart h) h.setView(key.state().azimuth(), key.state().elevation());
        Key old = drawn.get(id);
        if (old != null && old.runs() == key.runs() && chart.runs() == key.runs()) chart.setCursor(key.cursorT());
        else chart.update(key.runs(), key.cursorT());
        BufferedImage img = new BufferedImage(key.state().width(), key.state().height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Rectangle2D area = new Rectangle2D.Double(0, 0, key.state().width(), key.state().height());
        JFreeChart jfc = chart.chart();
        if (jfc != null && chart.hasTimeAxis()) {
            ChartRenderingInfo info = new ChartRenderingInfo();
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
        executor.shutdownNow();
    }
}
