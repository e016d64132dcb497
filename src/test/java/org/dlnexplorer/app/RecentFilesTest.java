package org.dlnexplorer.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("org/dlnexplorer/test-recent-" + System.nanoTime());

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void mostRecentFirstWithoutDuplicatesAndAtMostMax(@TempDir Path dir) throws Exception {
        RecentFiles r = new RecentFiles(node);
        Path[] f = new Path[RecentFiles.MAX + 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = Files.writeString(dir.resolve("p" + i + ".json"), "{}");
            r.add(f[i]);
        }
        r.add(f[3]);
        List<Path> list = r.list();
        assertEquals(RecentFiles.MAX, list.size());
        assertEquals(f[3].toAbsolutePath(), list.get(0));
        assertEquals(f[f.length - 1].toAbsolutePath(), list.get(1));
        assertEquals(1, list.stream().filter(p -> p.equals(f[3].toAbsolutePath())).count());
        assertFalse(list.contains(f[0].toAbsolutePath()), "the oldest fell off");
        // a new store on the same node sees the same list (kept across restarts)
        assertEquals(list, new RecentFiles(node).list());
    }

    @Test
    void filesThatNoLongerExistAreNotListed(@TempDir Path dir) throws Exception {
        RecentFiles r = new RecentFiles(node);
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        r.add(a);
        r.add(b);
        Files.delete(a);
        assertEquals(List.of(b.toAbsolutePath()), r.list());
    }
}
