package org.dlnexplorer.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Where views go in a grid of a given number of columns: in the given order, row by row, each spanning its
 * column span; one that does not fit in what is left of a row starts the next. Pure arithmetic.
 */
record GridPlacement(List<Cell> cells, int rows, int columns) {
    /** one view's place: column, row, columns spanned */
    record Cell(int column, int row, int span) {}

    static GridPlacement of(List<Integer> spans, int columns) {
        List<Cell> cells = new ArrayList<>();
        int next = 0;
        for (int requested : spans) {
            int span = Math.max(1, Math.min(columns, requested));
            if (next % columns + span > columns) next += columns - next % columns;   // next row
            cells.add(new Cell(next % columns, next / columns, span));
            next += span;
        }
        return new GridPlacement(List.copyOf(cells), Math.max(1, (next + columns - 1) / columns), columns);
    }

    /**
     * As {@link #of}, but views that do not fill one row of `columns` get fewer, wider columns: the grid is as
     * wide as their spans add up to, so one view takes the whole area and two share it (never empty columns).
     */
    static GridPlacement filling(List<Integer> spans, int columns) {
        int used = 0;
        for (int requested : spans) used += Math.max(1, Math.min(columns, requested));
        return of(spans, Math.max(1, Math.min(columns, used)));
    }
}
