package org.dlnexplorer.chart;

import org.dlnexplorer.model.observe.RunSet;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

/** What makes an exported view slide-ready: few ticks, decade labels, the legend inside, equal aspect. */
class SlideStyleTest {
    static final Rectangle2D SLIDE = new Rectangle2D.Double(0, 0, 1600, 1000);
    static RunSet saxe, neuron, gd, lowRank;

    @BeforeAll
    static void simulate() throws Exception {
        saxe = Fixtures.runSet(Fixtures.SAXE);
        neuron = Fixtures.runSet(Fixtures.NEURON);
        gd = Fixtures.runSet(Fixtures.GD);
        lowRank = Fixtures.runSet("""
                { "schema": 1, "name": "Low rank", "description": "Σxx of rank 1",
                  "network": { "widths": [2, 1, 1] },
                  "task": { "target": { "matrix": [[1, 2]] }, "inputs": { "covariance": [[1, 1], [1, 1]] } },
                  "init": { "scheme": "explicit", "weights": [ [[0.3, 0.1]], [[0.5]] ] },
                  "training": { "method": "gradient-flow", "duration": 20.0, "samples": 200 },
                  "compare": { "parameter": "init.delta", "values": [0, 1] } }""");
    }

    static ViewChart draw(ViewId id, RunSet rs, ChartStyle style, ChartRenderingInfo info) {
        ViewChart c = ViewChart.create(id, style);
        c.update(rs, Double.NaN);
        BufferedImage img = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        if (c.chart() != null) c.chart().draw(g, SLIDE, info);
        else c.drawable().draw(g, SLIDE);
        g.dispose();
        return c;
    }

    static double ticks(ValueAxis a) {
        if (a instanceof LogAxis l)
            return (l.calculateLog(l.getUpperBound()) - l.calculateLog(l.getLowerBound())) / l.getTickUnit().getSize();
        return a.getRange().getLength() / ((NumberAxis) a).getTickUnit().getSize();
    }

