package org.dlnexplorer.app;

import javafx.animation.AnimationTimer;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.dlnexplorer.chart.ChartStyle;
import org.dlnexplorer.chart.Fmt;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.preset.Preset;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: controls on the left, the views in a grid, the time scrubber under them, the status
 * bar at the bottom. One AnimationTimer per window does all per-pulse work: take the newest service
 * snapshot (latest wins), advance playback, and redraw the views that changed — once per pulse.
 */
public final class MainWindow {
    /** playback: speed 1 crosses the whole duration in this many seconds */
    static final double PLAYBACK_SECONDS = 5.0;
    static final int COLUMNS = 3, ROWS = 3;
    static final double DELTA_MIN = -8, DELTA_MAX = 8;
    static final double TAU_MIN = 1e-4, TAU_MAX = 10;
    static final int DEPTH_MAX = 8, WIDTH_MAX = 32;
    static final double ETA_MIN = 1e-4, ETA_MAX = 2;
    static final double DURATION_MIN = 0.1, DURATION_MAX = 200;

    private final Stage stage;
    private final ViewModel vm = new ViewModel();
    private final SimulationService service = new SimulationService();
    private final Map<ViewId, ViewCell> cells = new LinkedHashMap<>();
    private final StackPane phasePlaceholder = new StackPane();
    private final GridPane grid = new GridPane();
    private final List<NumberControl> numberControls = new ArrayList<>();
    private final ComboBox<PresetLibrary.Entry> presetPicker = new ComboBox<>();
    private final Label presetDescription = new Label();
    private final Label presetEquation = new Label();
    private final Label inputMessage = new Label();
    private final Label statusRegime = new Label(), statusDelta = new Label(), statusTheory = new Label(),
            statusTime = new Label(), statusDiverged = new Label(), statusError = new Label();
    private final Button playButton = new Button();
    private final ComboBox<org.dlnexplorer.export.ExportFormat> exportFormat = new ComboBox<>();
    private final Slider scrubber = new Slider(0, 1, 1);
    private final Label cursorLabel = new Label();
    private final AnimationTimer pulse;
    private final ChartRenderer renderer = new ChartRenderer(ChartStyle.screen());
    private final ViewCell phaseCell;
    private final org.dlnexplorer.app.phase.PhaseDiagramView phaseView;
    private boolean recomputeWanted, submittedSincePulse, earlySubmitScheduled;
    /** the window was closed (read by the simulation thread's paint-ahead too) */
    private volatile boolean disposed;
    private boolean phaseWanted;
    /** sequence number of the newest chart-renderer job (FX thread and, for paint-ahead, the simulation thread) */
    private final java.util.concurrent.atomic.AtomicLong renderSeq = new java.util.concurrent.atomic.AtomicLong();
    /** what the views looked like at the newest render request: their sizes, the cursor, the time axis (FX writes) */
    private record ViewsNow(Map<ViewId, ChartRenderer.ViewState> states, double cursorT, boolean logTime) {}
    private volatile ViewsNow viewsNow;
    private long maxPulseCpuNanos, maxPulseWallNanos;
    private ViewCell maximized;
    private boolean viewsDirty = true;
    private long lastPulse = -1;
    private long shownGeneration = -1;
    private boolean shownComplete;
    private Runnable onIdle;

    // latency hooks (read by LatencyProbe on the FX thread; a few field writes per change or pulse)
    /** nanoTime of the first parameter change not yet submitted, and per submitted generation (ring) */
    private long changeNanos;
    private static final int CHANGE_RING = 256;
    private final long[] changeRingGeneration = new long[CHANGE_RING], changeRingNanos = new long[CHANGE_RING];
    private long submittedGeneration = -1;
    /** the recent complete snapshots: run set, generation, compute time (ring by generation) */
    private static final int RECENT = 16;
    private final RunSet[] recentRuns = new RunSet[RECENT];
    private final long[] recentGeneration = new long[RECENT], recentComputeMillis = new long[RECENT],
            recentPolledNanos = new long[RECENT];
    /** the newest complete picture: every rendered chart view shows the complete run set of this generation */
    private long pictureGeneration = -1, pictureNanos, pictureChangeNanos = -1, pictureComputeMillis = -1, pictureCount,
            picturePolledNanos;
    /** our AnimationTimer handler in the newest pulse: start (nanoTime), wall and thread-CPU duration */
    private long handlerStartNanos = -1, handlerWallNanos, handlerCpuNanos = -1;

