package org.dlnexplorer.app;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

import java.util.function.Consumer;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/**
 * The teaching features beside the main window's panels: undo/redo of parameters and preset loads, the
 * help overlay. It registers their shortcuts in the window's {@link KeyBindings} and lays its overlays over
 * the window's content. FX thread.
 */
final class LectureTools {
    private final UndoHistory history;
    private HelpOverlay help;

    LectureTools(ViewModel vm, Consumer<PresetLibrary.Entry> selectPreset) {
        history = new UndoHistory(vm, selectPreset, Platform::runLater, System::currentTimeMillis, UndoHistory.MERGE_MILLIS);
    }

    /** the history of parameters and preset loads */
    UndoHistory history() { return history; }

    /** A preset is about to be loaded (from the picker): a step of the history. */
    void presetLoaded(PresetLibrary.Entry e) { history.presetLoaded(e); }

    void register(KeyBindings keys) {
        keys.add(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN), KeyBindings.Group.EDIT, "Undo",
                "go back to the parameters (or preset) before the last change", history::undo);
        keys.add(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN), KeyBindings.Group.EDIT, "Redo",
                "go forward to the change just undone", history::redo);
        keys.add(new KeyCodeCombination(KeyCode.F1), KeyBindings.Group.HELP, "Shortcuts and controls",
                "show or hide this list", () -> help.toggle());
    }

    /** The window's content with the overlays over it; controls: where the help finds the controls it lists. */
    Parent wrap(Parent content, KeyBindings keys, Parent controls) {
        help = new HelpOverlay(keys, controls);
        return new StackPane(content, help.node());
    }

    /** Esc: close the help; true when it did something. */
    boolean escape() {
        if (help != null && help.isShowing()) { help.hide(); return true; }
        return false;
    }

    HelpOverlay help() { return help; }
}
