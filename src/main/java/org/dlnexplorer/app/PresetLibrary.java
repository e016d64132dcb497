package org.dlnexplorer.app;

import org.dlnexplorer.chart.ViewId;
import org.dlnexplorer.model.theory.Overlays;
import org.dlnexplorer.preset.BundledPresets;
import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetCompiler;
import org.dlnexplorer.preset.PresetException;
import org.dlnexplorer.preset.PresetIo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled presets (presets/*.json of the working directory) and the equation each one shows. */
public final class PresetLibrary {
    private PresetLibrary() {}

    /** A preset in the picker. */
    public record Entry(String file, String source, Preset preset) {
        @Override
        public String toString() { return preset.name == null ? file : preset.name; }
    }

    /** The built-in default when no presets directory is found: Saxe's two modes. */
    public static final String DEFAULT_JSON = """
            { "schema": 1, "name": "Saxe: two modes learned in sequence",
              "description": "T = diag(3, 1), whitened inputs, depth 2, task-aligned balanced init at a(0) = 0.01: the strong mode is learned first (t* ≈ 0.95), the weak one later (t* ≈ 2.30).",
              "network": { "widths": [2, 2, 2] },
              "task": { "target": { "singularValues": [3, 1], "basis": "identity" }, "inputs": "whitened" },
              "init": { "scheme": "aligned", "scale": 0.01, "delta": 0.0, "seed": 1 },
              "training": { "method": "gradient-flow", "duration": 6.0, "samples": 600 } }""";

    public static Path directory() {
        return Path.of("presets");
    }

    /**
     * Every readable preset of the directory (lecture order of its index.txt, then by name), or, when the
     * directory does not exist, the presets bundled in the jar; unreadable ones (also those naming an unknown
     * view in view.panels) are reported and skipped.
     */
    public static List<Entry> list(Path dir, List<String> problems) {
        BundledPresets.Listing listing = Files.isDirectory(dir) ? BundledPresets.fromDirectory(dir) : BundledPresets.fromResources();
        List<Entry> out = new ArrayList<>();
        for (BundledPresets.Entry e : listing.entries()) {
            try {
                ViewId.panels(e.preset(), e.source());   // the view names are checked where the registry is known
                out.add(new Entry(e.file(), e.source(), e.preset()));
            } catch (PresetException bad) {
                problems.add(bad.getMessage());
            }
        }
        for (BundledPresets.Failure f : listing.failures())
            if (!listing.entries().isEmpty() || Files.isDirectory(dir)) problems.add(f.error().getMessage());
        return out;
    }

    public static Entry builtIn() {
        try {
            return new Entry("(built-in)", "built-in default", PresetIo.parse(DEFAULT_JSON, "built-in default"));
        } catch (PresetException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The governing equation at play for a preset, in words a lecturer would write on the board: the model
     * decides it from the compiled numbers ({@link Overlays#equationFor}); a preset that does not compile
     * shows the general gradient flow.
     */
    public static String equation(Preset p) {
        try {
            return Overlays.equationFor(PresetCompiler.compile(p, p.name == null ? "preset" : p.name));
        } catch (PresetException | RuntimeException e) {
            return Overlays.FLOW_EQUATION;
        }
    }
}
