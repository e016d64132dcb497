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
    public static final Metric LEFT = Metric.TEST_LOSS;
    /** the right map's metric by default (Fig. 1b: the kernel distance) */
    public static final Metric RIGHT = Metric.KERNEL_DISTANCE;
    /** the right map's colour options (Fig. 1b and its supporting figure) */
    public static final List<Metric> RIGHT_OPTIONS = List.of(Metric.KERNEL_DISTANCE, Metric.HAMMING,
            Metric.PARAMETER_DISTANCE);

    /** the title over both maps */
    public static final String TITLE = "(τ, δ) phase portrait";

    /** one drawn map: its plot and data area after {@link #draw}, for mapping pointer positions to cells */
    public record Panel(XYPlot plot, Rectangle2D dataArea) {}

    private final SweepResult result;
    private final PhaseDiagramStyle left;
    private final PhaseDiagramStyle right;
    private final ChartStyle fonts;
    private final List<Panel> panels = new ArrayList<>();

    /** both maps share the base style; their metrics are the two maps' */
    public PhasePortraitChart(SweepResult r, PhaseDiagramStyle left, PhaseDiagramStyle right, ChartStyle fonts) {
        this.result = r.snapshot();
        this.left = left;
        this.right = right;
        this.fonts = fonts;
    }

    /** the portrait of a sweep by two metrics, with one style's marker and subtitle */
    public static PhasePortraitChart of(SweepResult r, Metric leftMetric, Metric rightMetric, PhaseDiagramStyle base,
                                        ChartStyle fonts) {
        return new PhasePortraitChart(r, base.withMetric(leftMetric), base.withMetric(rightMetric), fonts);
    }

    /** below this width a map's axes are named by their symbols only */
    static final double NARROW = 520;

    /** "relu-fig1b · 11 × 11 cells (40 done)" */
    private String subtitle() {
        StringBuilder sb = new StringBuilder();
        if (left.subtitle() != null) sb.append(left.subtitle()).append("  ·  ");
        sb.append(result.x().n()).append(" × ").append(result.y().n()).append(" cells");
        if (result.completed() < result.size()) sb.append(" (").append(result.completed()).append(" done)");
        return sb.toString();
    }

    /**
     * One map without what the portrait says once for both: its own subtitle (the cell count), its colour
     * bar's label (the map's title names the metric); a narrow map's axes by their symbols.
     */
    private void compact(JFreeChart c, boolean narrow, boolean low, Graphics2D g, double height) {
        for (int i = c.getSubtitleCount() - 1; i >= 0; i--) {
            Object t = c.getSubtitle(i);
            if (t instanceof org.jfree.chart.title.PaintScaleLegend bar) bar.getAxis().setLabel(null);
            else if (t instanceof TextTitle || (low && t instanceof org.jfree.chart.title.LegendTitle))
                c.removeSubtitle(c.getSubtitle(i));   // a low map keeps its height for the cells (hover names them)
        }
        XYPlot p = (XYPlot) c.getPlot();
        if (narrow || low) p.getDomainAxis().setLabel(org.dlnexplorer.model.sweep.AxisLabels.shortLabel(result.x()));
        String y = p.getRangeAxis().getLabel();
        if (narrow || y == null || !ChartStyle.fitsVertically(g, p.getRangeAxis().getLabelFont(), y, height))
            p.getRangeAxis().setLabel(org.dlnexplorer.model.sweep.AxisLabels.shortLabel(result.y()));
    }

    /** below this height (under the titles) the maps drop their legends and long axis names */
    static final double LOW = 320;

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
        g.setFont(fonts.subtitleFont());
        g.setPaint(ChartStyle.MUTED);
        MessageChart.centered(g, subtitle(), area, area.getY() + fonts.titleSize() * 1.5 + fonts.subtitleSize() * 1.1);
        double top = area.getY() + fonts.titleSize() * 1.6 + fonts.subtitleSize() * 1.5;
        double w = area.getWidth() / 2;
        boolean narrow = w < NARROW, low = area.getMaxY() - top < LOW;
        PhaseDiagramStyle[] styles = {left, right};
        for (int i = 0; i < 2; i++) {
            JFreeChart c = PhaseDiagramChart.chart(result, styles[i].withSubtitle(null), fonts);
            TextTitle t = new TextTitle(styles[i].metric().label(), fonts.axisLabelFont());
            t.setPaint(ChartStyle.TEXT);
            c.setTitle(t);
            compact(c, narrow, low, g, area.getMaxY() - top);
            ChartRenderingInfo info = new ChartRenderingInfo(null);
            c.draw(g, new Rectangle2D.Double(area.getX() + i * w, top, w, area.getMaxY() - top), info);
            panels.add(new Panel((XYPlot) c.getPlot(), info.getPlotInfo().getDataArea()));
        }
    }
}
