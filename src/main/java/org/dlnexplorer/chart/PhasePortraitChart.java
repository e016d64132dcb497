package org.dlnexplorer.chart;

import org.dlnexplorer.model.sweep.Metric;
import org.dlnexplorer.model.sweep.SweepResult;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The (τ, δ) phase portrait of Kunin et al. Fig. 1b: one sweep drawn twice side by side, coloured by two
 * metrics (test loss and kernel distance by default), each a {@link PhaseDiagramChart} with its own colour bar.
 * Cells that had not fitted by t_end are marked "not fitted yet" in both, never coloured as if lazy.
 */
public final class PhasePortraitChart implements Drawable {
    /** the left map's metric by default (Fig. 1b: the test loss) */
    public static final Metric LEFT = Metric.TIME_TO_FIT;
    /** the right map's metric by default (Fig. 1b: the kernel distance) */
    public static final Metric RIGHT = Metric.KERNEL_DISTANCE;
    /** the right map's colour options (Fig. 1b and its supporting figure) */
    public static final List<Metric> RIGHT_OPTIONS = List.of(Metric.KERNEL_DISTANCE, Metric.PARAMETER_DISTANCE);

    /** the title over both maps */
    public static final String TITLE = "(τ, δ) phase portrait";

    /** one drawn map: its plot and data area after {@link #draw}, for mapping pointer positions to cells */
    public record Panel(XYPlot plot, Rectangle2D dataArea) {}

    private final SweepResult result;
    private final PhaseDiagramStyle left;
    private final PhaseDiagramStyle right;
    private final ChartStyle fonts;
    private final List<Panel> panels = new ArrayList<>();

    /** both styles get markUnfitted; their metrics are the two maps' */
    public PhasePortraitChart(SweepResult r, PhaseDiagramStyle left, PhaseDiagramStyle right, ChartStyle fonts) {
        this.result = r.snapshot();
        this.left = left.withUnfittedMarked(true);
        this.right = right.withUnfittedMarked(true);
        this.fonts = fonts;
    }

    /** the portrait of a sweep by two metrics, with one style's marker and subtitle */
    public static PhasePortraitChart of(SweepResult r, Metric leftMetric, Metric rightMetric, PhaseDiagramStyle base,
                                        ChartStyle fonts) {
        return new PhasePortraitChart(r, base.withMetric(leftMetric), base.withMetric(rightMetric), fonts);
    }

    /** the maps as drawn last (empty before the first drawing) */
    public List<Panel> panels() { return List.copyOf(panels); }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        panels.clear();
        g.setPaint(ChartStyle.BACKGROUND);
        g.fill(area);
        g.setPaint(ChartStyle.TEXT);
        g.setFont(fonts.titleFont());
        MessageChart.centered(g, TITLE, area, area.getY() + fonts.titleSize() * 1.2);
        double top = area.getY() + fonts.titleSize() * 1.6;
        double w = area.getWidth() / 2;
        PhaseDiagramStyle[] styles = {left, right};
        for (int i = 0; i < 2; i++) {
            JFreeChart c = PhaseDiagramChart.chart(result, styles[i], fonts);
            TextTitle t = new TextTitle(styles[i].metric().label(), fonts.axisLabelFont());
            t.setPaint(ChartStyle.TEXT);
            c.setTitle(t);
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            c.draw(g, new Rectangle2D.Double(area.getX() + i * w, top, w, area.getMaxY() - top), info);
            panels.add(new Panel((XYPlot) c.getPlot(), info.getPlotInfo().getDataArea()));
        }
    }
}
