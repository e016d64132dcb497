package org.dlnexplorer.app;

import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one registry of the app's keyboard shortcuts (and the mouse gestures a user should know of). The
 * window installs every key binding from here, the menus show them, and the help overlay lists them all:
 * nothing is bound that the help does not show. FX thread.
 */
final class KeyBindings {
    /** where a binding belongs (its menu, and its section of the help) */
    enum Group {
        PLAYBACK("Playback"), EDIT("Edit"), PRESENT("Present"), VIEWS("Views"), HELP("Help");

        final String title;

        Group(String title) { this.title = title; }
    }

    /**
     * One shortcut: its keys (null for a mouse gesture, described by {@code gesture}), a short label (its
     * menu item), what it does, and the action, which says whether it acted. {@code beforeControls}: the
     * window takes the keys before the focused control does (keys that a scroll pane or slider would take,
     * like PageDown, or Esc); otherwise a focused control that uses the keys keeps them (Ctrl+Z in a text
     * field undoes typing there).
     */
    record Binding(KeyCombination keys, String gesture, Group group, String label, String help,
                   BooleanSupplier action, boolean beforeControls) {
        /** how the keys read in the menus and the help ("Ctrl+Shift+Z", "F1") */
        String keyText() { return keys == null ? gesture : keys.getDisplayText(); }

        boolean isGesture() { return keys == null; }
    }

    private final List<Binding> all = new ArrayList<>();

    /** A shortcut the focused control may keep for itself. */
    KeyBindings add(KeyCombination keys, Group g, String label, String help, Runnable action) {
        return add(new Binding(keys, null, g, label, help, () -> { action.run(); return true; }, false));
    }

    /** A shortcut the window takes first; the key goes on to the control when the action did nothing. */
    KeyBindings addFirst(KeyCombination keys, Group g, String label, String help, BooleanSupplier action) {
        return add(new Binding(keys, null, g, label, help, action, true));
    }

    /** A mouse gesture, listed in the help only. */
    KeyBindings gesture(String gesture, Group g, String label, String help) {
        return add(new Binding(null, gesture, g, label, help, () -> false, false));
    }

    private KeyBindings add(Binding b) {
        for (Binding o : all)
            if (b.keys() != null && b.keys().equals(o.keys()))
                throw new IllegalArgumentException(b.keyText() + " is bound twice (" + o.label() + ", " + b.label() + ")");
        all.add(b);
        return this;
    }

    /** every binding, in the order added */
    List<Binding> all() { return Collections.unmodifiableList(all); }

    /** the key binding with this label, or null */
    Binding find(String label) {
        for (Binding b : all) if (b.label().equals(label)) return b;
        return null;
    }

    /** Put every key binding into the scene: an accelerator, or a filter for those taken before the controls. */
    void install(Scene scene) {
        for (Binding b : all) {
            if (b.isGesture()) continue;
            if (b.beforeControls()) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                    if (b.keys().match(e) && b.action().getAsBoolean()) e.consume();
                });
            } else {
                scene.getAccelerators().put(b.keys(), () -> b.action().getAsBoolean());
            }
        }
    }
}
