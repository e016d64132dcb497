package org.dlnexplorer.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help overlay (F1, Help menu): every shortcut and mouse gesture of the {@link KeyBindings} registry by
 * group, then every control of the window that has an id and a tooltip (its name and what it does), both
 * read when the overlay opens, so the help cannot go stale. Esc, F1 or a click outside the card closes it.
 * FX thread.
 */
final class HelpOverlay {
    /** the tooltip a node got from {@code Tooltip.install} (controls made of several nodes, like a slider row) */
    private static final String INSTALLED_TOOLTIP = "javafx.scene.control.Tooltip";

    private final KeyBindings keys;
    /** where the controls are looked up */
    private final Parent controls;
    private final StackPane node = new StackPane();
    private final VBox card = new VBox(8);

    HelpOverlay(KeyBindings keys, Parent controls) {
        this.keys = keys;
        this.controls = controls;
        node.setId("help-overlay");
        node.getStyleClass().add("help-overlay");
        node.setVisible(false);
        node.setOnMouseClicked(e -> { if (e.getTarget() == node) hide(); });
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(16));
        card.setMaxSize(900, 680);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.setMaxSize(920, 700);
        scroll.getStyleClass().add("help-scroll");
        node.getChildren().add(scroll);
        StackPane.setAlignment(scroll, Pos.CENTER);
    }

    Node node() { return node; }

    boolean isShowing() { return node.isVisible(); }

    /** Open (reading the bindings and controls now) or close. */
    void toggle() { if (isShowing()) hide(); else show(); }

    void show() {
        card.getChildren().clear();
        Label title = new Label("Keyboard shortcuts and controls");
        title.getStyleClass().add("help-title");
        Button close = new Button("Close (Esc)");
        close.setId("help-close-button");
        close.setOnAction(e -> hide());
        card.getChildren().addAll(title, close);
        Map<KeyBindings.Group, GridPane> groups = new LinkedHashMap<>();
        for (KeyBindings.Binding b : keys.all()) {
            GridPane g = groups.computeIfAbsent(b.group(), x -> grid());
            row(g, b.keyText(), b.label() + ": " + b.help(), "help-binding");
        }
        for (Map.Entry<KeyBindings.Group, GridPane> e : groups.entrySet()) card.getChildren().addAll(header(e.getKey().title), e.getValue());
        GridPane c = grid();
        for (String[] control : controls(controls)) row(c, control[0], control[1], "help-control");
        card.getChildren().addAll(header("Controls"), c);
        node.setVisible(true);
        close.requestFocus();
    }

    void hide() { node.setVisible(false); }

    /** the rows shown, as "keys\twhat" (for tests) */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Node n : card.lookupAll(".help-key")) {
            Label k = (Label) n;
            out.add(k.getText() + "\t" + ((Label) k.getUserData()).getText());
        }
        return out;
    }

    /** every control under root with an id and a tooltip: its name (text or id) and the tooltip, in scene order */
    static List<String[]> controls(Parent root) {
        List<String[]> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Node n : root.lookupAll("*")) {
            if (n.getId() == null) continue;
            Tooltip tip = n instanceof Control c && c.getTooltip() != null ? c.getTooltip()
                    : n.getProperties().get(INSTALLED_TOOLTIP) instanceof Tooltip t ? t : null;
            if (tip == null || tip.getText() == null || tip.getText().isBlank()) continue;
            String name = n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() ? l.getText()
                    : n.getId().replaceAll("-(slider|field|button|picker|toggle)$", "").replace('-', ' ');
            if (seen.contains(n.getId())) continue;
            seen.add(n.getId());
            out.add(new String[]{name, tip.getText()});
        }
        return out;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        return g;
    }

    private static void row(GridPane g, String keys, String what, String style) {
        Label k = new Label(keys);
        k.getStyleClass().addAll("help-key", style);
        k.setMinWidth(170);
        Label w = new Label(what);
        w.setWrapText(true);
        w.setMaxWidth(660);
        k.setUserData(w);
        g.addRow(g.getRowCount(), k, w);
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-header");
        return l;
    }
}
