package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ChartTheme;
import org.dlnexplorer.chart.Draft;
import org.dlnexplorer.chart.HyperboloidChart;
import org.dlnexplorer.chart.ReadOut;
import org.dlnexplorer.chart.ViewApplicability;
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
import java.awt.image.DataBufferInt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * Paints the chart views into images on background threads (up to {@link #MAX_LANES} lanes, each owning
 * a share of the views balanced by their measured paint times, so that a redraw uses both cores), so that
 * neither the FX thread nor the FX render thread rasterizes charts. The FX thread posts the newest
 * {@link Job} (latest wins, at most one per pulse) and polls finished {@link Frame}s once per pulse.
 * Each ViewChart lives on its lane's thread only. AWT only: no JavaFX here.
 */
public final class ChartRenderer implements AutoCloseable {

    /** What one view should show, at which pixel size (0 × 0: not visible, skip). */
    public record ViewState(int width, int height, double azimuth, double elevation) {
        /** not painted */
        public static final ViewState NONE = new ViewState(0, 0, 0, 0);
    }

    /**
     * Everything the views need; runs is immutable and shared; complete: runs is a finished run set (painted
     * whole); draft: paint in {@link Draft} quality (while a control is dragged).
     */
    public record Job(long seq, RunSet runs, boolean complete, double cursorT, boolean logTime, boolean logLoss,
                      Map<ViewId, ViewState> views, boolean draft) {
        /** full quality */
        public Job(long seq, RunSet runs, boolean complete, double cursorT, boolean logTime, boolean logLoss,
                   Map<ViewId, ViewState> views) {
            this(seq, runs, complete, cursorT, logTime, logLoss, views, false);
        }

        /** linear loss axis, full quality */
        public Job(long seq, RunSet runs, boolean complete, double cursorT, boolean logTime, Map<ViewId, ViewState> views) {
            this(seq, runs, complete, cursorT, logTime, false, views);
        }
    }

    /**
     * Where time t falls on a painted chart with a time axis: pixel x = x0 + (x1 − x0)·(t − lower)/(upper − lower)
     * (in log₁₀ t for a log axis); the cursor line spans y0 … y1.
     */
    public record TimeAxis(double x0, double x1, double y0, double y1, double lower, double upper, boolean log) {
        /** the time at pixel x (the inverse of {@link #x}), or NaN when x is outside the data area */
        public double t(double px) {
            if (!(px >= x0 && px <= x1) || x1 <= x0) return Double.NaN;
            double a = log ? Math.log10(lower) : lower, b = log ? Math.log10(upper) : upper;
            double v = a + (b - a) * (px - x0) / (x1 - x0);
            return log ? Math.pow(10, v) : v;
        }

        /** pixel x of time t, or NaN when t is outside the axis range */
        public double x(double t) {
            double a = log ? Math.log10(lower) : lower, b = log ? Math.log10(upper) : upper;
            if (log && !(t > 0)) return Double.NaN;
            double v = log ? Math.log10(t) : t;
            if (!(v >= a && v <= b) || b <= a) return Double.NaN;
            return x0 + (x1 - x0) * (v - a) / (b - a);
        }
    }

    /**
     * An image, the run set it shows, its time axis (null when it has none: the cursor is painted in), the
     * sequence number of the job it was painted for, and whether it is a draft. A null image: the view's
     * picture on screen stays as it is (its inputs did not change) and now shows runs.
     */
    public record Painted(BufferedImage image, RunSet runs, TimeAxis time, long seq, ReadOut readOut, boolean draft) {
        /** a full-quality picture */
        public Painted(BufferedImage image, RunSet runs, TimeAxis time, long seq, ReadOut readOut) {
            this(image, runs, time, seq, readOut, false);
        }

        /** a picture without read-outs */
        public Painted(BufferedImage image, RunSet runs, TimeAxis time, long seq) { this(image, runs, time, seq, null); }

        /** true when the picture on screen stays (nothing to copy) */
        public boolean unchanged() { return image == null; }
    }

    /** Images for the views whose inputs changed since the last frame. */
    public record Frame(long seq, Map<ViewId, Painted> images) {
        /**
         * Both frames' images, the one painted for the newer job winning for each view (a view may change
         * lanes, so an older image of it can wait in another lane's frame), and the larger sequence number.
         * A newer unchanged picture keeps the older one's pixels (not yet on screen: they are that picture).
         */
        Frame then(Frame other) {
            return then(other, img -> { });
        }

        /** the same, handing each image that no picture keeps (an older one replaced by a newer) to dropped */
        Frame then(Frame other, java.util.function.Consumer<BufferedImage> dropped) {
            Map<ViewId, Painted> merged = new EnumMap<>(ViewId.class);
            merged.putAll(images);
            other.images().forEach((v, p) -> merged.merge(v, p, (a, b) -> b.seq() >= a.seq() ? kept(a, b, dropped) : kept(b, a, dropped)));
            return new Frame(Math.max(seq, other.seq()), merged);
        }

        /** the newer picture, with the older one's pixels when the newer is unchanged */
        private static Painted kept(Painted older, Painted newer, java.util.function.Consumer<BufferedImage> dropped) {
            if (!newer.unchanged() || older.unchanged()) {
                if (!older.unchanged() && older.image() != newer.image()) dropped.accept(older.image());
                return newer;
            }
            return new Painted(older.image(), newer.runs(), newer.time(), newer.seq(), newer.readOut(), newer.draft());
        }
    }

    /**
     * What a view's picture was painted from: the run set, what of it the view draws (inputs: the run set
     * itself, or the reason the view does not apply, whose message does not change with the run), cursor,
     * axes, size, draft or full quality.
     */
    private record Key(RunSet runs, Object inputs, double cursorT, boolean logTime, boolean logLoss, ViewState state, boolean draft) {
        /** everything but the run set the same: the picture is the same (a draft is not if full quality is asked) */
        boolean samePicture(Key k) {
            return k != null && (k.inputs == inputs || (inputs instanceof ViewApplicability.Reason && inputs.equals(k.inputs)))
                    && Double.compare(k.cursorT, cursorT) == 0 && k.logTime == logTime && k.logLoss == logLoss
                    && Objects.equals(k.state, state) && (draft || !k.draft);
        }
    }

    /**
     * A view's dirty state in its lane: what its picture on screen was painted from, its time axis and
     * read-out. A job whose key has the same picture repaints nothing.
     */
    private record Drawn(Key key, TimeAxis time, ReadOut readOut) {}

    /** what a view draws of runs: the reason it does not apply (the same message for every such run), else runs */
    static Object inputs(ViewId view, RunSet runs) {
        ViewApplicability.Reason why = runs == null ? null : ViewApplicability.whyNot(view, runs);
        return why != null ? why : runs;
    }

    /** at most this many painting threads (each owns a share of the views) */
    static final int MAX_LANES = 2;
    /**
     * A view's paint cost is the median of its last this many paints: one slow paint (JIT, a page of
     * memory) does not move views, a lasting change (another preset) does after COST_WINDOW / 2 + 1 paints.
     */
    static final int COST_WINDOW = 5;
    /**
     * The views are shared out anew when that would cut the busiest lane's expected time to below this
     * fraction of what it is now (a view that changes lanes costs one chart rebuild there, so no churn).
     */
    static final double REBALANCE_GAIN = 0.9;

    private final Lane[] lanes;
    /** which lane paints each view; replaced (never mutated) while no lane runs, under this */
    private volatile Map<ViewId, Lane> laneOf;
    /** the last COST_WINDOW paint times per view in ms of CPU (a ring: next slot, slots filled); guarded by this */
    private final double[][] paints = new double[ViewId.values().length][COST_WINDOW];
    private final int[] paintNext = new int[ViewId.values().length], paintCount = new int[ViewId.values().length];
    /** how the charts look: fonts and lines, and whether they are shown dark (presentation mode) */
    public record Look(ChartStyle style, boolean dark) {}

    /** the look the lanes paint with; a new one makes them rebuild their charts */
    private volatile Look look;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** spare images kept (each view's size twice over: a chart image is 0.5–1 MB, so reuse spares the collector) */
    static final int SPARE_IMAGES = 2 * ViewId.values().length;
    /** images the FX thread has copied and handed back (at most SPARE_IMAGES), for the lanes to paint into again */
    private final ConcurrentLinkedQueue<BufferedImage> spare = new ConcurrentLinkedQueue<>();
    // the lanes paint one job together (so that their images show the same run set): the newest job
    // waits here until every lane has finished the current one; guarded by this, held only briefly
    private Job waiting;
    private int lanesBusy;

    public ChartRenderer(ChartStyle style) {
        this(style, Math.max(1, Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors())));
    }

    /** Paint on this many threads; views are shared out by expected cost, heaviest first. */
    ChartRenderer(ChartStyle style, int lanes) {
        this.look = new Look(style, false);
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) this.lanes[i] = new Lane(i);
        laneOf = share(expectedCosts(EnumSet.allOf(ViewId.class)));
    }

    /**
     * Each view's expected paint cost: the median of its recent paints, or the prior until every view of
     * the set has been measured (the prior's units are not milliseconds: the two are not mixed).
     */
    private Map<ViewId, Double> expectedCosts(Set<ViewId> views) {
        boolean measured = true;
        for (ViewId v : views) measured &= paintCount[v.ordinal()] > 0;
        Map<ViewId, Double> c = new EnumMap<>(ViewId.class);
        for (ViewId v : views) c.put(v, measured ? recentMedian(v) : v.paintCost());
        return c;
    }

    private double recentMedian(ViewId v) {
        int n = paintCount[v.ordinal()];
        double[] recent = Arrays.copyOf(paints[v.ordinal()], n);
        Arrays.sort(recent);
        return n % 2 == 1 ? recent[n / 2] : (recent[n / 2 - 1] + recent[n / 2]) / 2;
    }

    /** Longest-processing-time-first: each view, heaviest first, to the lane with the least load so far. */
    private Map<ViewId, Lane> share(Map<ViewId, Double> costs) {
        Map<ViewId, Lane> out = new EnumMap<>(ViewId.class);
        double[] load = new double[lanes.length];
        List<ViewId> ids = new ArrayList<>(List.of(ViewId.values()));
        ids.sort(Comparator.comparingDouble(v -> -costs.getOrDefault(v, 0.0)));
        for (ViewId v : ids) {
            int lightest = 0;
            for (int i = 1; i < lanes.length; i++) if (load[i] < load[lightest]) lightest = i;
            load[lightest] += costs.getOrDefault(v, 0.0);
            out.put(v, lanes[lightest]);
        }
        return out;
    }

    /** the busiest lane's expected time under an assignment, for the views of a job */
    private double busiest(Map<ViewId, Lane> assignment, Map<ViewId, Double> costs) {
        double[] load = new double[lanes.length];
        for (Map.Entry<ViewId, Double> e : costs.entrySet()) load[assignment.get(e.getKey()).index] += e.getValue();
        double max = 0;
        for (double l : load) max = Math.max(max, l);
        return max;
    }

    /** Share the views anew when the measured costs say the current split is clearly uneven. */
    synchronized void rebalance(Job job) {
        if (lanes.length < 2) return;
        Set<ViewId> shown = EnumSet.noneOf(ViewId.class);
        for (Map.Entry<ViewId, ViewState> e : job.views().entrySet())
            if (e.getValue().width() >= 2 && e.getValue().height() >= 2) shown.add(e.getKey());
        if (shown.isEmpty()) return;
        Map<ViewId, Double> costs = expectedCosts(shown);
        Map<ViewId, Lane> proposal = share(costs);
        if (busiest(proposal, costs) < REBALANCE_GAIN * busiest(laneOf, costs)) laneOf = proposal;
    }

    /** a view took this long (ms of CPU) to paint: fold it into its running cost */
    synchronized void measured(ViewId v, double millis) {
        int i = v.ordinal();
        paints[i][paintNext[i]] = millis;
        paintNext[i] = (paintNext[i] + 1) % COST_WINDOW;
        paintCount[i] = Math.min(COST_WINDOW, paintCount[i] + 1);
    }

    /** which lane (0 …) paints each view now (for tests) */
    synchronized Map<ViewId, Integer> lanesOfViews() {
        Map<ViewId, Integer> out = new EnumMap<>(ViewId.class);
        laneOf.forEach((v, l) -> out.put(v, l.index));
        return out;
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
        rebalance(job);
        lanesBusy = lanes.length;
        for (Lane l : lanes) {
            try {
                l.executor.execute(() -> l.run(job));
            } catch (RejectedExecutionException closed) {
                lanesBusy--;
            }
        }
    }

    private synchronized void laneDone() {
        if (--lanesBusy == 0) dispatch();
    }

    /** true when no job waits or is being painted (its images are ready to poll) */
    synchronized boolean idle() { return lanesBusy == 0 && waiting == null; }

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

    /** One painting thread and the views it owns (their ViewCharts live on this thread only). */
    private final class Lane {
        private final int index;
        private final ExecutorService executor;
        private final AtomicReference<Frame> done = new AtomicReference<>();
        private final Map<ViewId, ViewChart> charts = new EnumMap<>(ViewId.class);
        private final Map<ViewId, Drawn> drawn = new EnumMap<>(ViewId.class);
        /** the look of the charts in this lane */
        private Look painted;

        Lane(int index) {
            this.index = index;
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
            Map<ViewId, Lane> mine = laneOf;
            Look now = look;
            if (now != painted) {   // another look: every chart anew
                charts.clear();
                drawn.clear();
                painted = now;
            }
            // views handed to another lane: forget them (if one comes back, it is rebuilt and painted afresh)
            charts.keySet().removeIf(v -> mine.get(v) != this);
            drawn.keySet().removeIf(v -> mine.get(v) != this);
            Map<ViewId, Painted> images = new EnumMap<>(ViewId.class);
            for (Map.Entry<ViewId, ViewState> e : job.views().entrySet()) {
                if (mine.get(e.getKey()) != this) continue;
                ViewState st = e.getValue();
                if (st.width() < 2 || st.height() < 2) continue;
                ViewChart chart = charts.computeIfAbsent(e.getKey(), v -> ViewChart.create(v, now.style()));
                // charts with a time axis are painted without the cursor: the app overlays it, so moving the
                // cursor repaints nothing; the others (hyperboloid) paint it in
                double cursor = e.getKey().paintsCursor() ? job.cursorT() : Double.NaN;
                Key key = new Key(job.runs(), inputs(e.getKey(), job.runs()), cursor, job.logTime(), job.logLoss(), st, job.draft());
                Drawn before = drawn.get(e.getKey());
                if (before != null && key.samePicture(before.key())) {
                    if (before.key().runs() != key.runs()) {   // the picture stays; it now shows this run set
                        images.put(e.getKey(), new Painted(null, job.runs(), before.time(), job.seq(), before.readOut(), before.key().draft()));
                        drawn.put(e.getKey(), new Drawn(new Key(key.runs(), key.inputs(), cursor, key.logTime(), key.logLoss(), st,
                                before.key().draft()), before.time(), before.readOut()));
                    }
                    continue;
                }
                try {
                    TimeAxis[] time = new TimeAxis[1];
                    ReadOut[] read = new ReadOut[1];
                    long cpu0 = cpuNanos();
                    BufferedImage img = paint(chart, key, time, read, before == null ? null : before.key());
                    if (now.dark()) ChartTheme.darken(img);
                    measured(e.getKey(), (cpuNanos() - cpu0) / 1e6);
                    images.put(e.getKey(), new Painted(img, job.runs(), time[0], job.seq(), read[0], job.draft()));
                    drawn.put(e.getKey(), new Drawn(key, time[0], read[0]));
                } catch (RuntimeException ex) {
                    drawn.remove(e.getKey());
                    throw ex;
                }
                if (!job.complete() && job.runs() != null && !images.isEmpty() && newerWaiting()) {
                    // a streaming (partial) run set and a newer job waiting: hand over what is done, continue
                    // with the newer one; a complete run set is painted whole, so that complete pictures appear
                    break;
                }
            }
            Frame frame = new Frame(job.seq(), images);
            Frame previous = done.getAndSet(null);
            // an image replaced before the FX thread took it goes back to the spares (it was painted for nothing)
            done.set(previous == null ? frame : previous.then(frame, ChartRenderer.this::recycle));
        }
    }

    /** Paint with this look from the next job on (the charts are rebuilt). Any thread. */
    public void setLook(Look l) { look = l; }

    public Look look() { return look; }

    /**
     * An image the FX thread no longer needs (its pixels were copied into the scene): the lanes paint into
     * it again instead of allocating. Any thread; the caller must not touch it afterwards.
     */
    public void recycle(BufferedImage img) {
        if (img != null && img.getType() == BufferedImage.TYPE_INT_ARGB_PRE && spare.size() < SPARE_IMAGES) spare.offer(img);
    }

    /**
     * What a picture starts as: the charts' opaque background (premultiplied ARGB), so that every picture
     * covers its cell and the cell draws nothing under it (a chart that paints its own background looks the same).
     */
    static final int OPAQUE_BACKGROUND = org.dlnexplorer.chart.ChartStyle.BACKGROUND.getRGB() | 0xff000000;

    /**
     * A w × h premultiplied-ARGB image, a spare one of that size if there is one: cleared to the opaque
     * background, or as it is when the chart about to paint it covers every pixel (clear false).
     */
    private BufferedImage blank(int w, int h, boolean clear) {
        BufferedImage img = null;
        for (BufferedImage b : spare) {
            if (b.getWidth() == w && b.getHeight() == h && spare.remove(b)) { img = b; break; }
        }
        if (img == null) img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        if (clear) Arrays.fill(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), OPAQUE_BACKGROUND);
        return img;
    }

    /** this thread's CPU time where the JVM measures it, else wall time (either only weighs views against each other) */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private BufferedImage paint(ViewChart chart, Key key, TimeAxis[] time, ReadOut[] read, Key old) {
        chart.setLogTime(key.logTime());
        chart.setLogLoss(key.logLoss());
        if (chart instanceof HyperboloidChart h) {
            h.setView(key.state().azimuth(), key.state().elevation());
            h.setFallback(true);   // the app draws this chart only where its 3D view is unavailable
        }
        if (old != null && old.runs() == key.runs() && chart.runs() == key.runs()) chart.setCursor(key.cursorT());
        else chart.update(key.runs(), key.cursorT());
        JFreeChart jfc = chart.chart();
        // a chart drawn by its JFreeChart is first filled with its background: opaque, no clearing before it
        boolean coversAll = drawnByJFreeChart(chart, jfc) && jfc.getBackgroundImage() == null
                && jfc.getBackgroundPaint() instanceof java.awt.Color c && c.getAlpha() == 255;
        BufferedImage img = blank(key.state().width(), key.state().height(), !coversAll);
        // the image painted into is the layer target: a chart may paste a layer it drew before under the same inputs
        Graphics2D g = org.dlnexplorer.chart.ScreenGraphics.create(img, key.draft(), true);
        Rectangle2D area = new Rectangle2D.Double(0, 0, key.state().width(), key.state().height());
        // a JFreeChart sets its own antialiasing: off for a draft, restored after it (a later full picture is today's)
        boolean draftAa = jfc != null && key.draft();
        Object aa = draftAa ? jfc.getRenderingHints().put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF) : null;
        try {
            draw(chart, jfc, g, area, time, read);
        } finally {
            if (draftAa && aa == null) jfc.getRenderingHints().remove(RenderingHints.KEY_ANTIALIASING);
            else if (draftAa) jfc.getRenderingHints().put(RenderingHints.KEY_ANTIALIASING, aa);
            g.dispose();
        }
        return img;
    }

    /** true when draw paints chart as its JFreeChart over the whole area (a time chart), else the chart draws itself */
    private static boolean drawnByJFreeChart(ViewChart chart, JFreeChart jfc) {
        return jfc != null && chart.hasTimeAxis();
    }

    private static void draw(ViewChart chart, JFreeChart jfc, Graphics2D g, Rectangle2D area, TimeAxis[] time, ReadOut[] read) {
        if (drawnByJFreeChart(chart, jfc)) {
            // only the data area is wanted: no entity collection (one Shape per data item; ~20% of a chart's paint)
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            jfc.draw(g, area, info);
            Rectangle2D data = info.getPlotInfo().getDataArea();
            ValueAxis axis = jfc.getXYPlot().getDomainAxis();
            time[0] = new TimeAxis(data.getMinX(), data.getMaxX(), data.getMinY(), data.getMaxY(),
                    axis.getLowerBound(), axis.getUpperBound(), axis instanceof LogAxis);
            read[0] = chart.readOut(data);   // the values under the pointer, and the text placed inside the plot
        } else {
            chart.drawable().draw(g, area);
        }
    }

    @Override
    public void close() {
        for (Lane l : lanes) l.executor.shutdownNow();
    }
}
