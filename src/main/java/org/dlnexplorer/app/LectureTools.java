package org.dlnexplorer.app;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/**
 * The teaching features beside the main window's panels: undo/redo of parameters and preset loads, the
 * preset clipboard, the help overlay, presentation mode. It registers their shortcuts in the window's {@link KeyBindings} and lays its overlays over
 * the window's content. FX thread.
 */
final class LectureTools {
    private final UndoHistory history;
    private final PresetClipboard clipboard;
    private final ViewModel vm;
    private final Consumer<PresetLibrary.Entry> selectPreset;
    private HelpOverlay help;
    private Presentation presentation;
    private LecturePlayer lecture;
    private final ObservablesTable table;
    private final FileDialogs dialogs;

    /** selectPreset: select a picker entry (loads it); background: where pasted presets are checked */
    LectureTools(ViewModel vm, Consumer<PresetLibrary.Entry> selectPreset, Executor background, FileDialogs dialogs) {
        this.dialogs = dialogs;
        this.vm = vm;
        this.selectPreset = selectPreset;
        history = new UndoHistory(vm, selectPreset, Platform::runLater, System::currentTimeMillis, UndoHistory.MERGE_MILLIS);
        table = new ObservablesTable(vm);
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
        keys.add(new KeyCodeCombination(KeyCode.F5), KeyBindings.Group.PRESENT, "Presentation mode",
                "the views large for a projector, the controls hidden until the pointer reaches the left edge; Esc leaves",
                () -> presentation.toggle());
        // F6 is the split panes' and menus' focus-traversal key in JavaFX: taken before the controls
        keys.addFirst(new KeyCodeCombination(KeyCode.F6), KeyBindings.Group.PRESENT, "Light / dark theme",
                "switch presentation mode between the high-contrast light and the dark theme",
                () -> { presentation.toggleTheme(); return true; });
        keys.add(new KeyCodeCombination(KeyCode.L, SHORTCUT_DOWN), KeyBindings.Group.PRESENT, "Open lecture…",
                "open a lecture playlist (presets/playlists/*.json): its steps' presets, views and captions", this::chooseLecture);
        keys.addFirst(new KeyCodeCombination(KeyCode.PAGE_DOWN), KeyBindings.Group.PRESENT, "Next step",
                "the lecture's next step (what a presentation clicker sends)", () -> lecture.next());
        keys.addFirst(new KeyCodeCombination(KeyCode.PAGE_UP), KeyBindings.Group.PRESENT, "Previous step",
                "the lecture's previous step", () -> lecture.previous());
        keys.add(new KeyCodeCombination(KeyCode.E, SHORTCUT_DOWN, SHIFT_DOWN), KeyBindings.Group.PRESENT, "Export animation…",
                "write the first shown view as an animated GIF or MP4 of the run unfolding", () -> animation().chooseAndExport());
        keys.add(new KeyCodeCombination(KeyCode.D, SHORTCUT_DOWN), KeyBindings.Group.VIEWS, "Data table",
                "the shown run's observables frame by frame (t, loss, singular values, kernel distance, drift), with Copy",
                () -> table.show(help.node().getScene() == null ? null : help.node().getScene().getWindow()));
        keys.add(new KeyCodeCombination(KeyCode.F1), KeyBindings.Group.HELP, "Shortcuts and controls",
                "show or hide this list", () -> help.toggle());
    }

    /**
     * The window's content with the overlays over it (the help finds the controls it lists there); columns
     * sets the view grid's columns and look the charts' look, for presentation mode.
     */
    Parent wrap(BorderPane content, KeyBindings keys, IntConsumer columns, Consumer<ChartRenderer.Look> look, Playback playback) {
        help = new HelpOverlay(keys, content);
        StackPane layers = new StackPane(content, help.node());
        presentation = new Presentation(vm, content, layers, columns, look);
        lecture = new LecturePlayer(vm, selectPreset, presentation, content, playback);
        return layers;
    }

    LecturePlayer lecture() { return lecture; }

    ObservablesTable table() { return table; }

    /** the app's animated export */
    AnimationExport animation() {
        return new AnimationExport(vm, dialogs);
    }

    /** Open a lecture playlist chosen in a file dialog (presets/playlists first). */
    private void chooseLecture() { dialogs.openPlaylist().ifPresent(lecture::open); }

    /** Esc: close the help, else leave presentation mode; true when it did something. */
    boolean escape() {
        if (help != null && help.isShowing()) { help.hide(); return true; }
        return presentation != null && presentation.escape();
    }

    Presentation presentation() { return presentation; }

    HelpOverlay help() { return help; }
}