    @Test
    void axesCarryAHandfulOfTicksOnASlide() {
        for (ViewId id : new ViewId[]{ViewId.SINGULAR_VALUES, ViewId.LOSS, ViewId.KERNEL_DISTANCE, ViewId.CONSERVATION}) {
            XYPlot p = draw(id, id == ViewId.CONSERVATION ? gd : saxe, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
            for (ValueAxis a : new ValueAxis[]{p.getDomainAxis(), p.getRangeAxis()}) {
                double n = ticks(a);
                assertTrue(n <= SlideAxes.MAX_TICKS + 1e-9, id + " " + a.getLabel() + ": " + n + " tick intervals");
                assertTrue(n >= 1.5, id + " " + a.getLabel() + ": only " + n + " tick intervals");
            }
        }
    }

    @Test
    void timeAxesEndAtTheData() {
        XYPlot p = draw(ViewId.SINGULAR_VALUES, saxe, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
        double tEnd = saxe.runs().get(0).trajectory().last().t();
        assertEquals(0.0, p.getDomainAxis().getLowerBound(), 1e-12);
        assertEquals(tEnd, p.getDomainAxis().getUpperBound(), 1e-9 * tEnd, "no overshoot past the last frame");
    }

    @Test
    void logTicksAreWholeDecadesInSuperscripts() {
        assertEquals("10⁻⁸", SlideAxes.decade(1e-8));
        assertEquals("10⁰", SlideAxes.decade(1.0));
        assertEquals("10¹²", SlideAxes.decade(1e12));
        XYPlot p = draw(ViewId.CONSERVATION, gd, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
        LogAxis y = (LogAxis) p.getRangeAxis();
        double unit = y.getTickUnit().getSize();
        assertEquals(Math.rint(unit), unit, 0.0, "tick unit in whole decades");
        assertTrue(unit >= 1);
        String label = y.getNumberFormatOverride().format(y.getLowerBound() * 10);
        assertTrue(label.matches("10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), label);
    }

    @Test
    void slideLegendIsInsideThePlotAndScreenLegendBelow() {
        for (ViewId id : new ViewId[]{ViewId.SINGULAR_VALUES, ViewId.LOSS, ViewId.CONSERVATION}) {
            XyViewChart slide = (XyViewChart) draw(id, id == ViewId.CONSERVATION ? gd : saxe, ChartStyle.slide(), new ChartRenderingInfo());
            JFreeChart c = slide.chart();
            assertFalse(c.getLegend().isVisible(), id + ": no legend outside the plot");
            assertNotNull(slide.insideLegendCorner(), id.name());
            long inside = c.getXYPlot().getAnnotations().stream()
                    .filter(a -> a instanceof XYTitleAnnotation t && t.getTitle() instanceof LegendTitle).count();
            assertEquals(1, inside, id + ": one legend inside");
            XyViewChart screen = (XyViewChart) draw(id, id == ViewId.CONSERVATION ? gd : saxe, ChartStyle.screen(), new ChartRenderingInfo());
            assertTrue(screen.chart().getLegend().isVisible(), id.name());
            assertNull(screen.insideLegendCorner(), id.name());
        }
    }

    @Test
    void insideLegendTakesTheEmptiestCorner() {
        // saxe (y up to 3.3, t to 6): σ₁ and its label s₁ = 3 run along the top, both curves start at the lower
        // left, σ₂ and s₂ = 1 end at a third of the height on the right: the low right corner (a 4-line legend
        // is a fifth of the plot high) holds nothing
        XyViewChart c = (XyViewChart) draw(ViewId.SINGULAR_VALUES, saxe, ChartStyle.slide(), new ChartRenderingInfo());
        assertEquals(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT, c.insideLegendCorner());
    }

    @Test
    void inapplicableViewsShowTheMessageAlone() {
        XyViewChart s = (XyViewChart) draw(ViewId.SHARPNESS, saxe, ChartStyle.slide(), new ChartRenderingInfo());
        assertNotNull(s.message(), "gradient flow: no sharpness recorded");
        XyViewChart f = (XyViewChart) draw(ViewId.FUNCTION_SPACE, saxe, ChartStyle.slide(), new ChartRenderingInfo());
        assertNotNull(f.message(), "not a single neuron");
        XyViewChart ok = (XyViewChart) draw(ViewId.FUNCTION_SPACE, neuron, ChartStyle.slide(), new ChartRenderingInfo());
        assertNull(ok.message());
    }

    @Test
    void functionSpaceHasEqualAspect() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        XYPlot p = draw(ViewId.FUNCTION_SPACE, neuron, ChartStyle.slide(), info).chart().getXYPlot();
        Rectangle2D data = info.getPlotInfo().getDataArea();
        double ux = p.getDomainAxis().getRange().getLength() / data.getWidth();
        double uy = p.getRangeAxis().getRange().getLength() / data.getHeight();
        assertEquals(1.0, ux / uy, 0.02, "data units per pixel equal on both axes");
    }

    /** the next picture in the same chart (laid out from the last one's data area) keeps the equal aspect */
    @Test
    void functionSpaceKeepsEqualAspectFromPictureToPicture() {
        ViewChart c = ViewChart.create(ViewId.FUNCTION_SPACE, ChartStyle.slide());
        BufferedImage img = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        for (RunSet rs : new RunSet[]{neuron, lowRank, neuron, lowRank}) {
            c.update(rs, Double.NaN);
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g = img.createGraphics();
            c.chart().draw(g, SLIDE, info);
            g.dispose();
            XYPlot p = c.chart().getXYPlot();
            Rectangle2D data = info.getPlotInfo().getDataArea();
            double ux = p.getDomainAxis().getRange().getLength() / data.getWidth();
            double uy = p.getRangeAxis().getRange().getLength() / data.getHeight();
            assertEquals(1.0, ux / uy, 0.02, "data units per pixel equal on both axes");
        }
    }

    @Test
    void lowRankCovarianceDrawsTheLineOfMinimaAndTheTheoremsLimits() {
        XYPlot p = draw(ViewId.FUNCTION_SPACE, lowRank, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
        boolean line = false;
        for (int i = 0; i < p.getDatasetCount(); i++)
            if (p.getDataset(i) != null) for (int s = 0; s < p.getDataset(i).getSeriesCount(); s++)
                line |= p.getDataset(i).getSeriesKey(s).equals("minima");
        assertTrue(line, "the minima Σxx β = Σxx β* are a line");
        // the predicted limit of each δ lies on that line (Σxx β = Σxx β*: β₁ + β₂ = 3) and near where the run ends
        for (RunSet.Labeled l : lowRank.runs()) {
            double[] lim = FunctionSpaceChart.implicitBiasLimit(l.trajectory());
            assertNotNull(lim, l.label());
            assertEquals(3.0, lim[0] + lim[1], 1e-6, l.label());
            double[] end = l.trajectory().last().effectiveWeight();
            assertEquals(end[0], lim[0], 2e-3, l.label());
            assertEquals(end[1], lim[1], 2e-3, l.label());
        }
        assertArrayEquals(new double[]{-Math.sqrt(0.5), Math.sqrt(0.5)},
                FunctionSpaceChart.nullVector(lowRank.runs().get(0).trajectory().setup().task().sigmaXX()), 1e-12);
    }

    @Test
    void conservationDrawsAnExactMemberAtAFloorAndSaysSo() {
        // aligned δ = 0 conserves Dₗ = 0 exactly under gradient flow
        XyViewChart c = (XyViewChart) draw(ViewId.CONSERVATION, saxe, ChartStyle.slide(), new ChartRenderingInfo());
        XYPlot p = c.chart().getXYPlot();
        assertNull(c.message());
        boolean exactLabel = false;
        for (int i = 0; i < p.getLegendItems().getItemCount(); i++) exactLabel |= p.getLegendItems().get(i).getLabel().contains("= 0 (exact)");
        double drift = 0;
        for (var f : saxe.runs().get(0).trajectory().frames()) drift = Math.max(drift, f.balanceDrift());
        if (drift == 0) {
            assertTrue(exactLabel, "legend says the drift is exactly 0");
            assertTrue(p.getRangeAxis().getLowerBound() <= ConservationChart.EXACT_FLOOR);
        } else {
            assertFalse(exactLabel);
        }
    }

    @Test
    void descentDriftsDoNotStretchTheAxisToTheFlowTarget() {
        XYPlot p = draw(ViewId.CONSERVATION, gd, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
        double max = 0;
        for (var f : gd.runs().get(0).trajectory().frames()) max = Math.max(max, f.balanceDrift());
        if (max > ConservationChart.DRIFT_TARGET * Math.pow(10, ConservationChart.TARGET_RANGE_DECADES))
            assertTrue(p.getRangeAxis().getLowerBound() > ConservationChart.DRIFT_TARGET, "no 1e−8 line far below the drifts");
    }

    @Test
    void sharpnessShowsMarionChizatsMinimalSharpnessForScalarOutputs() throws Exception {
        RunSet scalar = Fixtures.runSet("""
                { "schema": 1, "name": "EoS", "description": "scalar output",
                  "network": { "widths": [2, 2, 1] },
                  "task": { "target": { "matrix": [[2, 1]] }, "inputs": "whitened" },
                  "init": { "scheme": "orthogonal", "scale": 0.1, "delta": 0.0, "seed": 3 },
                  "training": { "method": "gradient-descent", "duration": 6.0, "samples": 60, "learningRate": 0.1 } }""");
        XYPlot p = draw(ViewId.SHARPNESS, scalar, ChartStyle.slide(), new ChartRenderingInfo()).chart().getXYPlot();
        double expected = 2 * Math.sqrt(5);   // L ‖π*‖^{2 − 2/L} with L = 2, ‖π*‖ = √5
        boolean found = false;
        for (Object o : p.getRangeMarkers(Layer.BACKGROUND))
            if (o instanceof ValueMarker m && Math.abs(m.getValue() - expected) < 1e-9) found = true;
        assertTrue(found, "S_min level at " + expected);
        // multi-output (GD fixture): no S_min
        assertTrue(Double.isNaN(SharpnessChart.minimalSharpness(gd)));
    }
}
