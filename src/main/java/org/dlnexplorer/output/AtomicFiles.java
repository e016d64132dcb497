package org.dlnexplorer.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The one file writer: a whole file or nothing. The bytes go to a hidden temporary file in the target
 * directory, which is then moved over the target. On any failure the temporary file is removed, the target
 * is untouched, and the IOException's message is one line: "FILE: cannot write (reason)". Used for every
 * file the program writes (run output, sweeps, exports, presets, screenshots).
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Writes the bytes {@code out} produces; nothing is written when it throws. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A short human reason for an I/O failure: "permission denied", "Not a directory", "No space left on device". */
    public static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) return "permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A file being overwritten keeps its permissions (e.g. 0644 stays 0644); a new one gets the umask's. */
    private static void keepMode(Path target, Path tmp) {
        try {
            if (Files.exists(target)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not a POSIX file system, or not ours to read: the umask's mode stands
        }
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, out -> out.write(content));
    }

    /** UTF-8 text */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null) throw failure(file, "no parent directory", null);
        if (!Files.isDirectory(dir)) throw failure(file, "directory " + dir + " does not exist", null);
        if (Files.isDirectory(target)) throw failure(file, "it is a directory", null);
        Path tmp = null;
        try {
            // a fresh name with default permissions (umask), unlike createTempFile's owner-only 0600
            Path fresh = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try (OutputStream os = Files.newOutputStream(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                tmp = fresh; // ours from here on: removed on any failure below
                content.writeTo(os);
            }
            keepMode(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | SecurityException e) {
            throw failure(file, reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more we can do; the temp file is hidden and named after the target
                }
            }
        }
    }

    private static IOException failure(Path file, String reason, Exception cause) {
        return new IOException(file + ": cannot write (" + reason + ")", cause);
    }
}
