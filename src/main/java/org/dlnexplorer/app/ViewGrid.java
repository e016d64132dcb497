package org.dlnexplorer.app;

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
 * The views in a grid of {@link #COLUMNS} columns: the views of {@link ViewModel#panels} in registry
 * order, row by row, each spanning its registry column span. Up to {@link #ROWS} rows share the height;
 * more rows keep that size and the grid scrolls. Double-click maximizes a view over the whole grid (and
 * restores it); the View menu adds and removes views. FX thread.
 */
final class ViewGrid {
    static final int COLUMNS = 3, ROWS = 3;
    private static final double GAP = 4;

    private final ViewPanes panes;
    private final ViewModel vm;
    /** the grid changed its cells (their sizes or which are on screen): the views need new images */
    private final Runnable onLayout;
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane();
    private final BorderPane area = new BorderPane();
    private final MenuButton viewMenu = new MenuButton("Views");
    private Node maximized;
    /** the columns of the grid: COLUMNS, or fewer (presentation mode) */
    private int columns = COLUMNS;

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
        layout();
    }

    /** Lay the views out in this many columns (presentation mode: two, each half the width). */
    void setColumns(int n) {
        if (n == columns) return;
        columns = n;
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
        int rows;
        if (maximized != null) {
            grid.add(maximized, 0, 0, columns, 1);
            rows = 1;
        } else {
            List<ViewId> shown = vm.panels.get();
            List<Integer> spans = new ArrayList<>();
            for (ViewId id : shown) spans.add(columns < COLUMNS ? 1 : id.columnSpan());   // fewer columns (presenting): one each
            GridPlacement place = GridPlacement.of(spans, columns);
            for (int i = 0; i < shown.size(); i++) {
                GridPlacement.Cell c = place.cells().get(i);
                grid.add(panes.node(shown.get(i)), c.column(), c.row(), c.span(), 1);
            }
            rows = place.rows();
        }
        grid.getRowConstraints().clear();
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.minHeightProperty().unbind();
        if (rows > ROWS) {
            // each row keeps the height it has in a full grid of ROWS rows; the grid scrolls
            grid.minHeightProperty().bind(scroll.heightProperty().multiply(rows / (double) ROWS));
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
