package org.dlnexplorer.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A side panel with a narrow strip beside it whose button hides and shows it: on a small screen (a
 * 1280×800 projector) the views get the whole width. Node ids: {@code #controls-collapse} (the button).
 * FX thread.
 */
final class CollapsiblePanel {
    private final BooleanProperty collapsed = new SimpleBooleanProperty(false);
    private final HBox node;

    CollapsiblePanel(Node content) {
        Button toggle = new Button();
        toggle.setId("controls-collapse");
        toggle.getStyleClass().add("collapse-button");
        toggle.setFocusTraversable(true);
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(collapsed).then("›").otherwise("‹"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.when(collapsed)
                .then("Show the controls").otherwise("Hide the controls (the views get the whole width)"));
        toggle.setTooltip(tip);
        toggle.setOnAction(e -> collapsed.set(!collapsed.get()));
        toggle.setMaxHeight(Double.MAX_VALUE);
        VBox strip = new VBox(toggle);
        strip.setAlignment(Pos.CENTER);
        strip.getStyleClass().add("collapse-strip");
        VBox.setVgrow(toggle, Priority.ALWAYS);
        content.visibleProperty().bind(collapsed.not());
        content.managedProperty().bind(content.visibleProperty());
        node = new HBox(content, strip);
        HBox.setHgrow(content, Priority.ALWAYS);
    }

    Node node() { return node; }

    /** true while the panel is hidden (the strip stays) */
    BooleanProperty collapsedProperty() { return collapsed; }
}
