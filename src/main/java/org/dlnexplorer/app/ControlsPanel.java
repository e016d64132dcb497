package org.dlnexplorer.app;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dlnexplorer.export.ExportFormat;
import org.dlnexplorer.model.engine.Method;
import org.dlnexplorer.preset.Preset;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.dlnexplorer.app.ControlRanges.*;

/**
 * The controls on the left: preset picker and files, initialization, network, task, training, playback,
 * export, and the message line. Binds to the view-model; asks the given actions for everything else.
 * FX thread.
 */
final class ControlsPanel {
    /** τ and log₁₀ τ agree when they differ by less than this in log₁₀ */
    private static final double LOG_EPSILON = 1e-12;

    /** what the panel's buttons do beyond the view-model */
    record Actions(Runnable togglePlay, Runnable stepCursor, Runnable stepBack, Consumer<PresetLibrary.Entry> presetChosen) {}

    private final ViewModel vm;
    private final ControlsModel fields;
    private final PresetFiles files;
    private final ExportActions exports;
    private final Actions actions;
    private final ComboBox<PresetLibrary.Entry> presetPicker = new ComboBox<>();
    /** the description with its sub- and superscripts drawn (no TeX markup), lines broken between words */
    private final DescriptionText presetDescription = new DescriptionText(13);
    private final Label presetEquation = new Label();
    private final MenuButton recentButton = new MenuButton("Recent");
    private final Consumer<String> messages;
    private final ScrollPane node;
    /** the governing equation, typeset */
    private final EquationBox equation;
    /** the compare set, the target's basis and the inputs */
    private final TaughtControls taught;

