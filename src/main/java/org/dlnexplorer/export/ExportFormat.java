package org.dlnexplorer.export;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a view can be exported to, chosen by the file extension. */
public enum ExportFormat {
    PNG("png"), SVG("svg"), PDF("pdf");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** lower-case extension without the dot */
    public String extension() { return extension; }

    /** The format named by the file's extension (case-insensitive). */
    public static ExportFormat fromPath(Path file) throws ExportException {
        String ext = extensionOf(file);
        for (ExportFormat f : values()) if (f.extension.equals(ext)) return f;
        throw new ExportException(file + ": unknown export format "
                + (ext.isEmpty() ? "(no file extension)" : "\"." + ext + "\"") + " (expected .png, .svg or .pdf)");
    }

    /** the file name's extension, lower case, without the dot ("" when there is none) */
    static String extensionOf(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
