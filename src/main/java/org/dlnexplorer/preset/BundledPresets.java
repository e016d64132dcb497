package org.dlnexplorer.preset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bundled lecture presets: read from a presets directory (./presets in a source checkout) when it
 * exists, otherwise from the jar's class-path resources /presets/ listed, in lecture order, by
 * /presets/index.txt (one file name per line; blank lines and lines starting with # are ignored).
 */
public final class BundledPresets {
    public static final String RESOURCE_DIR = "/presets/";
    public static final String INDEX = "index.txt";
    public static final Path DEFAULT_DIRECTORY = Path.of("presets");
    /** the argument that reads a preset from standard input */
    public static final String STANDARD_INPUT = "-";
    /** how messages name standard input */
    public static final String STANDARD_INPUT_SOURCE = "standard input";

    private BundledPresets() {}

    /** One bundled preset: its file name and the validated preset. */
    public record Entry(String file, String source, Preset preset) {
        public String name() { return preset.name; }

        /** the first sentence of the description (the whole description if it has no sentence end) */
        public String summary() { return firstSentence(preset.description); }
    }

    /** A preset that failed to load, with the one-line reason. */
    public record Failure(String file, PresetException error) {}

    /** What was found: the presets that loaded, the ones that did not, and where they came from. */
    public record Listing(String origin, List<Entry> entries, List<Failure> failures) {}

    /** ./presets if it is a directory, else the class-path resources. */
    public static Listing load() {
        return Files.isDirectory(DEFAULT_DIRECTORY) ? fromDirectory(DEFAULT_DIRECTORY) : fromResources();
    }

    /** Every *.json in dir: those named in dir/index.txt first, in its order, then the rest by name. */
    public static Listing fromDirectory(Path dir) {
        List<Entry> entries = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Path index = dir.resolve(INDEX);
        try {
            if (Files.isRegularFile(index)) names.addAll(parseIndex(Files.readString(index, StandardCharsets.UTF_8)));
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().forEach(names::add);
            }
        } catch (IOException e) {
            failures.add(new Failure(dir.toString(), new PresetException(dir.toString(), null,
                    "cannot list directory (" + e.getClass().getSimpleName() + ")")));
        }
        for (String name : names) {
            Path file = dir.resolve(name);
            try {
                entries.add(new Entry(name, file.toString(), PresetIo.read(file)));
            } catch (PresetException e) {
                failures.add(new Failure(name, e));
            }
        }
        return new Listing(dir.toString(), entries, failures);
    }

    /** The presets packaged in the jar, in the order of /presets/index.txt. */
    public static Listing fromResources() {
        List<Entry> entries = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        String origin = "bundled " + RESOURCE_DIR;
        String indexText = resourceText(RESOURCE_DIR + INDEX);
        if (indexText == null) {
            failures.add(new Failure(INDEX, new PresetException(RESOURCE_DIR + INDEX, null,
                    "no bundled presets found on the class path")));
            return new Listing(origin, entries, failures);
        }
        for (String name : parseIndex(indexText)) {
            try {
                entries.add(new Entry(name, RESOURCE_DIR + name, readResource(name)));
            } catch (PresetException e) {
                failures.add(new Failure(name, e));
            }
        }
        return new Listing(origin, entries, failures);
    }

    /**
     * What the command line takes as a preset: an existing file, else a bundled preset's name as `presets`
     * lists it (its file name with or without ".json", e.g. "saxe-two-modes"), or "-": preset JSON on standard
     * input (as the app's Copy as preset puts it on the clipboard). Neither: one line saying so.
     */
    public static Preset readFileOrName(Path fileOrName) throws PresetException {
        if (fileOrName.toString().equals(STANDARD_INPUT)) return PresetIo.read(System.in, STANDARD_INPUT_SOURCE);
        if (Files.exists(fileOrName)) return PresetIo.read(fileOrName);
        String arg = fileOrName.toString();
        if (fileOrName.getNameCount() == 1 && !arg.isEmpty()) {
            String file = arg.endsWith(".json") ? arg : arg + ".json";
            for (Entry e : load().entries()) if (e.file().equals(file)) return e.preset();
        }
        throw new PresetException(arg, null, "file not found, and no bundled preset has this name (`presets` lists them)");
    }

    /** A bundled preset by file name, from ./presets or the class path. */
    public static Preset read(String file) throws PresetException {
        Path local = DEFAULT_DIRECTORY.resolve(file);
        if (Files.isRegularFile(local)) return PresetIo.read(local);
        return readResource(file);
    }

    /** A preset from the class-path resource /presets/&lt;file&gt;. */
    public static Preset readResource(String file) throws PresetException {
        String source = RESOURCE_DIR + file;
        String text = resourceText(source);
        if (text == null) throw new PresetException(source, null, "no such bundled preset");
        return PresetIo.parse(text, source);
    }

    /** File names listed in an index text, in order, without blanks, comments or duplicates. */
    public static List<String> parseIndex(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
        }
        return new ArrayList<>(out);
    }

    /** Up to and including the first ". " (or the whole text), on one line. */
    public static String firstSentence(String description) {
        if (description == null) return "";
        String d = description.replaceAll("\\s+", " ").strip();
        int i = 0;
        while (true) {
            int dot = d.indexOf(". ", i);
            if (dot < 0) return d;
            // skip abbreviations like "et al. " and "e.g. " and section numbers "§5. "
            String before = d.substring(Math.max(0, dot - 5), dot + 1);
            if (before.endsWith("al.") || before.endsWith("e.g.") || before.endsWith("i.e.") || before.endsWith("Fig.")
                    || before.endsWith("cf.")) {
                i = dot + 2;
                continue;
            }
            return d.substring(0, dot + 1);
        }
    }

    private static String resourceText(String resource) {
        try (InputStream in = BundledPresets.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
