package org.dlnexplorer.model.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The grid of a sweep: its two axes and one {@link CellResult} per finished cell (null while a cell is
 * pending, and for ever if the sweep was cancelled before it finished). Safe to read from any thread while
 * the runner fills it; the cells themselves are immutable.
 */
public final class SweepResult {
    private final String title;
    private final Axis x;
    private final Axis y;
    private final AtomicReferenceArray<CellResult> cells;
    private volatile boolean cancelled;
    private volatile boolean finished;
    private volatile long startNanos;
    private volatile long endNanos;

    public SweepResult(String title, Axis x, Axis y) {
        this.title = title;
        this.x = x;
        this.y = y;
        this.cells = new AtomicReferenceArray<>(x.n() * y.n());
    }

    /** A finished sweep built from known cells (e.g. for rendering tests and exports). */
    public static SweepResult of(String title, Axis x, Axis y, List<CellResult> known) {
        SweepResult r = new SweepResult(title, x, y);
        for (CellResult c : known) r.put(c);
        r.finished = true;
        return r;
    }

    /** an immutable copy of the cells finished so far, with the same flags and timing (for one drawing) */
    public SweepResult snapshot() {
        SweepResult s = new SweepResult(title, x, y);
        for (int i = 0; i < cells.length(); i++) s.cells.set(i, cells.get(i));
        s.startNanos = startNanos;
        s.endNanos = endNanos;
        s.cancelled = cancelled;
        s.finished = finished;
        return s;
    }

    public String title() { return title; }
    public Axis x() { return x; }
    public Axis y() { return y; }
    public int size() { return cells.length(); }

    /** the cell at (ix, iy), or null while pending */
    public CellResult get(int ix, int iy) { return cells.get(iy * x.n() + ix); }

    void put(CellResult c) { cells.set(c.iy() * x.n() + c.ix(), c); }

    void markStarted() { startNanos = System.nanoTime(); }

    void markFinished(boolean wasCancelled) {
        this.endNanos = System.nanoTime();
        this.cancelled = wasCancelled;
        this.finished = true;
    }

    /** wall-clock seconds the runner took (NaN before it finished or for a result built with of()) */
    public double elapsedSeconds() {
        return finished && startNanos != 0 ? (endNanos - startNanos) * 1e-9 : Double.NaN;
    }

    /** the sweep's throughput: finished cells per wall-clock second (NaN when not timed) */
    public double cellsPerSecond() {
        double s = elapsedSeconds();
        return s > 0 ? completed() / s : Double.NaN;
    }

    /** the number of finished cells so far */
    public int completed() {
        int n = 0;
        for (int i = 0; i < cells.length(); i++) if (cells.get(i) != null) n++;
        return n;
    }

    /** true once the runner has returned (all cells done, or cancelled) */
    public boolean finished() { return finished; }
    public boolean cancelled() { return cancelled; }
    /** every cell present */
    public boolean complete() { return completed() == size(); }

    /** the finished cells, row by row (y outer, x inner) */
    public List<CellResult> cells() {
        List<CellResult> out = new ArrayList<>();
        for (int i = 0; i < cells.length(); i++) {
            CellResult c = cells.get(i);
            if (c != null) out.add(c);
        }
        return out;
    }

    /** {min, max} of a metric over the finished OK cells (fitted ones for values read at t_end), or {NaN, NaN} when none has a value */
    public double[] range(Metric m) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (CellResult c : cells()) {
            double v = c.shown(m);   // not-fitted cells take no part in the colour range
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }
}
