package org.dlnexplorer.app;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.dlnexplorer.chart.ViewId;

import java.util.ArrayList;
import java.util.List;

/**
 * The views in a grid of up to {@link #COLUMNS} columns: the views of {@link ViewModel#panels} in registry
 * order, row by row, each spanning its registry column span. The grid adapts to its size: as many columns
 * as fit {@link #MIN_VIEW_WIDTH} each (at most {@link #COLUMNS}), as many rows on screen as fit
 * {@link #MIN_VIEW_HEIGHT} each (at most {@link #ROWS}); more rows keep that height and the grid scrolls,
 * so no view shrinks below the minimum size. Views that do not fill one row share its whole width (one view
 * takes the whole area), never leaving empty columns. Double-click maximizes a view over the whole grid (and
 * restores it); the View menu adds and removes views. FX thread.
 */
final class ViewGrid {
    static final int COLUMNS = 3, ROWS = 3;
    /** no view is drawn narrower or lower than this (px): a chart below it has no room for its labels */
    static final double MIN_VIEW_WIDTH = 380, MIN_VIEW_HEIGHT = 270;
    private static final double GAP = 4;

    private final ViewPanes panes;
    private final ViewModel vm;
    /** the grid changed its cells (their sizes or which are on screen): the views need new images */
    private final Runnable onLayout;
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane();
    /**
     * The style class of the scroll panes around the views and the controls: no background at all, frame and
     * viewport included (app.css: -fx-background-color: null). Modena gives a scroll pane two background fills
     * (its frame and its inside) and the viewport a third; under views and controls repainted many times a
     * second, the software pipeline drew them all at every picture (the two-fill background from a stretched
     * cached image: about 40% of the render thread while a slider was dragged). A transparent fill is no better:
     * it is blended over every dirty rectangle all the same (at 1280 × 800, where the grid scrolls, 70% of the
     * render thread). The window's background shows between the views instead, the same colour (and black in
     * dark presentation mode); the controls have their own.
     */
    static final String VIEW_SCROLL = "view-scroll";
    private final BorderPane area = new BorderPane();
    private final MenuButton viewMenu = new MenuButton("Views");
    private Node maximized;
    /** the columns: as many as fit (at most COLUMNS), at most maxColumns (presentation mode sets fewer) */
    private int columns = COLUMNS, rowsOnScreen = ROWS, maxColumns = COLUMNS;

