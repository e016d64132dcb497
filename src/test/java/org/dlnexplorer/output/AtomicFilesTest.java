package org.dlnexplorer.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one file writer: whole file or nothing, one-line messages naming the file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void textIsWrittenWholeAsUtf8() throws Exception {
        Path f = dir.resolve("out.json");
        AtomicFiles.writeString(f, "δ = 2\n");
        assertEquals("δ = 2\n", Files.readString(f));
        AtomicFiles.writeString(f, "x");
        assertEquals("x", Files.readString(f));
        assertEquals(List.of("out.json"), listing());
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary() throws Exception {
        Path f = Files.writeString(dir.resolve("shot.png"), "previous");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("no PNG writer");
        }));
        assertEquals(f + ": cannot write (no PNG writer)", e.getMessage());
        assertEquals("previous", Files.readString(f));
        assertEquals(List.of("shot.png"), listing());
    }

    @Test
    void aMissingDirectoryIsOneLineNamingTheFile() {
        Path f = dir.resolve("missing").resolve("run.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(f, "t"));
        assertTrue(e.getMessage().startsWith(f + ": cannot write (directory "), e.getMessage());
        assertTrue(e.getMessage().endsWith("does not exist)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
