package org.dlnexplorer.app;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.dlnexplorer.app.phase.PhaseDiagramView;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One pane per registered view, made by the view's cell kind: an image cell (painted by the
 * ChartRenderer), the hyperboloid (3D scene or image), or the sweep (the interactive phase diagram in a
 * pane with the view's node id, or, without it, an image cell with the chart's message). FX thread.
 */
final class ViewPanes {
    /** the sweep gets one worker of this many processors: the slider's own computations keep the rest */
    private static final int SWEEP_PROCESSOR_SHARE = 2;

    /** the node the grid holds for each view (its id is the SPEC node id) */
    private final Map<ViewId, Node> nodes = new EnumMap<>(ViewId.class);
    /** the cells that show the simulated run set (what isSettled and the latency probe watch) */
    private final Map<ViewId, ViewCell> cells = new EnumMap<>(ViewId.class);
    /** every cell the chart renderer paints: the cells above and the sweep's stand-in */
    private final Map<ViewId, ViewCell> painted = new EnumMap<>(ViewId.class);
    private PhaseDiagramView sweep;
    /** whether a cell is within the part of the grid in sight ({@link ViewGrid#inSight}); all are until set */
    private Predicate<Node> inSight = n -> true;
    /** the message cell of each sweep pane (hidden while the sweep view stands in that pane) */
    private final Map<ViewId, ViewCell> sweepMessages = new EnumMap<>(ViewId.class);

    /**
     * @param threeD       show the hyperboloid as a 3D scene
     * @param sweepOn      run the phase diagram's sweep (else its view shows the chart's message)
     * @param onInvalidate a cell needs a new image (resize, rotation)
     * @param onCellPicked a phase-diagram cell was clicked: its preset
     */
    ViewPanes(boolean threeD, boolean sweepOn, Runnable onInvalidate, Consumer<Preset> onCellPicked) {
        for (ViewId id : ViewId.values()) {
            switch (id.cell()) {
                case IMAGE -> track(id, new ViewCell(id));
                case SCENE_3D -> track(id, new ViewCell.Hyperboloid(threeD));
                case SWEEP -> nodes.put(id, sweepPane(id, sweepOn, onCellPicked));
            }
        }
        for (ViewCell c : painted.values()) c.setOnInvalidate(onInvalidate);
    }

    private void track(ViewId id, ViewCell c) {
        nodes.put(id, c);
        cells.put(id, c);
        painted.put(id, c);
    }

    /**
     * The sweep view (background sweep over (τ, δ), click a cell to load it) or the message cell, in a pane
     * with the view's id. The phase diagram and the phase portrait share one sweep view: it sits in the pane
     * of the loaded preset's family (updateSweep moves it), the other pane shows its message.
     */
    private Node sweepPane(ViewId id, boolean sweepOn, Consumer<Preset> onCellPicked) {
        StackPane pane = new StackPane();
        pane.setId(id.nodeId());
        ViewCell message = new ViewCell(id);
        message.setId(null);
        painted.put(id, message);
        pane.getChildren().add(message);
        sweepMessages.put(id, message);
        if (sweepOn && sweep == null) {
            sweep = new PhaseDiagramView();
            sweep.setParallelism(Math.max(1, Runtime.getRuntime().availableProcessors() / SWEEP_PROCESSOR_SHARE));
            sweep.setOnCellSelected(onCellPicked);
            sweep.setMinSize(0, 0);
            // no background of its own: the pane's white is under it (one fill per repaint, not two)
            pane.getChildren().add(0, sweep);
            message.setVisible(false);   // the sweep view stands in this pane; the message shows where it is not
        }
        pane.setMinSize(0, 0);
        pane.setBackground(ViewCell.WHITE);
        new CellFrame(pane).addTo(pane);   // above the sweep view, which updateSweep adds at index 0
        return pane;
    }

    Node node(ViewId id) { return nodes.get(id); }

    /** the cells showing the run set, by view */
    Map<ViewId, ViewCell> cells() { return Collections.unmodifiableMap(cells); }

    /** the cell the renderer paints for a view, or null */
    ViewCell painted(ViewId id) { return painted.get(id); }

    /** Tell the panes which cells are in sight (the grid's scrolled-to part). */
    void setInSight(Predicate<Node> p) { inSight = p; }

    /** true when c is rendered and within the part of the grid in sight */
    boolean onScreen(ViewCell c) { return c.isRendered() && inSight.test(c); }

    /**
     * What the renderer should paint now: every painted cell's size (0 × 0 when not rendered). A draft (a
     * control is being dragged) skips the cells scrolled out of sight too: they are painted in full on release,
     * or as drafts once scrolled into sight.
     */
    Map<ViewId, ChartRenderer.ViewState> states(boolean draft) {
        Map<ViewId, ChartRenderer.ViewState> states = new EnumMap<>(ViewId.class);
        painted.forEach((id, c) -> states.put(id, draft && !inSight.test(c) ? ChartRenderer.ViewState.NONE : c.state()));
        return Collections.unmodifiableMap(states);
    }

    /** the views on screen (what "Export…" writes, the phase diagram included), in registry order */
    List<ViewId> exportable() {
        List<ViewId> out = new ArrayList<>();
        nodes.forEach((id, n) -> { if (n.getParent() != null) out.add(id); });
        return out;
    }

    /** Right-click on a view: "Export view…" (exportView is given the view). */
    void installContextMenus(Consumer<ViewId> exportView) {
        nodes.forEach((id, n) -> n.setOnContextMenuRequested(e -> {
            MenuItem item = new MenuItem("Export view…");
            item.setId(id.cliName() + "-export");
            item.setOnAction(a -> exportView.accept(id));
            new ContextMenu(item).show(n, e.getScreenX(), e.getScreenY());
            e.consume();
        }));
    }

    /** the interactive phase diagram, or null */
    PhaseDiagramView sweep() { return sweep; }

    /** Point the sweep at a preset (same preset up to (τ, δ): the marker moves; else a new sweep). */
    void updateSweep(Preset p) {
        if (sweep == null || p == null) return;
        boolean portrait = ViewId.piecewise(p);
        Node home = nodes.get(portrait ? ViewId.PHASE_PORTRAIT : ViewId.PHASE_DIAGRAM);
        if (sweep.getParent() != home && home instanceof StackPane pane) {
            if (sweep.getParent() instanceof StackPane old) old.getChildren().remove(sweep);
            pane.getChildren().add(0, sweep);
            sweepMessages.forEach((id, m) -> m.setVisible(nodes.get(id) != home));
        }
        org.dlnexplorer.model.sweep.Axis[] axes = org.dlnexplorer.chart.SweepAxes.of(p);
        sweep.configure(axes[0], axes[1], portrait ? org.dlnexplorer.chart.PhasePortraitChart.LEFT : null);
        sweep.setPreset(p);
    }

    void dispose() {
        if (sweep != null) sweep.dispose();
    }
}
