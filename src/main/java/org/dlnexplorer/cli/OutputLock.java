package org.dlnexplorer.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive claim on an output (a file or an export folder) for as long as a command writes it, so that two
 * commands writing the same place cannot silently lose one's result: the second is refused (exit 2). The claim
 * is an operating-system lock on a hidden sibling ".NAME.lock", released when the process ends, however it
 * ends. The lock file is left in place: deleting it would let a third command lock a new file while a second
 * still holds the old one.
 */
final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * the hidden lock file of target: its sibling ".NAME.lock"; for a folder whose parent is not writable (e.g.
     * --out .), ".dln-explorer.lock" inside it
     */
    static Path lockFile(Path target) {
        Path t = target.toAbsolutePath().normalize();
        Path dir = t.getParent();
        if (dir == null || (Files.isDirectory(t) && !Files.isWritable(dir))) return t.resolve(".dln-explorer.lock");
        return dir.resolve("." + t.getFileName() + ".lock");
    }

    /** Claims target; a usage error naming it when another command holds it or the lock cannot be made. */
    static OutputLock acquire(Path target) {
        Path file = lockFile(target);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw busy(target);
            }
            return new OutputLock(ch, l);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw busy(target);
        } catch (IOException | SecurityException e) {
            closeQuietly(ch);
            throw new UsageError(target + ": cannot lock for writing (" + org.dlnexplorer.output.AtomicFiles.reason(e)
                    + "; lock file " + file + ")");
        }
    }

    private static UsageError busy(Path target) {
        return new UsageError(target + ": another dln-explorer command is writing it now (locked); "
                + "wait for it or choose another --out");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // the channel is gone either way
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // released with the channel below
        }
        closeQuietly(channel);
    }

}
