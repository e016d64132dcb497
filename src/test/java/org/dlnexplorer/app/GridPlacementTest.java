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
        GridPlacement p = GridPlacement.of(spans(List.of(ViewId.values())), ViewGrid.COLUMNS);
        // nine cells in three rows; the views added since (the Hessian's spectrum, the nuclear norm) start a fourth, scrolled to
        assertEquals(4, p.rows());
        assertEquals(new GridPlacement.Cell(0, 3, 1), p.cells().get(ViewId.HESSIAN.ordinal()));
        assertEquals(new GridPlacement.Cell(1, 3, 1), p.cells().get(ViewId.NUCLEAR_NORM.ordinal()));
        // singular values over two columns, the loss beside it; then the others row by row
        assertEquals(new GridPlacement.Cell(0, 0, 2), p.cells().get(ViewId.SINGULAR_VALUES.ordinal()));
        assertEquals(new GridPlacement.Cell(2, 0, 1), p.cells().get(ViewId.LOSS.ordinal()));
        assertEquals(new GridPlacement.Cell(0, 1, 1), p.cells().get(ViewId.KERNEL_DISTANCE.ordinal()));
        assertEquals(new GridPlacement.Cell(2, 2, 1), p.cells().get(ViewId.CONSERVATION.ordinal()));
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
