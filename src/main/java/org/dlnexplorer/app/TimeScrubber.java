package org.dlnexplorer.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Locale;

/** The row under the views: the time cursor's slider and its value, then any extra nodes (the View menu). */
final class TimeScrubber {
    private static final double BLOCK_INCREMENT = 0.05;

    private final HBox row;

    TimeScrubber(ViewModel vm, Node... extra) {
        Slider scrubber = new Slider(0, 1, 1);
        scrubber.setId("time-scrubber");
        scrubber.setTooltip(new Tooltip("Time cursor: moves a marker through every view"));
        scrubber.maxProperty().bind(vm.duration);
        scrubber.valueProperty().bindBidirectional(vm.cursorT);
        scrubber.setBlockIncrement(BLOCK_INCREMENT);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        Label cursorLabel = new Label();
        cursorLabel.setMinWidth(120);
        cursorLabel.getStyleClass().add("cursor-label");
        cursorLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "t = %.3f", vm.cursorT.get()), vm.cursorT));
        row = new HBox(8, new Label("time"), scrubber, cursorLabel);
        row.getChildren().addAll(extra);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 8, 4, 8));
    }

    Node node() { return row; }
}
