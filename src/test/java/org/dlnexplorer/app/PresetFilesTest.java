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
    private final PresetFiles files = new PresetFiles(vm, dialogs, recent, shown::add);

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
        assertFalse(files.open(file));
        assertTrue(shown.isEmpty(), "nothing loaded");
        assertEquals(Severity.ERROR, vm.severity.get());
        assertTrue(vm.error.get().contains("bad.json: view.panels[1]: unknown view \"radar\""), vm.error.get());
        assertTrue(recent.list().isEmpty());
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
