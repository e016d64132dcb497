package org.dlnexplorer.app;

import com.google.gson.JsonParser;
import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Opening and saving preset files through the dialog interface, without a window. */
class PresetFilesTest {
    private final ViewModel vm = new ViewModel();
    private final FakeFileDialogs dialogs = new FakeFileDialogs();
    private final RecentFiles recent = RecentFiles.inMemory();
    private final List<PresetLibrary.Entry> shown = new ArrayList<>();
    private final PresetFiles files = new PresetFiles(vm, dialogs, recent, shown::add, Runnable::run, Runnable::run);

    @Test
    void openAsksTheDialogAndShowsTheChosenFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), PresetLibrary.DEFAULT_JSON);
        files.chooseAndOpen();   // cancelled
        assertTrue(shown.isEmpty());
        assertTrue(recent.list().isEmpty());
        dialogs.open = file;
        files.chooseAndOpen();
        assertEquals(List.of("open", "open"), dialogs.asked);
        assertEquals(1, shown.size());
        assertEquals(file.toString(), shown.get(0).source());
        assertEquals(List.of(file.toAbsolutePath()), files.recentFiles());
        assertEquals("", vm.error.get());
    }

    @Test
    void aPresetNamingAnUnknownViewIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"),
                PresetLibrary.DEFAULT_JSON.replace("\"schema\": 1,", "\"schema\": 1, \"view\": { \"panels\": [\"loss\", \"radar\"] },"));
        assertFalse(files.open(file).join());
        assertTrue(shown.isEmpty(), "nothing loaded");
        assertEquals(Severity.ERROR, vm.severity.get());
        assertTrue(vm.error.get().contains("bad.json: view.panels[1]: unknown view \"radar\""), vm.error.get());
        assertTrue(recent.list().isEmpty());
    }

    /** The inputs that threw on the FX thread or allocated gigabytes there: each is refused whole. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "null in widths          | \"widths\": [2, 2, 2]   | \"widths\": [2, null, 2] | network.widths[1]",
            "bad compare path        | \"training\":           | \"compare\": { \"parameter\": \"init.delta[\", \"values\": [0, 1] }, \"training\": | compare.parameter",
            "depth 2e9 in a compare  | \"training\":           | \"compare\": { \"parameter\": \"network.depth\", \"values\": [2, 2e9] }, \"training\": | compare.values[1]",
            "depth 1e9 in a compare  | \"training\":           | \"compare\": { \"parameter\": \"network.depth\", \"values\": [1e9] }, \"training\": | compare.values[0]",
            "malformed JSON          | \"training\":           | \"training\" | line"})
    void aBadPresetIsCheckedOffTheFxThreadRefusedWholeAndChangesNothing(String name, String from, String to, String field,
                                                                         @TempDir Path dir) throws Exception {
        List<Runnable> background = new ArrayList<>();
        PresetFiles queued = new PresetFiles(vm, dialogs, recent, shown::add, background::add, Runnable::run);
        Preset before = PresetIo.parse(PresetLibrary.DEFAULT_JSON, "before");
        vm.load(before, "before");
        vm.delta.set(0.5);
        assertTrue(PresetLibrary.DEFAULT_JSON.contains(from.trim()), from);
        Path file = Files.writeString(dir.resolve("bad.json"), PresetLibrary.DEFAULT_JSON.replace(from.trim(), to.trim()));
        dialogs.open = file;
        java.util.concurrent.CompletableFuture<Boolean> opened = queued.open(file);
        assertFalse(opened.isDone(), "nothing is read on the calling (FX) thread");
        assertEquals(1, background.size());
        background.remove(0).run();
        assertFalse(opened.join());
        assertTrue(shown.isEmpty(), "nothing loaded");
        assertSame(before, vm.basePreset.get(), "the previous preset stays");
        assertEquals(0.5, vm.delta.get(), 0, "the controls stay");
        String message = vm.presetMessage.get();
        assertTrue(message.startsWith(file.toString()), message);
        assertTrue(message.contains(field.trim()), message);
        assertFalse(message.contains("…"), "whole, not cut: " + message);
        assertTrue(vm.error.get().endsWith(message), "the status bar has it too: " + vm.error.get());
        assertEquals(Severity.ERROR, vm.severity.get());
        assertTrue(recent.list().isEmpty());
    }

    @Test
    void aMalformedFileNamesLineAndColumnWhole(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"schema\": 1,\n  \"name\": \n}");
        assertFalse(files.open(file).join());
        String message = vm.presetMessage.get();
        assertTrue(message.matches("(?s).*line \\d+.*column \\d+.*"), message);
        assertTrue(message.startsWith(file.toString()), message);
    }

    @Test
    void aGoodFileAfterABadOneClearsTheMessage(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{ not json");
        Path good = Files.writeString(dir.resolve("good.json"), PresetLibrary.DEFAULT_JSON);
        assertFalse(files.open(bad).join());
        assertFalse(vm.presetMessage.get().isEmpty());
        assertTrue(files.open(good).join());
        assertEquals("", vm.presetMessage.get());
        assertEquals(1, shown.size());
    }

    @Test
    void anOlderCheckFinishingLastIsDropped(@TempDir Path dir) throws Exception {
        List<Runnable> background = new ArrayList<>();
        PresetFiles queued = new PresetFiles(vm, dialogs, recent, shown::add, background::add, Runnable::run);
        Path first = Files.writeString(dir.resolve("first.json"), PresetLibrary.DEFAULT_JSON);
        Path second = Files.writeString(dir.resolve("second.json"), PresetLibrary.DEFAULT_JSON);
        var a = queued.open(first);
        var b = queued.open(second);
        background.get(1).run();
        background.get(0).run();
        assertTrue(b.join());
        assertFalse(a.join(), "latest wins");
        assertEquals(List.of(second.toString()), shown.stream().map(PresetLibrary.Entry::source).toList());
    }

    @Test
    void saveWritesTheControlsAndTheVisibleViews(@TempDir Path dir) throws Exception {
        Preset base = PresetIo.parse(PresetLibrary.DEFAULT_JSON.replace("\"schema\": 1,",
                "\"schema\": 1, \"view\": { \"logTime\": true },"), "base");
        vm.load(base, "base");
        vm.delta.set(0.75);
        vm.panels.set(List.of(ViewId.LOSS, ViewId.SHARPNESS));
        Path file = dir.resolve("saved.json");
        dialogs.save = file;
        files.chooseAndSave();
        assertEquals(Severity.INFO, vm.severity.get());
        assertEquals("saved " + file, vm.error.get());
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(0.75, json.getAsJsonObject("init").get("delta").getAsDouble(), 0);
        assertEquals("[\"loss\",\"sharpness\"]", json.getAsJsonObject("view").get("panels").toString());
        assertTrue(json.getAsJsonObject("view").get("logTime").getAsBoolean(), "the rest of view stays");
        assertNull(base.view.get("panels"), "the loaded preset is not changed");
        Preset back = PresetIo.read(file);
        assertEquals(List.of(ViewId.LOSS, ViewId.SHARPNESS), ViewId.panels(back, file.toString()));
        assertEquals(List.of(file.toAbsolutePath()), files.recentFiles());
    }

    @Test
    void aSavedChangedPresetSaysWhatChangedAndIsWrittenWithTheUsersFileMode(@TempDir Path dir) throws Exception {
        Preset base = PresetIo.parse(PresetLibrary.DEFAULT_JSON, "base");
        vm.load(base, "base");
        Path same = dir.resolve("same.json");
        assertTrue(files.save(same));
        Preset unchanged = PresetIo.read(same);
        assertEquals(base.name, unchanged.name, "nothing changed: the name stays");
        assertEquals(base.description, unchanged.description);

        vm.method.set(org.dlnexplorer.model.engine.Method.GRADIENT_DESCENT);
        vm.delta.set(1.5);
        Path file = dir.resolve("changed.json");
        assertTrue(files.save(file));
        Preset saved = PresetIo.read(file);
        assertEquals(base.name + " (modified)", saved.name);
        assertTrue(saved.description.startsWith(base.description.strip()), saved.description);
        String last = saved.description.lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("Changed from \"" + base.name + "\": "), last);
        assertTrue(last.contains("training.method: none → gradient-descent") || last.contains("training.method: gradient-flow → gradient-descent"), last);
        assertTrue(last.contains("init.delta: "), last);
        assertTrue(last.contains(" → 1.5"), last);

        // the file mode is what a plain new file gets here (the user's umask), not owner-only 0600
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void loadingAPresetShowsItsPanelsAndResetRestoresThem() throws Exception {
        Preset p = PresetIo.parse(PresetLibrary.DEFAULT_JSON.replace("\"schema\": 1,",
                "\"schema\": 1, \"view\": { \"panels\": [\"conservation\", \"singular-values\"] },"), "p");
        vm.load(p, "p");
        assertEquals(List.of(ViewId.SINGULAR_VALUES, ViewId.CONSERVATION), vm.panels.get());
        vm.panels.set(List.of(ViewId.LOSS));
        vm.resetAll();
        assertEquals(List.of(ViewId.SINGULAR_VALUES, ViewId.CONSERVATION), vm.panels.get());
    }
}
