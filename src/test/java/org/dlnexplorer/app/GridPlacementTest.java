package org.dlnexplorer.app;

import org.dlnexplorer.chart.ViewId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GridPlacementTest {
    private static List<Integer> spans(List<ViewId> views) {
        List<Integer> out = new ArrayList<>();
        for (ViewId v : views) out.add(v.columnSpan());
        return out;
    }

    @Test
    void everyViewFillsTodaysThreeByThreeGrid() {
        // a deep linear network's views (the piecewise-linear family has its own, issue 13)
        List<ViewId> linear = ViewId.defaults(null);
        GridPlacement p = GridPlacement.of(spans(linear), ViewGrid.COLUMNS);
        assertEquals(3, p.rows());
        // singular values over two columns, the loss beside it; then the others row by row
        assertEquals(new GridPlacement.Cell(0, 0, 2), p.cells().get(linear.indexOf(ViewId.SINGULAR_VALUES)));
        assertEquals(new GridPlacement.Cell(2, 0, 1), p.cells().get(linear.indexOf(ViewId.LOSS)));
        assertEquals(new GridPlacement.Cell(0, 1, 1), p.cells().get(linear.indexOf(ViewId.KERNEL_DISTANCE)));
        assertEquals(new GridPlacement.Cell(2, 2, 1), p.cells().get(linear.indexOf(ViewId.CONSERVATION)));
    }

    @Test
    void aPiecewiseLinearNetworksViewsFillThreeRows() {
        org.dlnexplorer.preset.Preset relu = new org.dlnexplorer.preset.Preset();
        relu.network = new org.dlnexplorer.preset.Preset.NetworkSection();
        relu.network.activation = "relu";
        relu.network.widths = new int[] {2, 50, 1};   // two inputs: the input-space view applies
        List<ViewId> views = ViewId.defaults(relu);
        GridPlacement p = GridPlacement.of(spans(views), ViewGrid.COLUMNS);
        assertEquals(3, p.rows());
        // input space beside the loss, per-neuron dynamics beside the kernel distance, the portrait across
        assertEquals(new GridPlacement.Cell(0, 0, 2), p.cells().get(views.indexOf(ViewId.INPUT_SPACE)));
        assertEquals(new GridPlacement.Cell(2, 0, 1), p.cells().get(views.indexOf(ViewId.LOSS)));
        assertEquals(new GridPlacement.Cell(0, 1, 2), p.cells().get(views.indexOf(ViewId.NEURON_DYNAMICS)));
        assertEquals(new GridPlacement.Cell(2, 1, 1), p.cells().get(views.indexOf(ViewId.KERNEL_DISTANCE)));
        assertEquals(new GridPlacement.Cell(0, 2, 3), p.cells().get(views.indexOf(ViewId.PHASE_PORTRAIT)));
    }

    @Test
    void aWideViewThatDoesNotFitStartsTheNextRow() {
        GridPlacement p = GridPlacement.of(List.of(1, 1, 2, 1), 3);
        assertEquals(List.of(new GridPlacement.Cell(0, 0, 1), new GridPlacement.Cell(1, 0, 1),
                new GridPlacement.Cell(0, 1, 2), new GridPlacement.Cell(2, 1, 1)), p.cells());
        assertEquals(2, p.rows());
    }

    @Test
    void moreThanNineCellsGetMoreRowsNotSmallerCells() {
        GridPlacement p = GridPlacement.of(Collections.nCopies(11, 1), 3);
        assertEquals(4, p.rows(), "a fourth row (the grid then scrolls, rows keep their height)");
        for (GridPlacement.Cell c : p.cells()) assertEquals(1, c.span());
        assertEquals(new GridPlacement.Cell(1, 3, 1), p.cells().get(10));
        assertEquals(1, GridPlacement.of(List.of(), 3).rows());
    }
}
