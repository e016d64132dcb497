package org.dlnexplorer.app;

import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChartRendererBalanceTest {

    /** every registered view on screen */
    private static ChartRenderer.Job everyView() {
        Map<ViewId, ChartRenderer.ViewState> views = new EnumMap<>(ViewId.class);
        for (ViewId v : ViewId.values()) views.put(v, new ChartRenderer.ViewState(400, 300, 0, 0));
        return new ChartRenderer.Job(1, null, true, 0, false, views);
    }

    private static ChartRenderer.Job job(ViewId... hidden) {
        Map<ViewId, ChartRenderer.ViewState> views = new EnumMap<>(ViewId.class);
        for (ViewId v : ViewId.values()) views.put(v, new ChartRenderer.ViewState(400, 300, 0, 0));
        for (ViewId v : hidden) views.put(v, new ChartRenderer.ViewState(0, 0, 0, 0));
        // a deep linear network's window: the piecewise-linear family's views are not on screen (issue 13)
        for (ViewId v : ViewId.PIECEWISE_ONLY) views.put(v, new ChartRenderer.ViewState(0, 0, 0, 0));
        return new ChartRenderer.Job(1, null, true, 0, false, views);
    }

    private static double busiest(ChartRenderer r, Map<ViewId, Double> cost) {
        double[] load = new double[2];
        r.lanesOfViews().forEach((v, lane) -> load[lane] += cost.getOrDefault(v, 0.0));
        return Math.max(load[0], load[1]);
    }

    /** measured paint times of a single-neuron preset: the function-space view is the expensive one */
    private static Map<ViewId, Double> singleNeuronCosts() {
        Map<ViewId, Double> cost = new EnumMap<>(ViewId.class);
        cost.put(ViewId.FUNCTION_SPACE, 16.0);
        cost.put(ViewId.HYPERBOLOID, 7.0);
        cost.put(ViewId.SINGULAR_VALUES, 8.0);
        cost.put(ViewId.LOSS, 5.0);
        cost.put(ViewId.CONSERVATION, 6.0);
        cost.put(ViewId.KERNEL_DISTANCE, 3.0);
        cost.put(ViewId.SHARPNESS, 0.2);
        cost.put(ViewId.PHASE_DIAGRAM, 0.1);
        cost.put(ViewId.HESSIAN, 0.1);   // a message: the Hessian is not recorded
        cost.put(ViewId.NUCLEAR_NORM, 2.0);
        cost.put(ViewId.NEURON_TEMPORAL, 4.0);
        cost.put(ViewId.HYPERBOLOID_GEOMETRIES, 5.0);
        cost.put(ViewId.WEIGHTS, 1.0);
        cost.put(ViewId.SHARPNESS_VS_ETA, 0.1);   // a message: one run, no η to compare
        cost.put(ViewId.LAYERS, 2.0);
        cost.put(ViewId.PRECONDITIONER, 5.0);   // seven 2 × 2 eigen-decompositions per frame
        cost.put(ViewId.KERNEL_DISTANCE_MATRIX, 6.0);
        cost.put(ViewId.RESIDUAL_DEPTH, 0.1);   // a message: no fixed readout at several depths
        return cost;
    }

    /** every view measured a full window at these costs, then the views shared out; the lanes of the views */
    private static Map<ViewId, Integer> settle(ChartRenderer r, Map<ViewId, Double> cost) {
        for (int i = 0; i < ChartRenderer.COST_WINDOW; i++) cost.forEach(r::measured);
        r.rebalance(job());
        return r.lanesOfViews();
    }

    @Test
    void measuredCostsMoveViewsSoThatBothLanesCarryTheSameLoad() {
        try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), 2)) {
            Map<ViewId, Double> cost = singleNeuronCosts();
            double before = busiest(r, cost);
            settle(r, cost);
            double after = busiest(r, cost);
            double total = cost.values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(after < ChartRenderer.REBALANCE_GAIN * before, "the split changed: busiest lane " + before + " → " + after);
            // longest-processing-time-first is within the largest single view of an even split
            assertTrue(after <= total / 2 + 16.0, "busiest lane " + after + " of " + total);
            assertNotEquals(r.lanesOfViews().get(ViewId.FUNCTION_SPACE), r.lanesOfViews().get(ViewId.SINGULAR_VALUES),
                    "the two heaviest views paint in parallel");
        }
    }

    @Test
    void aSmallImbalanceDoesNotMoveViews() {
        try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), 2)) {
            Map<ViewId, Integer> first = r.lanesOfViews();
            // every view measured as the prior expected them, give or take 5%: no reason to move anything
            Map<ViewId, Double> prior = Map.of(ViewId.SINGULAR_VALUES, 12.0, ViewId.LOSS, 8.5 * 1.05,
                    ViewId.CONSERVATION, 8.5, ViewId.KERNEL_DISTANCE, 5.0 * 0.95, ViewId.INPUT_SPACE, 3.0,
                    ViewId.NEURON_DYNAMICS, 6.0 * 1.05, ViewId.NEURON_TEMPORAL, 6.0, ViewId.HYPERBOLOID_GEOMETRIES, 3.0);
            for (ViewId v : ViewId.values()) r.measured(v, prior.getOrDefault(v, 1.0));
            r.rebalance(everyView());
            assertEquals(first, r.lanesOfViews());
        }
    }

    @Test
    void hiddenViewsDoNotCount() {
        try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), 2)) {
            Map<ViewId, Double> cost = singleNeuronCosts();
            Map<ViewId, Integer> withAll = settle(r, cost);
            // the function-space view hidden (a preset that is not a single neuron): its lane is nearly idle
            Map<ViewId, Double> rest = new EnumMap<>(cost);
            rest.remove(ViewId.FUNCTION_SPACE);
            double before = busiest(r, rest);
            r.rebalance(job(ViewId.FUNCTION_SPACE));
            assertNotEquals(withAll, r.lanesOfViews());
            double total = rest.values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(busiest(r, rest) < before && busiest(r, rest) <= total / 2 + 8.0,
                    "busiest lane " + before + " → " + busiest(r, rest) + " of " + total);
        }
    }

    @Test
    void oneSlowPaintDoesNotMoveViewsButALastingChangeDoes() {
        try (ChartRenderer r = new ChartRenderer(ChartStyle.screen(), 2)) {
            Map<ViewId, Integer> settled = settle(r, singleNeuronCosts());
            // the sharpness view is on the lighter lane or not: a 40 ms outlier must not matter either way
            r.measured(ViewId.SHARPNESS, 40);
            r.rebalance(job());
            assertEquals(settled, r.lanesOfViews(), "one outlier moved views");
            // the sharpness view becomes expensive for good (another preset): after a few paints the split follows
            for (int i = 0; i < ChartRenderer.COST_WINDOW / 2 + 1; i++) r.measured(ViewId.SHARPNESS, 40);
            r.rebalance(job());
            assertNotEquals(settled, r.lanesOfViews());
        }
    }
}
