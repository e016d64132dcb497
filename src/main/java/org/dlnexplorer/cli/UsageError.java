package org.dlnexplorer.cli;

/** Invalid input or usage: printed as one line on stderr, exit status 2, never a stack trace. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message.replace('\n', ' '));
    }
}