    public MainWindow(Stage stage, AppOptions options) {
        this.stage = stage;
        boolean threeD = Platform.isSupported(ConditionalFeature.SCENE3D) && !options.force2d();
        for (ViewId id : ViewId.values()) {
            if (id == ViewId.PHASE_DIAGRAM) continue;
            ViewCell c = id == ViewId.HYPERBOLOID ? new ViewCell.Hyperboloid(threeD) : new ViewCell(id);
            c.setOnInvalidate(() -> viewsDirty = true);
            cells.put(id, c);
        }
        // the phase diagram: the sweep view (background sweep over (τ, δ), click a cell to load it) in a
        // pane with the SPEC id; without it (options.phaseDiagram() false) a message cell
        phasePlaceholder.setId(ViewId.PHASE_DIAGRAM.nodeId());
        phaseCell = new ViewCell(ViewId.PHASE_DIAGRAM);
        phaseCell.setId(null);
        phaseCell.setOnInvalidate(() -> viewsDirty = true);
        if (options.phaseDiagram()) {
            phaseView = new org.dlnexplorer.app.phase.PhaseDiagramView();
            // one sweep worker: the slider's own computations keep the other core
            phaseView.setParallelism(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
            phaseView.setOnCellSelected(this::loadCell);
            phaseView.setMinSize(0, 0);
            phaseView.setStyle("-fx-background-color: white;");
            phasePlaceholder.getChildren().add(phaseView);
        } else {
            phaseView = null;
            phasePlaceholder.getChildren().add(phaseCell);
        }
        phasePlaceholder.setMinSize(0, 0);
        phasePlaceholder.setStyle("-fx-background-color: white; -fx-border-color: #d9d9d9;");

        BorderPane root = new BorderPane();
        root.setLeft(controls());
        root.setCenter(viewsArea());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, options.width(), options.height());
        scene.getStylesheets().add(MainWindow.class.getResource("app.css") != null
                ? MainWindow.class.getResource("app.css").toExternalForm() : "");
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN), this::togglePlay);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN), this::stepCursor);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::resetAll);
        stage.setScene(scene);
        stage.setTitle("DLN Explorer");
        for (int size : new int[]{16, 32, 64, 128, 256}) {
            var icon = MainWindow.class.getResourceAsStream("/icons/dln-explorer-" + size + ".png");
            if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.setOnHidden(e -> dispose());
        // once per finished computation (never per step): take its result without waiting for a pulse
        service.setOnFinished(s -> {
            // a complete run set goes to the painters from here, at once: the FX thread may be in a pulse
            if (s.error() == null && s.complete() && s.runs() != null) paintAhead(s.runs());
            Platform.runLater(this::onComputationFinished);
        });

        wire();
        List<String> problems = new ArrayList<>();
        List<PresetLibrary.Entry> entries = PresetLibrary.list(options.presetDirectory(), problems);
        PresetLibrary.Entry first = options.preset();
        if (first != null) {
            PresetLibrary.Entry chosen = first;
            entries.removeIf(e -> e.source().equals(chosen.source()) || Path.of(e.source()).toAbsolutePath().normalize()
                    .equals(Path.of(chosen.source()).toAbsolutePath().normalize()));
            entries.add(0, first);
        }
        if (entries.isEmpty()) entries.add(PresetLibrary.builtIn());
        if (first == null) {
            first = entries.stream().filter(e -> e.file().equals(AppOptions.DEFAULT_PRESET_FILE)).findFirst().orElse(entries.get(0));
        }
        presetPicker.getItems().setAll(entries);
        if (!problems.isEmpty()) vm.error.set("presets skipped: " + String.join("; ", problems));
        presetPicker.getSelectionModel().select(first);   // loads it

        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) { onPulse(now); }
        };
        pulse.start();
    }

    public ViewModel viewModel() { return vm; }
    public SimulationService service() { return service; }
    public Map<ViewId, ViewCell> cells() { return cells; }
    public StackPane phaseDiagramPane() { return phasePlaceholder; }
    public Stage stage() { return stage; }

    /** Runs once when the newest request is complete and drawn (for --screenshot). */
    public void setOnIdle(Runnable r) { onIdle = r; }

    /** true when the newest parameters are computed completely and shown */
    public boolean isSettled() {
        if (recomputeWanted || phaseWanted || viewsDirty || !service.isIdle() || !vm.complete.get() || shownGeneration != service.generation())
            return false;
        RunSet rs = vm.runSet.get();
        for (ViewCell c : renderedCells()) if (c.shown() != rs) return false;
        return true;
    }

    private List<ViewCell> renderedCells() {
        List<ViewCell> out = new ArrayList<>();
        for (ViewCell c : cells.values()) if (c.isRendered()) out.add(c);
        return out;
    }

    /** the sweep view in the phase-diagram pane, or null */
    public org.dlnexplorer.app.phase.PhaseDiagramView phaseDiagram() { return phaseView; }

    /** A clicked phase-diagram cell: take its τ and δ (the other controls stay). */
    private void loadCell(Preset cell) {
        vm.batch(() -> {
            if (cell.init != null && cell.init.delta != null) vm.delta.set(Math.max(DELTA_MIN, Math.min(DELTA_MAX, cell.init.delta)));
            if (cell.init != null && cell.init.scale != null && cell.init.scale > 0)
                vm.logScale.set(Math.log10(Math.max(TAU_MIN, Math.min(TAU_MAX, cell.init.scale))));
        });
    }

    private void dispose() {
        disposed = true;
        if (phaseView != null) phaseView.dispose();
        pulse.stop();
        service.close();
        renderer.close();
    }

    // ---------------------------------------------------------------- controls

    private Node controls() {
        Consumer<String> messages = vm.inputMessage::set;
        presetPicker.setId("preset-picker");
        presetPicker.setMaxWidth(Double.MAX_VALUE);
        presetPicker.setTooltip(new Tooltip("Lecture presets (presets/*.json)"));
        presetDescription.setWrapText(true);
        presetDescription.getStyleClass().add("preset-description");
        presetDescription.setId("preset-description");
        presetEquation.setWrapText(true);
        presetEquation.getStyleClass().add("preset-equation");
        presetEquation.setId("preset-equation");

        NumberControl delta = number("delta-slider", "δ", "", "Relative scale δ: last layer's squared gain minus the first's (δ > 0 upstream, δ < 0 downstream)",
                DELTA_MIN, DELTA_MAX, 0, false, false, messages);
        delta.valueProperty().bindBidirectional(vm.delta);
        NumberControl tau = number("scale-slider", "τ", "", "Initialization scale τ (log scale): W_eff(0) ≈ τ in every mode",
                TAU_MIN, TAU_MAX, 0.01, true, false, messages);
        tau.valueProperty().addListener((o, a, b) -> {
            double ls = Math.log10(b.doubleValue());
            if (Math.abs(ls - vm.logScale.get()) > 1e-12) vm.logScale.set(ls);
        });
        vm.logScale.addListener((o, a, b) -> {
            double t = Math.pow(10, b.doubleValue());
            if (Math.abs(Math.log10(tau.valueProperty().get()) - b.doubleValue()) > 1e-12) tau.valueProperty().set(t);
        });
        TextField seed = new TextField();
        seed.setId("seed-field");
        seed.setPrefColumnCount(8);
        seed.setTooltip(new Tooltip("Random seed of the initialization (whole number ≥ 0)"));
        Runnable commitSeed = () -> {
            String s = seed.getText().trim();
            try {
                long v = Long.parseLong(s);
                if (v < 0) throw new NumberFormatException();
                if (v != vm.seed.get()) { vm.seed.set(v); vm.inputMessage.set(""); }
            } catch (NumberFormatException e) {
                vm.inputMessage.set("seed: \"" + s + "\" is not a whole number ≥ 0; kept " + vm.seed.get());
            }
            seed.setText(Long.toString(vm.seed.get()));
        };
        seed.setOnAction(e -> commitSeed.run());
        seed.focusedProperty().addListener((o, was, now) -> { if (!now) commitSeed.run(); });
        vm.seed.addListener((o, a, b) -> seed.setText(Long.toString(b.longValue())));
        seed.setText(Long.toString(vm.seed.get()));
        // δ, τ and seed shape generated initializations only: an explicit init ignores them
        javafx.beans.binding.BooleanBinding explicit = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.basePreset.get() != null && vm.basePreset.get().init != null
                        && "explicit".equals(vm.basePreset.get().init.scheme), vm.basePreset);
        delta.disableProperty().bind(explicit.or(comparing("init.delta")));
        tau.disableProperty().bind(explicit.or(comparing("init.scale")));
        seed.disableProperty().bind(explicit.or(comparing("init.seed")));

        NumberControl depth = number("depth-slider", "L", "", "Depth L: number of weight matrices", 1, DEPTH_MAX, 2, false, true, messages);
        bindInt(depth, vm.depth);
        depth.disableProperty().bind(comparing("network.depth"));
        NumberControl width = number("width-slider", "n", "", "Hidden width (every hidden layer)", 1, WIDTH_MAX, 2, false, true, messages);
        bindInt(width, vm.width);
        width.disableProperty().bind(comparing("network.width"));

        TextField targets = new TextField();
        targets.setId("targets-field");
        targets.setTooltip(new Tooltip("Target singular values s_α, comma separated (≥ 0), as many as the preset has"));
        Runnable commitTargets = () -> {
            String text = targets.getText();
            double[] old = vm.targets.get();
            try {
                String[] parts = text.trim().split("[,;\\s]+");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Double.parseDouble(parts[i].replace('−', '-'));
                    if (!(v[i] >= 0) || v[i] > 100) throw new NumberFormatException();
                }
                if (v.length != old.length) {
                    vm.inputMessage.set("targets: need " + old.length + " values (got " + v.length + "); kept previous");
                } else if (!java.util.Arrays.equals(v, old)) {
                    vm.targets.set(v);
                    vm.inputMessage.set("");
                }
            } catch (NumberFormatException e) {
                vm.inputMessage.set("targets: \"" + text + "\" must be numbers between 0 and 100; kept previous");
            }
            targets.setText(formatList(vm.targets.get()));
        };
        targets.setOnAction(e -> commitTargets.run());
        targets.focusedProperty().addListener((o, was, now) -> { if (!now) commitTargets.run(); });
        vm.targets.addListener((o, a, b) -> targets.setText(formatList(b)));
        targets.disableProperty().bind(vm.targets.isNull().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.targets.get() == null || vm.targets.get().length == 0, vm.targets)));

        ComboBox<Method> method = new ComboBox<>();
        method.setId("method-picker");
        method.getItems().setAll(Method.GRADIENT_FLOW, Method.GRADIENT_DESCENT);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Method m) { return m == null ? "" : m == Method.GRADIENT_DESCENT ? "gradient descent" : "gradient flow"; }
            @Override public Method fromString(String s) { return s.contains("descent") ? Method.GRADIENT_DESCENT : Method.GRADIENT_FLOW; }
        });
        method.valueProperty().bindBidirectional(vm.method);
        method.setTooltip(new Tooltip("Gradient flow (adaptive ODE) or discrete gradient descent with step η"));
        NumberControl eta = number("learning-rate-slider", "η", "", "Learning rate η of gradient descent (log scale); t = η·k",
                ETA_MIN, ETA_MAX, 0.05, true, false, messages);
        eta.valueProperty().bindBidirectional(vm.learningRate);
        eta.disableProperty().bind(vm.method.isNotEqualTo(Method.GRADIENT_DESCENT).or(comparing("training.learningRate")));
        NumberControl duration = number("duration-slider", "T", "t.u.", "Duration of the run in time units",
                DURATION_MIN, DURATION_MAX, 6, true, false, messages);
        duration.valueProperty().bindBidirectional(vm.duration);
        duration.disableProperty().bind(comparing("training.duration"));

        // playback
        playButton.setId("play-button");
        playButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playing).then("Pause").otherwise("Play"));
        playButton.setOnAction(e -> togglePlay());
        playButton.setTooltip(new Tooltip("Play / pause: move the time cursor through t (Ctrl+Space)"));
        Button step = new Button("Step");
        step.setId("step-button");
        step.setOnAction(e -> stepCursor());
        step.setTooltip(new Tooltip("Pause and move the cursor one recorded frame forward (Ctrl+Right)"));
        Button reset = new Button("Reset all");
        reset.setId("reset-button");
        reset.setOnAction(e -> vm.resetAll());
        reset.setTooltip(new Tooltip("Restore every control to the preset's values (Ctrl+R)"));
        HBox playRow = new HBox(6, playButton, step, reset);
        NumberControl speed = number("speed-slider", "×", "", "Playback speed (1 = whole run in " + (int) PLAYBACK_SECONDS + " s)",
                0.1, 10, 1, true, false, messages);
        speed.valueProperty().bindBidirectional(vm.speed);
        CheckBox logTime = new CheckBox("log-time axis (loss)");
        logTime.setId("log-time-toggle");
        logTime.selectedProperty().bindBidirectional(vm.logTime);
        Button export = new Button("Export…");
        export.setId("export-button");
        export.setTooltip(new Tooltip("Write every visible view (1600×1000, slide style) into a chosen folder"));
        export.setOnAction(e -> chooseAndExport());
        exportFormat.setId("export-format");
        exportFormat.getItems().setAll(org.dlnexplorer.export.ExportFormat.values());
        exportFormat.setValue(org.dlnexplorer.export.ExportFormat.PNG);
        exportFormat.setTooltip(new Tooltip("File format of the exported views"));
        Button exportData = new Button("Data…");
        exportData.setId("export-data-button");
        exportData.setTooltip(new Tooltip("Write the trajectory (every run of the set) as CSV or JSON"));
        exportData.setOnAction(e -> chooseAndExportData());
        HBox exportRow = new HBox(6, export, exportFormat, exportData);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        inputMessage.setId("input-message");
        inputMessage.setWrapText(true);
        inputMessage.getStyleClass().add("input-message");
        inputMessage.textProperty().bind(vm.inputMessage);
        inputMessage.visibleProperty().bind(vm.inputMessage.isNotEmpty());
        inputMessage.managedProperty().bind(inputMessage.visibleProperty());

        Button open = new Button("Open…");
        open.setId("open-preset-button");
        open.setTooltip(new Tooltip("Open a preset file (.json)"));
        open.setOnAction(e -> chooseAndOpen());
        Button save = new Button("Save…");
        save.setId("save-preset-button");
        save.setTooltip(new Tooltip("Save the current controls as a preset file (.json)"));
        save.setOnAction(e -> chooseAndSave());
        recentButton.setId("recent-presets-button");
        recentButton.setTooltip(new Tooltip("Recently used preset files"));
        recentButton.setOnShowing(e -> refreshRecent());
        refreshRecent();
        HBox files = new HBox(6, open, save, recentButton);

        VBox box = new VBox(8,
                header("Preset"), presetPicker, files, presetDescription, presetEquation,
                header("Initialization"), delta, tau, labelled("seed", seed),
                header("Network"), depth, width,
                header("Task"), labelled("s_α", targets),
                header("Training"), labelled("method", method), eta, duration,
                header("Playback"), playRow, speed, logTime,
                new Separator(), exportRow, inputMessage);
        box.setPadding(new Insets(10));
        box.setPrefWidth(320);
        box.getStyleClass().add("controls");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(340);
        scroll.setMinWidth(300);
        return scroll;
    }

    /** true while the loaded preset's compare set varies this field (its control would have no effect) */
    private javafx.beans.binding.BooleanBinding comparing(String path) {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Preset p = vm.basePreset.get();
            return p != null && p.compare != null && path.equals(p.compare.parameter);
        }, vm.basePreset);
    }

    private NumberControl number(String id, String sym, String unit, String tip, double min, double max, double init,
                                 boolean log, boolean integer, Consumer<String> messages) {
        NumberControl c = new NumberControl(id, sym, unit, tip, min, max, init, log, integer, messages);
        numberControls.add(c);
        return c;
    }

    private static void bindInt(NumberControl c, javafx.beans.property.IntegerProperty p) {
        c.valueProperty().addListener((o, a, b) -> { int v = (int) Math.round(b.doubleValue()); if (v != p.get()) p.set(v); });
        p.addListener((o, a, b) -> { if (Math.round(c.valueProperty().get()) != b.intValue()) c.valueProperty().set(b.intValue()); });
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-header");
        return l;
    }

    private static HBox labelled(String name, Node n) {
        Label l = new Label(name);
        l.setMinWidth(60);
        HBox.setHgrow(n, Priority.ALWAYS);
        HBox b = new HBox(6, l, n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    static String formatList(double[] v) {
        if (v == null) return "";
        StringBuilder b = new StringBuilder();
        for (double x : v) { if (b.length() > 0) b.append(", "); b.append(Fmt.num(x)); }
        return b.toString();
    }

    // ---------------------------------------------------------------- views

    private Node viewsArea() {
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < ROWS; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / ROWS);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        layoutGrid();
        for (Node n : allViewNodes()) {
            n.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) toggleMaximize(n);
            });
        }
        scrubber.setId("time-scrubber");
        scrubber.setTooltip(new Tooltip("Time cursor: moves a marker through every view"));
        scrubber.maxProperty().bind(vm.duration);
        scrubber.valueProperty().bindBidirectional(vm.cursorT);
        scrubber.setBlockIncrement(0.05);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        cursorLabel.setMinWidth(120);
        cursorLabel.getStyleClass().add("cursor-label");
        cursorLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "t = %.3f", vm.cursorT.get()), vm.cursorT));
        Label tl = new Label("time");
        HBox scrub = new HBox(8, tl, scrubber, cursorLabel);
        scrub.setAlignment(Pos.CENTER_LEFT);
        scrub.setPadding(new Insets(2, 8, 4, 8));
        BorderPane area = new BorderPane(grid);
        area.setBottom(scrub);
        return area;
    }

    private List<Node> allViewNodes() {
        List<Node> nodes = new ArrayList<>();
        for (ViewId id : ViewId.values()) nodes.add(id == ViewId.PHASE_DIAGRAM ? phasePlaceholder : cells.get(id));
        return nodes;
    }

    private void layoutGrid() {
        grid.getChildren().clear();
        // 3 × 3: the singular values span two columns of the first row
        List<Node> nodes = allViewNodes();
        int cell = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            int span = i == 0 ? 2 : 1;
            GridPane.setRowSpan(n, 1);
            n.setVisible(true);
            grid.add(n, cell % COLUMNS, cell / COLUMNS, span, 1);
            cell += span;
        }
    }

    /** Double-click: show one view over the whole grid, or restore the grid. */
    public void toggleMaximize(Node n) {
        if (grid.getChildren().size() == 1 && grid.getChildren().get(0) == n) {
            maximized = null;
            layoutGrid();
        } else {
            grid.getChildren().clear();
            grid.add(n, 0, 0, COLUMNS, ROWS);
            maximized = n instanceof ViewCell vc ? vc : null;
        }
        viewsDirty = true;
    }

    public boolean isMaximized(ViewId id) {
        return grid.getChildren().size() == 1 && grid.getChildren().get(0).getId() != null
                && grid.getChildren().get(0).getId().equals(id.nodeId());
    }

    // ---------------------------------------------------------------- status

    private Node statusBar() {
        statusRegime.setId("status-regime");
        statusDelta.setId("status-delta");
        statusTheory.setId("status-theory");
        statusTime.setId("status-time");
        statusDiverged.setId("status-diverged");
        statusError.setId("status-error");
        statusDiverged.getStyleClass().add("status-warning");
        statusError.getStyleClass().add("status-error");
        statusError.textProperty().bind(vm.error);
        // the same slot reports results of exports and saves: red only for errors
        vm.error.addListener((o, a, b) -> {
            boolean bad = b != null && (b.startsWith("error") || b.startsWith("presets skipped") || b.startsWith("phase diagram"));
            statusError.getStyleClass().removeAll("status-error", "status-info");
            statusError.getStyleClass().add(bad ? "status-error" : "status-info");
        });
        statusTheory.setMaxWidth(520);
        // the whole line when it is cut (one tooltip, following the text: no new popup per run)
        Tooltip theoryTip = new Tooltip();
        theoryTip.textProperty().bind(statusTheory.textProperty());
        statusTheory.setTooltip(theoryTip);
        statusError.setMaxWidth(600);
        HBox bar = new HBox(18, statusRegime, statusDelta, statusTheory, statusTime, statusDiverged, statusError);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void updateStatus() {
        RunSet rs = vm.runSet.get();
        Params p = vm.shownParams.get();
        if (rs == null || rs.runs().isEmpty() || rs.runs().get(0).trajectory().frames().isEmpty()) {
            statusRegime.setText("regime: –");
            statusDelta.setText("δ: –");
            statusTheory.setText("theory: –");
            statusDiverged.setText("");
            return;
        }
        Trajectory tr = rs.runs().get(0).trajectory();
        double d = RunSummary.conservedDelta(tr);
        double nominal = p == null ? vm.delta.get() : p.delta();
        String prefix = rs.runs().size() > 1 ? rs.runs().get(0).label() + ": " : "";
        statusRegime.setText("regime: " + prefix + RunSummary.regime(Double.isNaN(d) ? nominal : d, p == null ? vm.tau() : p.tau(), tr)
                + " (S = " + String.format(Locale.ROOT, "%.3f", tr.last().kernelDistance()) + ")");
        statusDelta.setText(Double.isNaN(d) ? "conserved δ: n/a (not λ-balanced)" : "conserved δ = " + Fmt.num(clean(d)));
        statusTheory.setText(RunSummary.theoryLine(rs));
        statusDiverged.setText(RunSummary.divergence(rs));
    }

    private static double clean(double d) { return Math.abs(d) < 1e-12 ? 0 : d; }

    // ---------------------------------------------------------------- wiring and pulses

    private void wire() {
        presetPicker.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e == null) return;
            presetDescription.setText(e.preset().description == null ? "" : e.preset().description);
            presetEquation.setText(PresetLibrary.equation(e.preset()));
            vm.load(e.preset(), e.source());
            recompute();
        });
        javafx.beans.InvalidationListener params = o -> recompute();
        vm.delta.addListener(params);
        vm.logScale.addListener(params);
        vm.depth.addListener(params);
        vm.width.addListener(params);
        vm.learningRate.addListener(params);
        vm.method.addListener(params);
        vm.targets.addListener(params);
        vm.seed.addListener(params);
        vm.duration.addListener(params);
        vm.cursorT.addListener(o -> viewsDirty = true);
        vm.logTime.addListener(o -> viewsDirty = true);
        vm.duration.addListener((o, a, b) -> { if (vm.cursorT.get() > b.doubleValue() || vm.cursorT.get() == a.doubleValue()) vm.cursorT.set(b.doubleValue()); });
        vm.recomputeMillis.addListener((o, a, b) -> statusTime.setText(b.longValue() < 0 ? "" : "recomputed in " + b + " ms"));
    }

    /**
     * Parameters changed. A single change (a slider step) is submitted at once, so that its computation
     * starts without waiting for the FX thread, when nothing was submitted since the last pulse began; a
     * burst of changes in one event (a preset load or reset-all, {@link ViewModel#inBatch()}) is submitted
     * once, right after that event. Later changes within the same pulse interval wait for the next pulse
     * and go as one request.
     */
    private void recompute() {
        vm.complete.set(false);
        if (recomputeWanted) return;
        changeNanos = System.nanoTime();
        recomputeWanted = true;
        if (submittedSincePulse) return;
        if (!vm.inBatch()) {
            submitWanted();
        } else if (!earlySubmitScheduled) {
            earlySubmitScheduled = true;
            Platform.runLater(() -> {
                earlySubmitScheduled = false;
                if (!submittedSincePulse) submitWanted();
            });
        }
    }

    /** Submit the controls' parameters if a change asked for it (cancels the running computation). */
    private void submitWanted() {
        if (!recomputeWanted || disposed) return;
        recomputeWanted = false;
        Preset base = vm.basePreset.get();
        if (base == null) return;
        long g = service.submit(base, vm.presetSource.get(), vm.params());
        submittedSincePulse = true;
        submittedGeneration = g;
        changeRingGeneration[(int) (g % CHANGE_RING)] = g;
        changeRingNanos[(int) (g % CHANGE_RING)] = changeNanos;
        phaseWanted = true;
    }

    private void onPulse(long now) {
        long wall = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        try {
            pulseWork(now);
        } finally {
            handlerStartNanos = wall;
            handlerWallNanos = System.nanoTime() - wall;
            handlerCpuNanos = cpu >= 0 ? CPU.getCurrentThreadCpuTime() - cpu : -1;
            maxPulseWallNanos = Math.max(maxPulseWallNanos, handlerWallNanos);
            maxPulseCpuNanos = Math.max(maxPulseCpuNanos, handlerCpuNanos);
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The most FX-thread CPU time one pulse of this window used (our per-pulse work: snapshot, playback,
     * pixel copies, status). CPU time, so that a loaded machine's scheduling delays do not count.
     */
    public long maxPulseCpuNanos() { return maxPulseCpuNanos; }

    /** the same in wall-clock time (includes time the FX thread waited for a CPU) */
    public long maxPulseWallNanos() { return maxPulseWallNanos; }

    public void resetPulseStatistics() { maxPulseCpuNanos = 0; maxPulseWallNanos = 0; }

    // ---- latency hooks for LatencyProbe (FX thread)

    /** nanoTime at the start of our handler in the newest pulse (-1 before the first) */
    long handlerStartNanos() { return handlerStartNanos; }
    /** wall-clock duration of our handler in the newest pulse */
    long handlerWallNanos() { return handlerWallNanos; }
    /** FX-thread CPU time of our handler in the newest pulse (-1: not supported) */
    long handlerCpuNanos() { return handlerCpuNanos; }
    /** generation of the newest request submitted to the service (-1: none yet) */
    long submittedGeneration() { return submittedGeneration; }
    /** generation of the newest complete picture (every rendered chart view shows its complete run set) */
    long pictureGeneration() { return pictureGeneration; }
    /** nanoTime at the end of the handler that installed the newest complete picture */
    long pictureNanos() { return pictureNanos; }
    /** nanoTime of the parameter change that led to the newest complete picture (-1: unknown) */
    long pictureChangeNanos() { return pictureChangeNanos; }
    /** the service's own compute time (ms) of the newest complete picture's run set */
    long pictureComputeMillis() { return pictureComputeMillis; }
    /** nanoTime at which our handler took the newest complete picture's snapshot from the service */
    long picturePolledNanos() { return picturePolledNanos; }
    /** complete pictures shown since the window opened */
    long pictureCount() { return pictureCount; }

    /** true when the newest request's result is on screen: its complete picture, or its error */
    private boolean viewsShowNewest() {
        long newest = service.generation();
        return shownGeneration == newest && (!shownComplete || pictureGeneration >= newest);
    }

    /**
     * The run set every rendered view shows (with3d false: every image-based view, without the 3D
     * hyperboloid), or null when they differ or one shows nothing yet.
     */
    private RunSet commonRunSet(boolean with3d) {
        RunSet shown = null;
        for (ViewCell c : cells.values()) {
            if (!c.isRendered() || (!with3d && c instanceof ViewCell.Hyperboloid h && h.isThreeD())) continue;
            if (c.shown() == null) return null;
            if (shown == null) shown = c.shown();
            else if (c.shown() != shown) return null;
        }
        return shown;
    }

    private boolean isRecentComplete(RunSet runs) {
        for (RunSet r : recentRuns) if (r == runs) return true;
        return false;
    }

    /**
     * Latency hook, after new images or a new snapshot: when every rendered chart view (and the 3D
     * hyperboloid) shows one and the same complete run set of a newer generation than the last complete
     * picture, that is the newest complete picture. While a drag outruns the renderer the views may show
     * an older complete run set than the newest snapshot: hence the recent complete snapshots.
     */
    private void notePicture() {
        RunSet shown = commonRunSet(true);
        if (shown == null) return;
        for (int i = 0; i < RECENT; i++) {
            if (recentRuns[i] != shown) continue;
            long g = recentGeneration[i];
            if (g <= pictureGeneration) return;
            int slot = (int) (g % CHANGE_RING);
            pictureGeneration = g;
            pictureNanos = System.nanoTime();
            pictureChangeNanos = changeRingGeneration[slot] == g ? changeRingNanos[slot] : -1;
            pictureComputeMillis = recentComputeMillis[i];
            picturePolledNanos = recentPolledNanos[i];
            pictureCount++;
            return;
        }
    }

    private void pulseWork(long now) {
        double dt = lastPulse < 0 ? 0 : (now - lastPulse) / 1e9;
        lastPulse = now;
        submittedSincePulse = false;
        submitWanted();
        if (phaseWanted && service.isIdle() && viewsShowNewest()) {
            // the phase diagram follows once the interactive run is done and its picture is on screen, so
            // that a drag never competes with a sweep restart and a marker move (a redraw of the whole map
            // on the FX thread) never delays the views; same preset up to (τ, δ): the marker moves;
            // anything else: a new sweep
            phaseWanted = false;
            Preset base = vm.basePreset.get();
            try {
                if (base != null && phaseView != null) phaseView.setPreset(vm.params().applyTo(base));
            } catch (RuntimeException ex) {
                vm.error.set("phase diagram: " + ex.getMessage());
            }
        }
        takeSnapshot();
        if (vm.playing.get()) {
            double end = vm.duration.get();
            double t = vm.cursorT.get() + dt * vm.speed.get() * end / PLAYBACK_SECONDS;
            if (t >= end) { t = end; vm.playing.set(false); }
            vm.cursorT.set(t);
        }
        RunSet rs = vm.runSet.get();
        requestRender();
        refreshStatus();
        ChartRenderer.Frame frame = renderer.poll();
        if (frame != null) {
            for (Map.Entry<ViewId, ChartRenderer.Painted> e : frame.images().entrySet()) {
                ViewCell c = e.getKey() == ViewId.PHASE_DIAGRAM ? phaseCell : cells.get(e.getKey());
                c.setImage(e.getValue().image(), e.getValue().runs(), e.getValue().time());
                renderer.recycle(e.getValue().image());   // its pixels are in the scene now
            }
        }
        // the 3D hyperboloid follows the run set the chart images show (so that all views show one run),
        // or the newest snapshot while the charts differ or show nothing yet
        RunSet charted = commonRunSet(false);
        RunSet follow = charted != null ? charted : rs;
        boolean followComplete = charted != null ? isRecentComplete(charted) : vm.complete.get();
        for (ViewCell c : cells.values()) {
            if (!c.isVisible()) continue;
            c.placeCursor(vm.cursorT.get());
            c.pulse(follow, vm.cursorT.get(), followComplete, now);
        }
        notePicture();   // every pulse: the last view to catch up (e.g. the 3D one) may do so without a new frame
        if (onIdle != null && isSettled()) {
            Runnable r = onIdle;
            onIdle = null;
            r.run();
        }
    }

    /**
     * A computation finished (called once per finished request, without waiting for a pulse): take its
     * snapshot now. A complete run set is already being painted (paint-ahead); this request for the same
     * images finds them drawn. The images are installed at a pulse as usual.
     */
    private void onComputationFinished() {
        if (disposed) return;
        if (takeSnapshot()) requestRender();
        refreshStatus();
    }

    private boolean statusDirty;

    /** Rewrite the status line if a new snapshot arrived (after the chart painters got their job). */
    private void refreshStatus() {
        if (!statusDirty) return;
        statusDirty = false;
        updateStatus();
    }

    /** Ask the chart renderer for the views' new images if anything they show changed. */
    private void requestRender() {
        if (!viewsDirty) return;
        viewsDirty = false;
        Map<ViewId, ChartRenderer.ViewState> states = new java.util.EnumMap<>(ViewId.class);
        for (ViewCell c : cells.values()) states.put(c.viewId(), c.state());
        states.put(ViewId.PHASE_DIAGRAM, phaseCell.state());
        ViewsNow v = new ViewsNow(java.util.Collections.unmodifiableMap(states), vm.cursorT.get(), vm.logTime.get());
        viewsNow = v;
        paint(vm.runSet.get(), shownComplete, v);
    }

    /** Ask the painters for images of runs as the views v look (any thread). */
    private void paint(RunSet runs, boolean complete, ViewsNow v) {
        renderer.request(new ChartRenderer.Job(renderSeq.incrementAndGet(), runs, complete, v.cursorT(), v.logTime(), v.states()));
    }

    /**
     * Simulation thread: start painting a finished run set as the views last asked for (size, cursor, time
     * axis) without waiting for the FX thread to take it. When the FX thread takes the snapshot, it asks for
     * the same images, which the painters then find already drawn.
     */
    private void paintAhead(RunSet runs) {
        ViewsNow v = viewsNow;
        if (v != null && !disposed) paint(runs, true, v);
    }

    /** Take the newest service snapshot, if any (latest wins): run set, status, error. True when one was taken. */
    private boolean takeSnapshot() {
        SimulationService.Snapshot s = service.poll();
        if (s == null) return false;
        if (s.generation() >= shownGeneration) {
            shownGeneration = s.generation();
            shownComplete = s.error() == null && s.complete();
            if (shownComplete) {
                int slot = (int) (s.generation() % RECENT);
                recentRuns[slot] = s.runs();
                recentGeneration[slot] = s.generation();
                recentComputeMillis[slot] = s.millis();
                recentPolledNanos[slot] = System.nanoTime();
            }
            if (s.error() != null) {
                vm.error.set("error: " + s.error());
                vm.complete.set(s.generation() == service.generation());
            } else {
                vm.error.set("");
                vm.runSet.set(s.runs());
                vm.shownParams.set(s.params());
                boolean current = s.generation() == service.generation();
                vm.complete.set(s.complete() && current);
                if (s.complete()) vm.recomputeMillis.set(s.millis());
                statusDirty = true;   // the status line follows once the views' images are requested
            }
            viewsDirty = true;
        }
        return true;
    }

    public void togglePlay() {
        if (!vm.playing.get() && vm.cursorT.get() >= vm.duration.get() - 1e-12) vm.cursorT.set(0);
        vm.playing.set(!vm.playing.get());
    }

    /** Pause and move the cursor to the next recorded frame. */
    public void stepCursor() {
        vm.playing.set(false);
        RunSet rs = vm.runSet.get();
        double t = vm.cursorT.get();
        double next = Double.NaN;
        if (rs != null && !rs.runs().isEmpty())
            for (double ti : rs.runs().get(0).trajectory().times()) if (ti > t + 1e-12) { next = ti; break; }
        if (Double.isNaN(next)) next = t >= vm.duration.get() ? 0 : vm.duration.get();
        vm.cursorT.set(Math.min(next, vm.duration.get()));
    }

    // ---------------------------------------------------------------- preset files

    private final javafx.scene.control.MenuButton recentButton = new javafx.scene.control.MenuButton("Recent");
    private RecentFiles recent = RecentFiles.forUser();

    /** for tests: use another store of recently used files */
    void setRecentFiles(RecentFiles store) {
        recent = store;
        refreshRecent();
    }

    private void refreshRecent() {
        recentButton.getItems().clear();
        for (Path p : recent.list()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p.getFileName() + "  —  " + p);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(p));
            recentButton.getItems().add(item);
        }
        recentButton.setDisable(recentButton.getItems().isEmpty());
    }

    /** the recently used preset files shown in the Recent menu */
    public List<Path> recentFiles() { return recent.list(); }

    private void chooseAndOpen() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open preset");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Presets (*.json)", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Load a preset file into the picker and select it; a bad file leaves everything as it was. */
    public boolean open(Path file) {
        try {
            Preset p = org.dlnexplorer.preset.PresetIo.read(file);
            PresetLibrary.Entry e = new PresetLibrary.Entry(file.getFileName().toString(), file.toString(), p);
            presetPicker.getItems().add(0, e);
            presetPicker.getSelectionModel().select(e);
            vm.error.set("");
            recent.add(file);
            refreshRecent();
            return true;
        } catch (org.dlnexplorer.preset.PresetException ex) {
            vm.error.set("error: " + ex.getMessage());
            return false;
        }
    }

    private void chooseAndSave() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save preset");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Presets (*.json)", "*.json"));
        chooser.setInitialFileName("preset.json");
        File f = chooser.showSaveDialog(stage);
        if (f != null) save(f.toPath());
    }

    /** Write the current controls, applied to the loaded preset, as a preset file (atomically). */
    public boolean save(Path file) {
        Preset base = vm.basePreset.get();
        if (base == null) return false;
        try {
            Preset p = vm.params().applyTo(base);
            org.dlnexplorer.preset.PresetIo.writeAtomically(file, org.dlnexplorer.preset.PresetIo.toJson(p));
            vm.error.set("saved " + file);
            recent.add(file);
            refreshRecent();
            return true;
        } catch (Exception ex) {
            vm.error.set("error: cannot save " + file + ": " + ex.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- export

    private void chooseAndExport() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export views as " + exportFormat.getValue() + " into…");
        File dir = chooser.showDialog(stage);
        if (dir != null) export(dir.toPath());
    }

    private void chooseAndExportData() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export trajectory");
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"),
                new javafx.stage.FileChooser.ExtensionFilter("JSON (*.json)", "*.json"));
        chooser.setInitialFileName("trajectory.csv");
        File f = chooser.showSaveDialog(stage);
        if (f != null) exportData(f.toPath());
    }

    /** Write the shown run set as CSV/JSON (by extension), off the FX thread; reports in the status bar. */
    public void exportData(Path file) {
        RunSet rs = vm.runSet.get();
        if (rs == null) { vm.error.set("nothing to export yet"); return; }
        background("dln-export-data", () -> {
            List<Path> files = org.dlnexplorer.export.TrajectoryExport.write(rs, file);
            return "exported " + files.size() + (files.size() == 1 ? " file: " : " files: ") + files.get(0)
                    + (files.size() > 1 ? " …" : "");
        });
    }

    /** Run an export job on its own daemon thread; its message (or error) goes to the status bar. */
    private void background(String name, java.util.concurrent.Callable<String> job) {
        Thread t = new Thread(() -> {
            String result;
            try {
                result = job.call();
            } catch (Exception ex) {
                result = "error: export failed: " + ex.getMessage();
            }
            String msg = result;
            Platform.runLater(() -> vm.error.set(msg));
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Render the visible views (slide style) into dir in the chosen format, off the FX thread; reports in the status bar. */
    public void export(Path dir) {
        RunSet rs = vm.runSet.get();
        if (rs == null) { vm.error.set("nothing to export yet"); return; }
        List<ViewId> views = new ArrayList<>();
        for (ViewId id : ViewId.values()) {
            if (id == ViewId.PHASE_DIAGRAM) continue;
            ViewCell c = cells.get(id);
            if (c.getParent() != null) views.add(id);
        }
        org.dlnexplorer.export.ExportFormat format = exportFormat.getValue();
        background("dln-export", () -> {
            List<Path> files = ViewExport.views(dir, views, rs, format);
            return "exported " + files.size() + " " + format + " files to " + dir;
        });
    }
}
