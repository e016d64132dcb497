package org.dlnexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Recently used preset files, most recent first, at most {@link #MAX} of them, kept in the user's
 * preferences so they survive restarts ({@link #forUser()}), or only in memory ({@link #inMemory()}, for
 * tests: they never touch the user's list). Files that no longer exist are dropped when listed.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private static final String KEY = "recent.";

    /** where the list lives: a preferences node, or nowhere but this object */
    private final Preferences node;
    private List<String> memory = List.of();

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** the app's own store */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("org/dlnexplorer/recent-presets"));
    }

    /** a store that lives as long as this object (tests, probes) */
    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    /** Records a file as the most recently used one. */
    public void add(Path file) {
        String abs = file.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(raw());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) list.remove(list.size() - 1);
        store(list);
    }

    /** The recorded files that still exist, most recent first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : raw()) {
            Path p = Path.of(s);
            if (Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    private List<String> raw() {
        if (node == null) return memory;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = node.get(KEY + i, null);
            if (v != null && !v.isBlank()) out.add(v);
        }
        return out;
    }

    private void store(List<String> list) {
        if (node == null) {
            memory = List.copyOf(list);
            return;
        }
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) node.put(KEY + i, list.get(i));
            else node.remove(KEY + i);
        }
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException ignored) {
            // preferences are a convenience; the in-memory values still hold for this session
        }
    }
}
