package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.ui.Drawable;

/**
 * One-shot rendering of a view for export (PNG/SVG/PDF): a Drawable that paints the whole view,
 * title, legend and all, into any Graphics2D rectangle.
 */
public final class ViewRenderers {
    private ViewRenderers() {}

    public static Drawable render(ViewId id, RunSet runs, ChartStyle style) {
        ViewChart c = ViewChart.create(id, style);
        c.update(runs, Double.NaN);
        return c.drawable();
    }

    /** The same with a time cursor at t. */
    public static Drawable render(ViewId id, RunSet runs, ChartStyle style, double cursorT) {
        ViewChart c = ViewChart.create(id, style);
        c.update(runs, cursorT);
        return c.drawable();
    }
}
