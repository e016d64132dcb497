package org.dlnexplorer.export;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.ui.Drawable;

/** Draws one view of a run set for export (the slide style of chart.ViewRenderers in the product). */
@FunctionalInterface
public interface ViewSource {
    Drawable render(ViewId view, RunSet runs) throws ExportException;
}
