package org.dlnexplorer.app;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dlnexplorer.chart.Fmt;

import java.util.function.Consumer;

/**
 * A slider with an editable number beside it and a unit. The slider may be logarithmic (it then moves
 * log₁₀ of the value) or integral. A typed value outside [min, max], or not a number, is refused and changes
 * nothing: its whole message goes under the field (node id {@code <name>-message}) and to the given sink,
 * and the field shows the previous value again. Committing the text the field shows (it rounds the value to
 * four digits) changes nothing either.
 */
public final class NumberControl extends VBox {
    private final Slider slider;
    private final TextField field;
    private final Label message = new Label();
    private final Label units;
    private final Tooltip tip = new Tooltip();
    private final DoubleProperty value = new SimpleDoubleProperty();
    private final double min, max;
    private final boolean log, integer;
    private final String symbol;
    private final Consumer<String> messages;
    private boolean syncing;
    /** why the configuration refuses a value (whole), or null when it takes it */
    private java.util.function.DoubleFunction<String> validator = v -> null;

    public NumberControl(String id, String symbol, String unit, String tooltip, double min, double max, double initial,
                         boolean log, boolean integer, Consumer<String> messages) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.integer = integer;
        this.symbol = symbol;
        this.messages = messages;
        slider = log ? new Slider(Math.log10(min), Math.log10(max), Math.log10(initial)) : new Slider(min, max, initial);
        slider.setId(id);
        slider.setBlockIncrement(integer ? 1 : log ? 0.05 : (max - min) / 80);
        if (integer) {
            slider.setMajorTickUnit(1);
            slider.setMinorTickCount(0);
            slider.setSnapToTicks(true);
        }
        slider.setFocusTraversable(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(80);
        field = new TextField();
        field.setId(id.replace("-slider", "") + "-field");
        field.setPrefColumnCount(6);
        field.setMaxWidth(90);
        Label name = new Label(symbol);
        name.setMinWidth(28);
        name.getStyleClass().add("control-symbol");
        units = new Label();
        units.setId(id.replace("-slider", "") + "-unit");
        units.getStyleClass().add("control-unit");
        setUnit(unit);
        setTooltip(tooltip);
        Tooltip.install(slider, tip);
        Tooltip.install(field, tip);
        Tooltip.install(name, tip);
        HBox row = new HBox(6, name, slider, field, units);
        row.setAlignment(Pos.CENTER_LEFT);
        message.setId(id.replace("-slider", "") + "-message");
        message.setWrapText(true);
        message.getStyleClass().add("input-message");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        setSpacing(4);
        getChildren().addAll(row, message);
        getStyleClass().add("number-control");

        value.set(integer ? Math.round(initial) : initial);
        showValue();
        slider.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            double v = log ? Math.pow(10, b.doubleValue()) : b.doubleValue();
            if (integer) v = Math.round(v);
            String why = v == value.get() ? null : validator.apply(v);
            if (why != null) {   // refused: the slider goes back, nothing else moves
                syncing = true;
                try { slider.setValue(a.doubleValue()); } finally { syncing = false; }
                refuse(symbol + " = " + Fmt.num(v) + " refused: " + why + "; kept " + Fmt.num(value.get()));
                return;
            }
            syncing = true;
            try { value.set(v); } finally { syncing = false; }
            showValue();
        });
        value.addListener((o, a, b) -> {
            if (syncing) return;
            syncing = true;
            try { slider.setValue(log ? Math.log10(b.doubleValue()) : b.doubleValue()); } finally { syncing = false; }
            showValue();
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((o, was, now) -> { if (!now) commitText(); });
    }

    /** the unit after the field ("" for none), e.g. "+ pᵀ" when the depth counts the trained layers only */
    public void setUnit(String unit) {
        units.setText(unit);
        units.setMinWidth(unit.isEmpty() ? 0 : javafx.scene.layout.Region.USE_PREF_SIZE);   // never cut to "…"
    }

    public String unit() { return units.getText(); }

    /** the tooltip of the name, slider and field; the range is appended */
    public void setTooltip(String tooltip) {
        tip.setText(tooltip + " (range " + Fmt.num(min) + " … " + Fmt.num(max) + (log ? ", logarithmic" : "") + ")");
    }

    public String tooltip() { return tip.getText(); }

    /** Ask this before taking a value: it returns why the configuration refuses it (whole), or null. */
    public void setValidator(java.util.function.DoubleFunction<String> why) {
        this.validator = why == null ? v -> null : why;
    }

    /** the value in its own units (τ, not log τ) */
    public DoubleProperty valueProperty() { return value; }

    public Slider slider() { return slider; }

    public TextField field() { return field; }

    private void showValue() {
        field.setText(Fmt.num(value.get()));
    }

    /** the message under the field ("" when none) */
    public String message() { return message.getText(); }

    /** Clear the message under the field (a valid entry elsewhere, a load, reset-all). */
    public void clearMessage() { message.setText(""); }

    /** Parse the typed text; accept it or refuse it with a message and restore the previous value. */
    void commitText() {
        String text = field.getText() == null ? "" : field.getText().trim().replace('−', '-');
        if (text.equals(Fmt.num(value.get()).replace('−', '-'))) {   // the shown value, untouched: no change
            showValue();
            return;
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            refuse(symbol + ": \"" + text + "\" is not a number; kept " + Fmt.num(value.get()));
            return;
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            refuse(symbol + " must be between " + Fmt.num(min) + " and " + Fmt.num(max) + " (got " + text + "); kept " + Fmt.num(value.get()));
            return;
        }
        if (integer && v != Math.rint(v)) {
            refuse(symbol + " must be a whole number (got " + text + "); kept " + Fmt.num(value.get()));
            return;
        }
        String why = v == value.get() ? null : validator.apply(v);
        if (why != null) {
            refuse(symbol + " = " + text + " refused: " + why + "; kept " + Fmt.num(value.get()));
            return;
        }
        message.setText("");
        if (v != value.get()) {
            value.set(v);
            messages.accept("");
        }
        showValue();
    }

    private void refuse(String text) {
        message.setText(text);
        messages.accept(text);
        showValue();
    }
}
