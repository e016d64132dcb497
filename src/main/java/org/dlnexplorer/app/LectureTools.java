package org.dlnexplorer.app;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/**
 * The teaching features beside the main window's panels: undo/redo of parameters and preset loads, the
 * preset clipboard, the help overlay. It registers their shortcuts in the window's {@link KeyBindings} and lays its overlays over
 * the window's content. FX thread.
 */
final class LectureTools {
    private final UndoHistory history;
    private final PresetClipboard clipboard;
    private HelpOverlay help;

    /** selectPreset: select a picker entry (loads it); background: where pasted presets are checked */
    LectureTools(ViewModel vm, Consumer<PresetLibrary.Entry> selectPreset, Executor background) {
        history = new UndoHistory(vm, selectPreset, Platform::runLater, System::currentTimeMillis, UndoHistory.MERGE_MILLIS);
        clipboard = new PresetClipboard(vm, selectPreset, background, Platform::runLater);
    }

    PresetClipboard clipboard() { return clipboard; }

    /** the history of parameters and preset loads */
    UndoHistory history() { return history; }

    /** A preset is about to be loaded (from the picker): a step of the history. */
    void presetLoaded(PresetLibrary.Entry e) { history.presetLoaded(e); }

    void register(KeyBindings keys) {
        keys.add(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN), KeyBindings.Group.EDIT, "Undo",
                "go back to the parameters (or preset) before the last change", history::undo);
        keys.add(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN), KeyBindings.Group.EDIT, "Redo",
                "go forward to the change just undone", history::redo);
        keys.add(new KeyCodeCombination(KeyCode.C, SHORTCUT_DOWN, SHIFT_DOWN), KeyBindings.Group.EDIT, "Copy as preset",
                "put the current configuration on the clipboard as preset JSON", clipboard::copy);
        keys.add(new KeyCodeCombination(KeyCode.V, SHORTCUT_DOWN, SHIFT_DOWN), KeyBindings.Group.EDIT, "Paste preset",
                "load preset JSON from the clipboard (text that is not a valid preset changes nothing)", clipboard::paste);
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