    ControlsPanel(ViewModel vm, ControlsModel fields, PresetFiles files, ExportActions exports, Actions actions,
                  Executor background) {
        this.vm = vm;
        this.fields = fields;
        this.files = files;
        this.exports = exports;
        this.actions = actions;
        this.equation = new EquationBox(presetEquation, background);
        this.messages = vm.inputMessage::set;
        this.taught = new TaughtControls(vm, fields);
        VBox box = new VBox(8,
                header("Preset"), presetPicker, fileRow(), messageLine(vm.presetMessage, "preset-message"),
                presetDescription, presetEquation, header("Initialization"));
        box.getChildren().addAll(initialization());
        box.getChildren().add(header("Network"));
        box.getChildren().addAll(network());
        box.getChildren().add(header("Task"));
        box.getChildren().addAll(task());
        box.getChildren().addAll(taught.taskNodes(piecewise().not()));
        box.getChildren().add(header("Compare set"));
        box.getChildren().addAll(taught.compareNodes());
        box.getChildren().add(header("Training"));
        box.getChildren().addAll(training());
        box.getChildren().add(header("Playback"));
        box.getChildren().addAll(playback());
        box.getChildren().addAll(new Separator(), exportRow(), messageLine(vm.inputMessage, "input-message"));
        box.setPadding(new Insets(10));
        box.setPrefWidth(320);
        box.getStyleClass().add("controls");
        node = new ScrollPane(box);
        node.setFitToWidth(true);
        node.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        LiveViewport.uncache(node);   // the value labels change while a slider is dragged
        node.getStyleClass().add(ViewGrid.VIEW_SCROLL);   // no background under the controls' own (app.css)
        node.setPrefWidth(340);
        node.setMinWidth(300);
        presetPicker.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e == null) return;
            presetDescription.setText(e.preset().description);
            showEquation(e.preset());
            vm.presetMessage.set("");
            actions.presetChosen().accept(e);
        });
        files.setOnRecentChanged(this::refreshRecent);
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {vm.delta, vm.logScale, vm.depth, vm.width,
                vm.method, vm.targets, vm.learningRate, vm.seed, vm.taught})
            o.addListener(x -> liveChanged());
    }

    Node node() { return node; }

    /** Fill the picker and select first (which loads it). */
    void setPresets(List<PresetLibrary.Entry> entries, PresetLibrary.Entry first) {
        presetPicker.getItems().setAll(entries);
        presetPicker.getSelectionModel().select(first);
    }

    /** Put an opened preset at the top of the picker and select it (which loads it). */
    void showPreset(PresetLibrary.Entry e) {
        presetPicker.getItems().add(0, e);
        presetPicker.getSelectionModel().select(e);
    }

    /** Select a preset (putting it at the top of the picker when it is not there), which loads it. */
    void select(PresetLibrary.Entry e) {
        if (!presetPicker.getItems().contains(e)) presetPicker.getItems().add(0, e);
        presetPicker.getSelectionModel().select(e);
    }

    /** The governing equation of what the controls would run now (the compare set, the live values). */
    private void showEquation(Preset p) {
        equation.show(p);
    }

    /** the live configuration changed: its equation may have (Saxe → λ-balanced when δ leaves 0) */
    private void liveChanged() {
        Preset base = vm.basePreset.get();
        if (base == null) return;
        try {
            showEquation(vm.params().applyTo(base));
        } catch (RuntimeException e) {
            // a value the preset refuses: the equation stays
        }
    }

    private Node fileRow() {
        presetPicker.setId("preset-picker");
        presetPicker.setMaxWidth(Double.MAX_VALUE);
        presetPicker.setTooltip(new Tooltip("Lecture presets (presets/*.json)"));
        presetDescription.getStyleClass().add("preset-description");
        presetDescription.setId("preset-description");
        presetEquation.getStyleClass().add("preset-equation");
        presetEquation.setId("preset-equation");
        Button open = button("Open…", "open-preset-button", "Open a preset file (.json)", files::chooseAndOpen);
        Button save = button("Save…", "save-preset-button", "Save the current controls as a preset file (.json)", files::chooseAndSave);
        recentButton.setId("recent-presets-button");
        recentButton.setTooltip(new Tooltip("Recently used preset files"));
        recentButton.setOnShowing(e -> refreshRecent());
        refreshRecent();
        return new HBox(6, open, save, recentButton);
    }

    private void refreshRecent() {
        recentButton.getItems().clear();
        for (Path p : files.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> files.open(p));
            recentButton.getItems().add(item);
        }
        recentButton.setDisable(recentButton.getItems().isEmpty());
    }

    private List<Node> initialization() {
        NumberControl delta = number("delta-slider", "δ", "", "Relative scale δ: last layer's squared gain minus the first's (δ > 0 upstream, δ < 0 downstream)",
                DELTA_MIN, DELTA_MAX, 0, false, false);
        delta.valueProperty().bindBidirectional(vm.delta);
        delta.setValidator(v -> fields.refusal("init.delta", v));   // e.g. the residual scheme has no δ
        NumberControl tau = number("scale-slider", "τ", "", "Initialization scale τ (log scale): W_eff(0) ≈ τ in every mode",
                TAU_MIN, TAU_MAX, 0.01, true, false);
        tau.setValidator(v -> fields.refusal("init.scale", v));
        tau.valueProperty().addListener((o, a, b) -> {
            double ls = Math.log10(b.doubleValue());
            if (Math.abs(ls - vm.logScale.get()) > LOG_EPSILON) vm.logScale.set(ls);
        });
        vm.logScale.addListener((o, a, b) -> {
            if (Math.abs(Math.log10(tau.valueProperty().get()) - b.doubleValue()) > LOG_EPSILON)
                tau.valueProperty().set(Math.pow(10, b.doubleValue()));
        });
        TextField seed = committed("seed-field", "Random seed of the initialization (whole number ≥ 0)", fields::commitSeed);
        seed.setPrefColumnCount(8);
        vm.seed.addListener((o, a, b) -> seed.setText(Long.toString(b.longValue())));
        seed.setText(Long.toString(vm.seed.get()));
        // δ, τ and seed shape generated initializations only: an explicit init ignores them
        BooleanBinding explicit = Bindings.createBooleanBinding(
                () -> vm.basePreset.get() != null && vm.basePreset.get().init != null
                        && "explicit".equals(vm.basePreset.get().init.scheme), vm.basePreset);
        delta.disableProperty().bind(explicit.or(comparing("init.delta")));
        tau.disableProperty().bind(explicit.or(comparing("init.scale")));
        // the neuron scheme is fixed by its direction, τ and δ: no seed
        BooleanBinding seedless = Bindings.createBooleanBinding(
                () -> vm.basePreset.get() != null && vm.basePreset.get().init != null
                        && "neuron".equals(vm.basePreset.get().init.scheme), vm.basePreset);
        seed.disableProperty().bind(explicit.or(seedless).or(comparing("init.seed")));
        return List.of(delta, tau, labelled("seed", seed), messageLine(fields.seedMessage, "seed-message"));
    }

    private List<Node> network() {
        NumberControl depth = number("depth-slider", "L", "", DepthControl.TRAINED_TIP, 1, DEPTH_MAX, 2, false, true);
        DepthControl.bind(depth, vm.depth, vm.basePreset);   // L counts the trained layers (a frozen pᵀ is one more)
        depth.disableProperty().bind(comparing("network.depth"));
        NumberControl width = number("width-slider", "n", "", "Hidden width (every hidden layer)", 1, WIDTH_MAX, 2, false, true);
        bindInt(width, vm.width);
        width.disableProperty().bind(comparing("network.width"));
        // a two-layer piecewise-linear network f(x) = aᵀσ(Wx): its neurons h and leak γ instead of L and n
        NumberControl neurons = number("neurons-slider", "h", "", "Hidden neurons h of f(x) = aᵀσ(Wx)",
                NEURONS_MIN, NEURONS_MAX, 2, false, true);
        bindInt(neurons, vm.width);
        neurons.disableProperty().bind(comparing("network.width"));
        NumberControl leak = number("leak-slider", "γ", "", "Leak γ of σ(z) = max(z, γz): 0 is ReLU",
                LEAK_MIN, LEAK_MAX, 0, false, false);
        leak.valueProperty().bindBidirectional(vm.leak);
        leak.disableProperty().bind(comparing("network.leak"));
        BooleanBinding piecewise = piecewise();
        showWhen(piecewise.not(), depth, width);
        showWhen(piecewise, neurons, leak);
        return List.of(depth, width, neurons, leak);
    }

    /** true while the loaded preset is a two-layer piecewise-linear network (network.activation relu, leaky-relu) */
    private BooleanBinding piecewise() {
        return Bindings.createBooleanBinding(() -> org.dlnexplorer.chart.ViewId.piecewise(vm.basePreset.get()),
                vm.basePreset);
    }

    /** the nodes take room and show only while `when` holds (controls that do not apply are hidden) */
    static void showWhen(BooleanBinding when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    private List<Node> task() {
        TextField targets = committed("targets-field",
                "Target singular values s_α, comma separated (≥ 0), as many as the preset has", fields::commitTargets);
        vm.targets.addListener((o, a, b) -> targets.setText(ControlsModel.formatList(b)));
        targets.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.targets.get() == null || vm.targets.get().length == 0, vm.targets));
        HBox row = labelled("s_α", targets);
        showWhen(piecewise().not(), row);   // a teacher–student task has no target singular values
        return List.of(row, messageLine(fields.targetsMessage, "targets-message"));
    }

    private List<Node> training() {
        ComboBox<Method> method = new ComboBox<>();
        method.setId("method-picker");
        method.getItems().setAll(Method.GRADIENT_FLOW, Method.GRADIENT_DESCENT);
        method.setConverter(new StringConverter<>() {
            @Override public String toString(Method m) { return m == null ? "" : m == Method.GRADIENT_DESCENT ? "gradient descent" : "gradient flow"; }
            @Override public Method fromString(String s) { return s.contains("descent") ? Method.GRADIENT_DESCENT : Method.GRADIENT_FLOW; }
        });
        method.valueProperty().bindBidirectional(vm.method);
        method.setTooltip(new Tooltip("Gradient flow (adaptive ODE) or discrete gradient descent with step η"));
        NumberControl eta = number("learning-rate-slider", "η", "", "Learning rate η of gradient descent (log scale); t = η·k",
                ETA_MIN, ETA_MAX, 0.05, true, false);
        eta.valueProperty().bindBidirectional(vm.learningRate);
        eta.disableProperty().bind(vm.method.isNotEqualTo(Method.GRADIENT_DESCENT).or(comparing("training.learningRate")));
        NumberControl duration = number("duration-slider", "T", "t.u.", "Duration of the run in time units",
                DURATION_MIN, DURATION_MAX, 6, true, false);
        duration.valueProperty().bindBidirectional(vm.duration);
        duration.disableProperty().bind(comparing("training.duration"));
        return List.of(labelled("method", method), eta, duration);
    }

    private List<Node> playback() {
        Button play = button("", "play-button", "Play / pause: move the time cursor through t (Ctrl+Space)", actions.togglePlay());
        play.textProperty().bind(Bindings.when(vm.playing).then("Pause").otherwise("Play"));
        Button step = button("Step", "step-button", "Pause and move the cursor one recorded frame forward (Ctrl+Right)", actions.stepCursor());
        Button back = button("Back", "step-back-button", "Pause and move the cursor one recorded frame back (Ctrl+Left)", actions.stepBack());
        Button reset = button("Reset all", "reset-button", "Restore every control to the preset's values (Ctrl+R)", vm::resetAll);
        NumberControl speed = number("speed-slider", "×", "", "Playback speed (1 = whole run in " + (int) Playback.PLAYBACK_SECONDS + " s)",
                SPEED_MIN, SPEED_MAX, 1, true, false);
        speed.valueProperty().bindBidirectional(vm.speed);
        CheckBox logTime = new CheckBox("log-time axis (loss)");
        logTime.setId("log-time-toggle");
        logTime.selectedProperty().bindBidirectional(vm.logTime);
        CheckBox logLoss = new CheckBox("log-scale loss");
        logLoss.setId("log-loss-toggle");
        logLoss.selectedProperty().bindBidirectional(vm.logLoss);
        return List.of(new HBox(6, play, back, step, reset), speed, new HBox(12, logTime, logLoss));
    }

    private Node exportRow() {
        Button export = button("Export…", "export-button", "Write every visible view (1600×1000, slide style) into a chosen folder",
                exports::chooseAndExport);
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(exports.format);
        format.setTooltip(new Tooltip("File format of the exported views"));
        Button data = button("Data…", "export-data-button", "Write the trajectory (every run of the set) as CSV or JSON",
                exports::chooseAndExportData);
        HBox row = new HBox(6, export, format, data);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** a wrapped message label, shown only while it has text */
    static Label messageLine(StringProperty text, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("input-message");
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** a text field that commits on Enter and when it loses focus; commit returns the text to show */
    private static TextField committed(String id, String tip, Function<String, String> commit) {
        TextField f = new TextField();
        f.setId(id);
        f.setTooltip(new Tooltip(tip));
        f.setOnAction(e -> f.setText(commit.apply(f.getText())));
        f.focusedProperty().addListener((o, was, now) -> { if (!now) f.setText(commit.apply(f.getText())); });
        return f;
    }

    /** true while the loaded preset's compare set varies this field (its control would have no effect) */
    private BooleanBinding comparing(String path) {
        return taught.comparing(path);
    }

    private NumberControl number(String id, String sym, String unit, String tip, double min, double max, double init,
                                 boolean log, boolean integer) {
        NumberControl c = new NumberControl(id, sym, unit, tip, min, max, init, log, integer, messages);
        // a cleared message line (a valid entry elsewhere, a preset load, reset-all) clears the field's too
        vm.inputMessage.addListener((o, was, now) -> { if (now == null || now.isEmpty()) c.clearMessage(); });
        return c;
    }

    private static void bindInt(NumberControl c, IntegerProperty p) {
        c.valueProperty().addListener((o, a, b) -> { int v = (int) Math.round(b.doubleValue()); if (v != p.get()) p.set(v); });
        p.addListener((o, a, b) -> { if (Math.round(c.valueProperty().get()) != b.intValue()) c.valueProperty().set(b.intValue()); });
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-header");
        return l;
    }

    static HBox labelled(String name, Node n) {
        Label l = new Label(name);
        l.setMinWidth(60);
        HBox.setHgrow(n, Priority.ALWAYS);
        HBox b = new HBox(6, l, n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }
}