    ViewGrid(ViewPanes panes, ViewModel vm, Runnable onLayout) {
        this.panes = panes;
        this.vm = vm;
        this.onLayout = onLayout;
        columnConstraints();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        grid.setPadding(new Insets(GAP));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        LiveViewport.uncache(scroll);   // the views change while dragged: no bitmap cache of them
        scroll.getStyleClass().add(VIEW_SCROLL);   // and no background under them (app.css)
        for (ViewId id : ViewId.values()) {
            Node n = panes.node(id);
            n.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) toggleMaximize(n);
            });
            CheckMenuItem item = new CheckMenuItem(id.title());
            item.setId("view-menu-" + id.cliName());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> setShown(id, item.isSelected()));
            viewMenu.getItems().add(item);
        }
        viewMenu.setId("view-menu");
        viewMenu.getStyleClass().add("view-menu");
        viewMenu.setTooltip(new Tooltip("Show or hide views"));
        vm.panels.addListener((o, was, now) -> {
            if (now.equals(was)) return;
            if (maximized != null && now.stream().noneMatch(id -> id.nodeId().equals(maximized.getId()))) maximized = null;
            layout();
        });
        // scrolled: views that come into sight need their picture (a draft skips views out of sight)
        scroll.vvalueProperty().addListener(o -> onLayout.run());
        // a new size may fit more or fewer views per row or on screen
        area.widthProperty().addListener(o -> fitToSize());
        area.heightProperty().addListener(o -> fitToSize());
        layout();
    }

    /** Lay the views out in this many columns (presentation mode: two, each half the width). */
    void setColumns(int n) {
        if (n == maxColumns) return;
        maxColumns = n;
        columns = Math.min(maxColumns, columnsFor(area.getWidth()));
        columnConstraints();
        layout();
    }

    private void columnConstraints() {
        grid.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
    }

    /** columns that fit a grid this wide: each at least MIN_VIEW_WIDTH, 1 … COLUMNS */
    static int columnsFor(double width) {
        if (!(width > 0)) return COLUMNS;   // not laid out yet
        return Math.max(1, Math.min(COLUMNS, (int) Math.floor((width - GAP) / (MIN_VIEW_WIDTH + GAP))));
    }

    /** rows on screen in a grid this high: each at least MIN_VIEW_HEIGHT, 1 … ROWS */
    static int rowsFor(double height) {
        if (!(height > 0)) return ROWS;
        return Math.max(1, Math.min(ROWS, (int) Math.floor((height - GAP) / (MIN_VIEW_HEIGHT + GAP))));
    }

    /** the columns of the current layout */
    int columns() { return columns; }

    /** the rows that share the visible height (more scroll) */
    int rowsOnScreen() { return rowsOnScreen; }

    private void fitToSize() {
        double footer = area.getBottom() == null ? 0 : area.getBottom().prefHeight(-1);
        int c = Math.min(maxColumns, columnsFor(area.getWidth())), r = rowsFor(area.getHeight() - footer);
        if (c != columns || r != rowsOnScreen) {
            columns = c;
            rowsOnScreen = r;
            layout();
        }
    }

    /**
     * Whether node n overlaps the part of the grid in sight: always when the grid does not scroll, else when
     * n's bounds and the scroll pane's share an area (a view scrolled out of sight, or just touching the
     * edge, is not in sight). FX thread.
     */
    boolean inSight(Node n) {
        if (scroll.getContent() == null || scroll.getScene() == null) return true;
        Bounds port = scroll.localToScene(scroll.getLayoutBounds()), b = n.localToScene(n.getLayoutBounds());
        return Math.min(port.getMaxX(), b.getMaxX()) > Math.max(port.getMinX(), b.getMinX())
                && Math.min(port.getMaxY(), b.getMaxY()) > Math.max(port.getMinY(), b.getMinY());
    }

    /** the grid's scroll pane (tests scroll it) */
    ScrollPane scrollPane() { return scroll; }

    /** the grid (scrolling when it has more than ROWS rows) */
    Node node() { return area; }

    /** Put a row under the grid (the time scrubber). */
    void setFooter(Node n) { area.setBottom(n); }

    /** the View menu: one check item per registered view */
    MenuButton viewMenu() { return viewMenu; }

    /** Show or hide one view (the last one shown stays). */
    void setShown(ViewId id, boolean on) {
        List<ViewId> now = new ArrayList<>();
        for (ViewId v : ViewId.values())
            if (v == id ? on : vm.panels.get().contains(v)) now.add(v);
        if (now.isEmpty()) { syncMenu(); return; }
        vm.panels.set(List.copyOf(now));
    }

    /** Double-click: show one view over the whole grid, or restore the grid. */
    void toggleMaximize(Node n) {
        maximized = maximized == n ? null : n;
        layout();
    }

    boolean isMaximized(ViewId id) {
        return maximized != null && id.nodeId().equals(maximized.getId());
    }

    private void layout() {
        grid.getChildren().clear();
        int rows, cols;
        if (maximized != null) {
            cols = 1;
            grid.add(maximized, 0, 0, 1, 1);
            rows = 1;
        } else {
            List<ViewId> shown = vm.panels.get();
            List<Integer> spans = new ArrayList<>();
            // fewer columns (small window, presenting): one each, but a full-row view (the portrait) keeps the row
            for (ViewId id : shown)
                spans.add(columns >= COLUMNS ? id.columnSpan() : id.columnSpan() >= COLUMNS ? columns : 1);
            // views that do not fill a row share the whole width (one view: the whole area)
            GridPlacement place = GridPlacement.filling(spans, columns);
            cols = place.columns();
            for (int i = 0; i < shown.size(); i++) {
                GridPlacement.Cell c = place.cells().get(i);
                grid.add(panes.node(shown.get(i)), c.column(), c.row(), c.span(), 1);
            }
            rows = place.rows();
        }
        grid.getColumnConstraints().clear();
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        grid.getRowConstraints().clear();
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.minHeightProperty().unbind();
        if (rows > rowsOnScreen) {
            // each row keeps the height it has in a full screen of rowsOnScreen rows; the grid scrolls
            grid.minHeightProperty().bind(scroll.heightProperty().multiply(rows / (double) rowsOnScreen));
            scroll.setContent(grid);
            area.setCenter(scroll);
        } else {
            grid.setMinHeight(GridPane.USE_COMPUTED_SIZE);
            scroll.setContent(null);
            area.setCenter(grid);
        }
        syncMenu();
        onLayout.run();
    }

    private void syncMenu() {
        List<ViewId> shown = vm.panels.get();
        for (int i = 0; i < viewMenu.getItems().size(); i++) {
            CheckMenuItem item = (CheckMenuItem) viewMenu.getItems().get(i);
            ViewId id = ViewId.values()[i];
            item.setSelected(shown.contains(id));
            item.setDisable(shown.size() == 1 && shown.contains(id));   // one view always stays
        }
    }
}
