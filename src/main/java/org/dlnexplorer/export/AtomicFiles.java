package org.dlnexplorer.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a whole file or nothing: the bytes go to a hidden temporary file in the target directory, which is
 * then moved over the target. On any failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

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

    public static void write(Path file, byte[] content) throws ExportException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null) throw new ExportException(file + ": cannot write (no parent directory)");
        if (!Files.isDirectory(dir)) throw new ExportException(file + ": cannot write (directory " + dir + " does not exist)");
        if (Files.isDirectory(target)) throw new ExportException(file + ": cannot write (it is a directory)");
        Path tmp = null;
        try {
            // a fresh name with default permissions (umask), unlike createTempFile's owner-only 0600
            Path fresh = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try (OutputStream os = Files.newOutputStream(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                tmp = fresh; // ours from here on: removed on any failure below
                os.write(content);
            }
            keepMode(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | SecurityException e) {
            throw new ExportException(file + ": cannot write (" + reason(e) + ")", e);
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
}
