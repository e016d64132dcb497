package org.dlnexplorer.app;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dlnexplorer.app.phase.PhaseDiagramView;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.dlnexplorer.app.ControlRanges.*;

/**
 * The main window: composes the controls on the left, the views in a grid with the time scrubber under
 * them, and the status bar at the bottom, and wires them to the view-model, the simulation service and
 * the frame loop. Nothing else happens here.
 */
public final class MainWindow {
    private static final int[] ICON_SIZES = {16, 32, 64, 128, 256};

    private final Stage stage;
    private final ViewModel vm = new ViewModel();
    private final SimulationService service = new SimulationService();
    private final Dirty dirty = new Dirty();
    private final LatencyHooks latency = new LatencyHooks();
    private final Playback playback = new Playback(vm);
    private final ViewPanes panes;
    private final ViewGrid grid;
    private final PresetFiles files;
    private final ExportActions exports;
    private final ControlsPanel controls;
    /** the controls with a strip that hides them (small screens) */
    private final CollapsiblePanel controlsSide;
    private final StatusBar status = new StatusBar(vm, this::cancel);
    /** preset files are checked here, and the picker's equations computed (both compile a preset): off the FX thread */
    private final ExecutorService presetWork = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dln-preset-check");
        t.setDaemon(true);
        return t;
    });
    private final RecomputeScheduler scheduler;
    private final FrameLoop frames;
    private final KeyBindings keys = new KeyBindings();
    private final LectureTools tools;

    public MainWindow(Stage stage, AppOptions options) {
        this(stage, options, RecentFiles.forUser(), new FxFileDialogs(stage));
    }

    /** with another store of recently used files and other file dialogs (tests) */
    MainWindow(Stage stage, AppOptions options, RecentFiles recent, FileDialogs dialogs) {
        this.stage = stage;
        AppContext ctx = new AppContext(stage, vm, service);
        boolean threeD = Platform.isSupported(ConditionalFeature.SCENE3D) && !options.force2d();
        scheduler = new RecomputeScheduler(vm, service, dirty, latency, this::isDisposed);
        panes = new ViewPanes(threeD, options.phaseDiagram(), this::viewsChanged, this::loadCell);
        // the background map's sweep gives way while the user changes a control and waits for its picture
        if (panes.sweep() != null) panes.sweep().setForeground(latency.foreground());
        frames = new FrameLoop(ctx, panes, playback, status, scheduler, dirty, latency);
        grid = new ViewGrid(panes, vm, this::viewsChanged);
        panes.setInSight(grid::inSight);
        grid.setFooter(new TimeScrubber(vm, grid.viewMenu()).node());
        exports = new ExportActions(vm, dialogs, panes::exportable);
        panes.installContextMenus(exports::chooseAndExportView);
        files = new PresetFiles(vm, dialogs, recent, this::showPreset, presetWork, Platform::runLater);
        controls = new ControlsPanel(vm, new ControlsModel(vm), files, exports,
                new ControlsPanel.Actions(playback::togglePlay, playback::stepCursor, playback::stepBack, this::presetChosen), presetWork);
        tools = new LectureTools(vm, e -> controls.select(e), presetWork, dialogs);
        controlsSide = new CollapsiblePanel(controls.node());

        BorderPane root = new BorderPane();
        root.setLeft(controlsSide.node());
        root.setCenter(grid.node());
        root.setBottom(status.node());
        bindKeys();
        root.setTop(AppMenus.of(keys));
        Scene scene = new Scene(tools.wrap(root, keys, grid::setColumns, frames::setLook, playback), options.width(), options.height());
        URL css = MainWindow.class.getResource("app.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        keys.install(scene);
        stage.setScene(scene);
        stage.setTitle("DLN Explorer");
        for (int size : ICON_SIZES) {
            InputStream icon = MainWindow.class.getResourceAsStream("/icons/dln-explorer-" + size + ".png");
            if (icon != null) stage.getIcons().add(new Image(icon));
        }
        stage.setOnHidden(e -> dispose());
        service.setOnFinished(frames::computationFinished);
        wire();
        loadPresets(options);
        if (options.dark()) tools.presentation().theme().set(Presentation.Theme.DARK);
        if (options.playlist() != null) tools.lecture().open(options.playlist());
        if (options.present()) tools.presentation().enter();
        frames.start();
    }

    /** The window's shortcuts, all in one registry (the menus and the help read it). */
    private void bindKeys() {
        KeyCombination.Modifier ctrl = KeyCombination.SHORTCUT_DOWN;
        keys.add(new KeyCodeCombination(KeyCode.SPACE, ctrl), KeyBindings.Group.PLAYBACK, "Play / pause",
                "move the time cursor through t, or stop it", playback::togglePlay);
        keys.add(new KeyCodeCombination(KeyCode.RIGHT, ctrl), KeyBindings.Group.PLAYBACK, "Step forward",
                "pause and move the cursor one recorded frame forward", playback::stepCursor);
        keys.add(new KeyCodeCombination(KeyCode.LEFT, ctrl), KeyBindings.Group.PLAYBACK, "Step back",
                "pause and move the cursor one recorded frame back", playback::stepBack);
        keys.add(new KeyCodeCombination(KeyCode.R, ctrl), KeyBindings.Group.PLAYBACK, "Reset all",
                "restore every control to the preset's values", vm::resetAll);
        // Esc before a focused control sees it (a popup's Esc is its own); a key that did nothing goes on
        keys.addFirst(new KeyCodeCombination(KeyCode.ESCAPE), KeyBindings.Group.PLAYBACK, "Escape",
                "close the help, else leave presentation mode, else stop the running computation (keeping its frames so far)",
                () -> tools.escape() || cancel());
        tools.register(keys);
        keys.gesture("double-click a view", KeyBindings.Group.VIEWS, "Maximize", "show one view over the whole grid, or restore the grid");
        keys.gesture("right-click a view", KeyBindings.Group.VIEWS, "Export view…", "write that view to a file (format from its extension)");
        keys.gesture("hover a line chart", KeyBindings.Group.VIEWS, "Read out",
                "t under the pointer and every run's value there, in a box clear of the chart's text");
        keys.gesture("drag the 3D hyperboloid", KeyBindings.Group.VIEWS, "Rotate", "turn the parameter-space picture; the wheel zooms");
    }

    /** Every parameter change asks for a recomputation; cursor and time axis changes for new images. */
    private void wire() {
        InvalidationListener params = o -> scheduler.recompute();
        vm.delta.addListener(params);
        vm.logScale.addListener(params);
        vm.depth.addListener(params);
        vm.width.addListener(params);
        vm.learningRate.addListener(params);
        vm.method.addListener(params);
        vm.targets.addListener(params);
        vm.seed.addListener(params);
        vm.duration.addListener(params);
        vm.taught.addListener(params);
        vm.panels.addListener((o, a, b) -> {   // showing the sharpness view: compute the sharpness
            if (b.contains(ViewId.SHARPNESS) && (a == null || !a.contains(ViewId.SHARPNESS))) scheduler.recompute();
        });
        vm.cursorT.addListener(o -> viewsChanged());
        vm.logTime.addListener(o -> viewsChanged());
        vm.logLoss.addListener(o -> viewsChanged());
        vm.duration.addListener((o, a, b) -> {
            if (vm.cursorT.get() > b.doubleValue() || vm.cursorT.get() == a.doubleValue()) vm.cursorT.set(b.doubleValue());
        });
    }

    /** The picker: the presets directory (an explicit preset first), or the built-in default. */
    private void loadPresets(AppOptions options) {
        List<String> problems = new ArrayList<>();
        List<PresetLibrary.Entry> entries = PresetLibrary.list(options.presetDirectory(), problems);
        PresetLibrary.Entry first = options.preset();
        if (first != null) {
            Path chosen = Path.of(first.source()).toAbsolutePath().normalize();
            String source = first.source();
            entries.removeIf(e -> e.source().equals(source) || Path.of(e.source()).toAbsolutePath().normalize().equals(chosen));
            entries.add(0, first);
        }
        if (entries.isEmpty()) entries.add(PresetLibrary.builtIn());
        if (first == null) {
            first = entries.stream().filter(e -> e.file().equals(AppOptions.DEFAULT_PRESET_FILE)).findFirst().orElse(entries.get(0));
        }
        if (!problems.isEmpty()) vm.report(Severity.ERROR, "presets skipped: " + String.join("; ", problems));
        controls.setPresets(entries, first);   // loads it
    }

    private void presetChosen(PresetLibrary.Entry e) {
        tools.presetLoaded(e);
        vm.load(e.preset(), e.source());
        scheduler.recompute();
    }

    private void showPreset(PresetLibrary.Entry e) { controls.showPreset(e); }

    /** Stop the running computation, keeping its frames so far; false when none runs. */
    public boolean cancel() { return service.cancelRunning(); }

    private void viewsChanged() { frames.viewsChanged(); }

    private boolean isDisposed() { return frames.isDisposed(); }

    /**
     * A clicked phase-diagram cell: take its τ and δ (the other controls stay). When the compare set varies
     * τ or δ its members would keep their own values, so the set is detached (one run; Restore set in the
     * panel brings it back).
     */
    private void loadCell(Preset cell) {
        Taught t = vm.taught.get();
        boolean detach = cell.compare != null && t != null && !t.detached()
                && ("init.scale".equals(cell.compare.parameter) || "init.delta".equals(cell.compare.parameter));
        vm.batch(() -> {
            if (detach) vm.taught.set(t.withDetached(true));
            if (cell.init != null && cell.init.delta != null) vm.delta.set(Math.max(DELTA_MIN, Math.min(DELTA_MAX, cell.init.delta)));
            if (cell.init != null && cell.init.scale != null && cell.init.scale > 0)
                vm.logScale.set(Math.log10(Math.max(TAU_MIN, Math.min(TAU_MAX, cell.init.scale))));
        });
        if (detach)
            vm.report(Severity.INFO, "loaded the map's cell (τ = " + cell.init.scale + ", δ = " + cell.init.delta
                    + ") as one run: the compare set over " + org.dlnexplorer.model.sweep.AxisLabels.symbol(cell.compare.parameter)
                    + " is detached (Restore set in the panel brings it back)");
    }

    private void dispose() {
        presetWork.shutdownNow();
        frames.dispose();
        panes.dispose();
        service.close();
    }

    public ViewModel viewModel() { return vm; }
    /** hide or show the control panel (the views take the width) */
    public void setControlsCollapsed(boolean on) { controlsSide.collapsedProperty().set(on); }
    public SimulationService service() { return service; }
    public Stage stage() { return stage; }
    /** the cells showing the run set, by view (every registered view but the sweep) */
    public Map<ViewId, ViewCell> cells() { return panes.cells(); }

    /** true when the cell is rendered and within the part of the view grid in sight (not scrolled away) */
    public boolean onScreen(ViewCell c) { return panes.onScreen(c); }

    /** the view grid's scroll pane (tests scroll it) */
    javafx.scene.control.ScrollPane viewScroll() { return grid.scrollPane(); }
    /** the sweep view in the phase-diagram pane, or null */
    public PhaseDiagramView phaseDiagram() { return panes.sweep(); }
    /** the timing hooks of the latency probe */
    public LatencyHooks latency() { return latency; }
    /** Runs once when the newest request is complete and drawn (for --screenshot). */
    public void setOnIdle(Runnable r) { frames.setOnIdle(r); }
    /** true when the newest parameters are computed completely and shown */
    public boolean isSettled() { return frames.isSettled(); }
    public void togglePlay() { playback.togglePlay(); }
    /** Pause and move the cursor to the next recorded frame. */
    public void stepCursor() { playback.stepCursor(); }
    /** Double-click: show one view over the whole grid, or restore the grid. */
    public void toggleMaximize(Node n) { grid.toggleMaximize(n); }
    public boolean isMaximized(ViewId id) { return grid.isMaximized(id); }
    /** Show or hide a view (as the View menu does). */
    public void setViewShown(ViewId id, boolean shown) { grid.setShown(id, shown); }
    /** the recently used preset files shown in the Recent menu */
    public List<Path> recentFiles() { return files.recentFiles(); }
    /**
     * Check a preset file off the FX thread, then load it into the picker and select it; a bad file leaves
     * everything as it was, its message beside Open…. Completes on the FX thread with whether it was loaded.
     */
    public CompletableFuture<Boolean> open(Path file) { return files.open(file); }
    /** Write the current controls and visible views, applied to the loaded preset, as a preset file (atomically). */
    public boolean save(Path file) { return files.save(file); }
    /** Render the visible views (slide style) into dir in the chosen format, off the FX thread; reports in the status bar. */
    public void export(Path dir) { exports.export(dir); }
    /** the registry of every shortcut (the menus and the help read it) */
    KeyBindings keyBindings() { return keys; }
    /** undo/redo, the help overlay */
    LectureTools tools() { return tools; }
    /** Pause and move the cursor to the previous recorded frame. */
    public void stepBack() { playback.stepBack(); }
    /** Write the shown run set as CSV/JSON (by extension), off the FX thread; reports in the status bar. */
    public void exportData(Path file) { exports.exportData(file); }
}
