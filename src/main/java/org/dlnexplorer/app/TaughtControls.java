package org.dlnexplorer.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.dlnexplorer.preset.Preset;

import java.util.List;

/**
 * The controls for what is taught beyond the sliders: the compare set (parameter, values, detach / restore)
 * and the task's target basis and inputs Σxx. Every edit goes through {@link ControlsModel} (validated there,
 * a refused one changes nothing) into {@link ViewModel#taught}, so undo, Save… and Copy as preset see it.
 * FX thread.
 */
final class TaughtControls {
    /** the fields the compare parameter picker suggests (any numeric field path may be typed) */
    static final List<String> SUGGESTED = List.of("init.delta", "init.scale", "init.seed", "network.depth",
            "network.width", "training.learningRate", "training.duration", "task.target.singularValues[0]");

    private final ViewModel vm;
    private final ControlsModel fields;
    final ComboBox<String> parameter = new ComboBox<>();
    final TextField values = new TextField();
    final Button detach = new Button();
    final ComboBox<String> basis = new ComboBox<>();
    final TextField inputs = new TextField();
    /** true while the fields are being set from the view-model (their actions then commit nothing) */
    private boolean refreshing;

    TaughtControls(ViewModel vm, ControlsModel fields) {
        this.vm = vm;
        this.fields = fields;
        parameter.setId("compare-parameter");
        parameter.setEditable(true);
        parameter.getItems().setAll(SUGGESTED);
        parameter.setMaxWidth(Double.MAX_VALUE);
        parameter.setTooltip(new Tooltip("The field the runs of the compare set differ in (a preset field path, e.g. init.delta)"));
        parameter.setOnAction(e -> { if (!refreshing) commitCompare(); });
        values.setId("compare-values");
        values.setTooltip(new Tooltip("The compare set's values, comma separated (one run each, at most "
                + ControlRanges.COMPARE_MAX + "); Enter applies"));
        values.setOnAction(e -> commitCompare());
        values.focusedProperty().addListener((o, was, now) -> { if (!now) commitCompare(); });
        detach.setId("compare-detach");
        detach.setTooltip(new Tooltip("Detach: show one run with the controls' values; Restore: the compare set again"));
        detach.setOnAction(e -> {
            Taught t = vm.taught.get();
            if (t != null) fields.setDetached(!t.detached());
        });
        basis.setId("basis-picker");
        basis.getItems().setAll("identity", "random");
        basis.setTooltip(new Tooltip("The target's singular vectors: the identity basis, or a random rotation (target seed)"));
        basis.setOnAction(e -> { if (!refreshing) { fields.commitBasis(basis.getValue()); refresh(); } });
        inputs.setId("inputs-field");
        inputs.setTooltip(new Tooltip("Input covariance Σxx: \"whitened\", its diagonal (1, 0.25) or its rows (1 0.5; 0.5 1)"));
        inputs.setOnAction(e -> { fields.commitInputs(inputs.getText()); refresh(); });
        inputs.focusedProperty().addListener((o, was, now) -> { if (!now) { fields.commitInputs(inputs.getText()); refresh(); } });

        BooleanBinding detached = Bindings.createBooleanBinding(() -> vm.taught.get() != null && vm.taught.get().detached(), vm.taught);
        parameter.disableProperty().bind(detached.or(vm.taught.isNull()));
        values.disableProperty().bind(parameter.disableProperty());
        detach.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.taught.get() == null || !vm.taught.get().hasCompare(), vm.taught));
        detach.textProperty().bind(Bindings.when(detached).then("Restore set").otherwise("Detach (one run)"));
        basis.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.taught.get() == null || vm.taught.get().basis() == null, vm.taught));
        inputs.disableProperty().bind(Bindings.createBooleanBinding(() -> !Taught.hasInputs(vm.basePreset.get()), vm.basePreset));
        vm.taught.addListener(o -> refresh());
        refresh();
    }

    /** the compare set's rows: parameter, values, detach / restore, message */
    List<Node> compareNodes() {
        return List.of(ControlsPanel.labelled("field", parameter), ControlsPanel.labelled("values", values),
                new HBox(6, detach), ControlsPanel.messageLine(fields.compareMessage, "compare-message"));
    }

    /** the task's rows after the targets: basis, inputs (shown while linear: a teacher–student task has neither), message */
    List<Node> taskNodes(BooleanBinding linear) {
        Node basisRow = ControlsPanel.labelled("basis", basis), inputsRow = ControlsPanel.labelled("Σxx", inputs);
        ControlsPanel.showWhen(linear, basisRow, inputsRow);
        return List.of(basisRow, inputsRow, ControlsPanel.messageLine(fields.inputsMessage, "inputs-message"));
    }

    /** true while the compare set (attached) varies this field: its slider would have no effect */
    BooleanBinding comparing(String path) {
        return Bindings.createBooleanBinding(() -> {
            Taught t = vm.taught.get();
            return t != null && t.hasCompare() && !t.detached() && path.equals(t.compareParameter());
        }, vm.taught);
    }

    private void commitCompare() {
        fields.commitCompare(parameter.getEditor().getText(), values.getText());
        refresh();
    }

    /** every field shows the taught state (after a load, an undo, a refused entry) */
    private void refresh() {
        refreshing = true;
        try {
            show(vm.taught.get());
        } finally {
            refreshing = false;
        }
    }

    private void show(Taught t) {
        String p = t == null || t.compareParameter() == null ? "" : t.compareParameter();
        if (!p.equals(parameter.getEditor().getText())) parameter.getEditor().setText(p);
        if (!p.equals(parameter.getValue())) parameter.setValue(p);
        values.setText(t == null || t.compareValues() == null ? "" : ControlsModel.formatList(t.compareValues()));
        basis.setValue(t == null ? null : t.basis());
        Preset base = vm.basePreset.get();
        inputs.setText(Taught.hasInputs(base) && t != null ? ControlsModel.formatInputs(t.covariance()) : "");
    }
}
