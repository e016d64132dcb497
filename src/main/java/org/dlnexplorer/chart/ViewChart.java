package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * One view's chart, kept across updates: its owner creates it once and calls {@link #update} with each new
 * run set; datasets are swapped with notification off and the chart fires a single change. Not
 * thread-safe: use from one thread. In the app that is the painting thread (ChartRenderer lane) that owns
 * the view, never the FX thread; export makes its own chart per picture.
 */
public abstract class ViewChart {
    protected final ViewId id;
    protected final ChartStyle style;
    protected RunSet runs;
    protected double cursorT = Double.NaN;

    protected ViewChart(ViewId id, ChartStyle style) {
        this.id = id;
        this.style = style;
    }

    /** a new chart for the view (the registry's factory) */
    public static ViewChart create(ViewId id, ChartStyle style) {
        return id.newChart(style);
    }

    public ViewId id() { return id; }
    public ChartStyle style() { return style; }
    public RunSet runs() { return runs; }

    /** Redraw for a new run set and cursor time (NaN: no cursor). One chart change event. */
    public final void update(RunSet runs, double cursorT) {
        this.runs = runs;
        this.cursorT = cursorT;
        rebuild();
    }

    /** Move the time cursor only (cheap). */
    public void setCursor(double t) {
        this.cursorT = t;
        moveCursor();
    }

    /** Log-scaled time axis where the view supports it (loss). */
    public void setLogTime(boolean on) {}

    /** Log-scaled loss axis where the view supports it (loss). */
    public void setLogLoss(boolean on) {}

    /** What to paint (a JFreeChart for the plots). */
    public abstract Drawable drawable();

    /** The JFreeChart, or null for views drawn otherwise (hyperboloid, messages). */
    public JFreeChart chart() { return null; }

    /**
     * What the pointer reads on this chart after its last drawing into a plot area of these pixels (time
     * charts), or null.
     */
    public ReadOut readOut(java.awt.geom.Rectangle2D dataArea) { return null; }

    /** true when the horizontal axis is time (the app may then draw the cursor as an overlay) */
    public boolean hasTimeAxis() { return false; }

    protected abstract void rebuild();

    protected abstract void moveCursor();

    /** "mode colour" for single runs, "run colour" for compare sets (consistent across views) */
    protected static boolean isCompare(RunSet rs) { return rs != null && rs.runs().size() > 1; }
}
