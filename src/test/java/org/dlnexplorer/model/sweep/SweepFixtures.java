package org.dlnexplorer.model.sweep;

import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;

import java.nio.file.Path;

/** Test presets under src/test/resources/sweep/. */
final class SweepFixtures {
    private SweepFixtures() {}

    static Path path(String name) {
        try {
            return Path.of(SweepFixtures.class.getResource("/sweep/" + name + ".json").toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Preset preset(String name) {
        try {
            return PresetIo.read(path(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
