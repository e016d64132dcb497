package org.dlnexplorer.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.ViewId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Presentation mode (F5, `gui --present`): at most {@link #MAX_VIEWS} views, each at least half the screen
 * (two side by side, or one over the whole area), the charts in slide style (axis labels 24 px, title 30 px,
 * 4 px lines), a high-contrast light theme or a dark one (F6), the caption of a lecture step under them.
 * The control panel, the menus and the status bar are hidden; the panel slides in over the views while the
 * pointer is at the window's left edge. Esc leaves, restoring the views and panels shown before. FX thread.
 */
final class Presentation {
    /** views on screen at once: each at least half the screen */
    static final int MAX_VIEWS = 2;
    /** the pointer this close to the left edge brings the control panel in */
    static final double EDGE_PX = 12;
    /** the panel goes away when the pointer is this far right of it */
    static final double LEAVE_MARGIN_PX = 40;

    enum Theme { LIGHT, DARK }

    private final ViewModel vm;
    private final BorderPane root;
    private final StackPane layers;
    private final IntConsumer columns;
    private final Consumer<ChartRenderer.Look> look;
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** holds the control panel while presenting (shown at the left edge) */
    private final StackPane edge = new StackPane();
    private Node savedLeft, savedTop, savedBottom;
    private List<ViewId> savedPanels;
    /** under the views while presenting (the lecture step's caption), or null */
    private Node caption;

    Presentation(ViewModel vm, BorderPane root, StackPane layers, IntConsumer columns, Consumer<ChartRenderer.Look> look) {
        this.vm = vm;
        this.root = root;
        this.layers = layers;
        this.columns = columns;
        this.look = look;
        edge.setId("presentation-edge-panel");
        edge.getStyleClass().add("presentation-edge");
        edge.setVisible(false);
        edge.setMaxWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(edge, Pos.TOP_LEFT);
        layers.getChildren().add(1, edge);   // over the content, under the help
        layers.addEventFilter(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getSceneX()));
        theme.addListener((o, a, b) -> { if (presenting.get()) styleFor(b); });
        vm.panels.addListener((o, a, b) -> { if (presenting.get()) columns.accept(columnsFor(b)); });
    }

    BooleanProperty presenting() { return presenting; }
    ObjectProperty<Theme> theme() { return theme; }

    boolean isPresenting() { return presenting.get(); }

    /** whether the control panel is shown at the edge */
    boolean isPanelShown() { return edge.isVisible(); }

    void toggle() { if (presenting.get()) leave(); else enter(); }

    void toggleTheme() { theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT); }

    /** Set what is shown under the views while presenting (a step's caption), or null. */
    void setCaption(Node n) {
        caption = n;
        if (presenting.get()) root.setBottom(n);
    }

    void enter() {
        if (presenting.get()) return;
        savedPanels = vm.panels.get();
        savedLeft = root.getLeft();
        savedTop = root.getTop();
        savedBottom = root.getBottom();
        root.setLeft(null);
        root.setTop(null);
        root.setBottom(caption);
        if (savedLeft != null) edge.getChildren().setAll(savedLeft);
        edge.setVisible(false);
        presenting.set(true);
        List<ViewId> shown = firstViews(savedPanels);
        if (!shown.equals(vm.panels.get())) vm.panels.set(shown);
        columns.accept(columnsFor(shown));
        styleFor(theme.get());
    }

    /** Show these views (at most MAX_VIEWS of them; all of them again when presentation mode is left). */
    void showViews(List<ViewId> views) {
        List<ViewId> shown = presenting.get() ? firstViews(views) : views;
        if (!shown.isEmpty() && !shown.equals(vm.panels.get())) vm.panels.set(List.copyOf(shown));
        if (presenting.get()) columns.accept(columnsFor(shown));
    }

    void leave() {
        if (!presenting.get()) return;
        presenting.set(false);
        edge.setVisible(false);
        edge.getChildren().clear();
        root.setLeft(savedLeft);
        root.setTop(savedTop);
        root.setBottom(savedBottom);
        columns.accept(ViewGrid.COLUMNS);
        if (savedPanels != null && !savedPanels.equals(vm.panels.get())) vm.panels.set(savedPanels);
        layers.getStyleClass().removeAll("presenting", "presenting-light", "presenting-dark");
        look.accept(new ChartRenderer.Look(ChartStyle.screen(), false));
    }

    /** Esc: leave presentation mode; true when it did. */
    boolean escape() {
        if (!presenting.get()) return false;
        leave();
        return true;
    }

    private void pointerAt(double x) {
        if (!presenting.get() || edge.getChildren().isEmpty()) return;
        if (x <= EDGE_PX) edge.setVisible(true);
        else if (edge.isVisible() && x > edge.getWidth() + LEAVE_MARGIN_PX) edge.setVisible(false);
    }

    private void styleFor(Theme t) {
        layers.getStyleClass().removeAll("presenting", "presenting-light", "presenting-dark");
        layers.getStyleClass().addAll("presenting", t == Theme.DARK ? "presenting-dark" : "presenting-light");
        look.accept(new ChartRenderer.Look(ChartStyle.slide(), t == Theme.DARK));
    }

    private static List<ViewId> firstViews(List<ViewId> views) {
        List<ViewId> out = new ArrayList<>();
        for (ViewId v : views) if (out.size() < MAX_VIEWS) out.add(v);
        return out;
    }

    /** one view: the whole width; two: half each (a view spanning two columns takes a row of its own) */
    private static int columnsFor(List<ViewId> views) { return views.size() <= 1 ? 1 : 2; }
}
