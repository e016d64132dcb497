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

    @Test
    void viewsThatDoNotFillARowShareTheWholeWidth() {
        // one view: the whole area, whatever the columns that fit
        for (int columns = 1; columns <= ViewGrid.COLUMNS; columns++) {
            GridPlacement one = GridPlacement.filling(List.of(1), columns);
            assertEquals(1, one.columns(), columns + " columns fit");
            assertEquals(List.of(new GridPlacement.Cell(0, 0, 1)), one.cells());
        }
        // a two-column view alone, and two views, in three columns: two columns, none empty
        assertEquals(List.of(new GridPlacement.Cell(0, 0, 2)), GridPlacement.filling(List.of(2), 3).cells());
        assertEquals(2, GridPlacement.filling(List.of(2), 3).columns());
        GridPlacement two = GridPlacement.filling(List.of(1, 1), 3);
        assertEquals(2, two.columns());
        assertEquals(List.of(new GridPlacement.Cell(0, 0, 1), new GridPlacement.Cell(1, 0, 1)), two.cells());
    }

    @Test
    void viewsThatFillARowKeepTheirColumns() {
        assertEquals(GridPlacement.of(List.of(1, 1), 2), GridPlacement.filling(List.of(1, 1), 2));
        assertEquals(GridPlacement.of(List.of(1, 1, 1), 3), GridPlacement.filling(List.of(1, 1, 1), 3));
        // a second row that is not full does not narrow the grid
        List<Integer> four = spans(List.of(ViewId.SINGULAR_VALUES, ViewId.LOSS, ViewId.SHARPNESS, ViewId.LAYERS));
        assertEquals(GridPlacement.of(four, 3), GridPlacement.filling(four, 3));
        assertEquals(3, GridPlacement.filling(spans(ViewId.defaults(null)), 3).columns());
    }
}
