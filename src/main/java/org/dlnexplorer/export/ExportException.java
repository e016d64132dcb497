package org.dlnexplorer.export;

/** An export that cannot be done (bad path, unknown format, size out of range); the message is one line. */
public final class ExportException extends Exception {
    public ExportException(String message) {
        super(message.replace('\n', ' '));
    }

    public ExportException(String message, Throwable cause) {
        super(message.replace('\n', ' '), cause);
    }
}
