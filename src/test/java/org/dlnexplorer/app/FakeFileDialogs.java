package org.dlnexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File dialogs for tests: each answers with the path set for it (null: the user cancelled) and records what was asked. */
final class FakeFileDialogs implements FileDialogs {
    Path open, save, exportDirectory, exportData, exportView;
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> openPreset() { asked.add("open"); return Optional.ofNullable(open); }

    @Override
    public Optional<Path> savePreset() { asked.add("save"); return Optional.ofNullable(save); }

    @Override
    public Optional<Path> exportDirectory(String format) { asked.add("export " + format); return Optional.ofNullable(exportDirectory); }

    @Override
    public Optional<Path> exportView(String view) { asked.add("view " + view); return Optional.ofNullable(exportView); }

    @Override
    public Optional<Path> exportData() { asked.add("data"); return Optional.ofNullable(exportData); }
}
