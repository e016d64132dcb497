package org.dlnexplorer.app;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Shareable state. Copy as preset puts the current configuration (what Save… would write) on the clipboard
 * as one line of preset JSON; Paste preset reads preset JSON from the clipboard, checks it as Open… checks a
 * file (off the FX thread) and loads it into the picker. Text that is not a valid preset changes nothing:
 * its message goes to the status bar and beside Open…. The same text is what `run -` and `export -` read.
 */
final class PresetClipboard {
    /** how messages name the clipboard */
    static final String SOURCE = "clipboard";

    private final ViewModel vm;
    private final Consumer<PresetLibrary.Entry> show;
    private final Executor background, fx;
    private long pasting;

    PresetClipboard(ViewModel vm, Consumer<PresetLibrary.Entry> show, Executor background, Executor fx) {
        this.vm = vm;
        this.show = show;
        this.background = background;
        this.fx = fx;
    }

    /** The current configuration as compact preset JSON (null when no preset is loaded). */
    String currentJson() {
        Preset p = PresetFiles.current(vm);
        return p == null ? null : PresetIo.toCompactJson(p);
    }

    void copy() {
        String json = currentJson();
        if (json == null) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(json);
        Clipboard.getSystemClipboard().setContent(c);
        vm.report(Severity.INFO, "copied the configuration as preset JSON (" + json.length() + " characters)");
    }

    void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        paste(cb.hasString() ? cb.getString() : null);
    }

    /** Check the text off the FX thread and load it; a bad text leaves everything as it was. */
    void paste(String text) {
        if (text == null || text.isBlank()) {
            vm.report(Severity.ERROR, "error: " + SOURCE + ": holds no text (copy preset JSON first)");
            return;
        }
        long ticket = ++pasting;
        try {
            background.execute(() -> {
                PresetLibrary.Entry e = null;
                String problem = null;
                try {
                    Preset p = PresetIo.parse(text, SOURCE);
                    e = PresetFiles.checked(p, SOURCE, SOURCE);
                } catch (PresetException ex) {
                    problem = ex.getMessage();
                } catch (RuntimeException | StackOverflowError ex) {
                    problem = SOURCE + ": cannot be loaded (" + ex.getClass().getSimpleName() + ")";
                }
                PresetLibrary.Entry checked = e;
                String refused = problem;
                fx.execute(() -> {
                    if (ticket != pasting) return;
                    if (checked == null) {
                        vm.presetMessage.set(refused);
                        vm.report(Severity.ERROR, "error: " + refused);
                    } else {
                        vm.presetMessage.set("");
                        show.accept(checked);
                        vm.report(Severity.INFO, "pasted preset \"" + checked + "\"");
                    }
                });
            });
        } catch (RejectedExecutionException closed) {
            // the window is closing
        }
    }
}
