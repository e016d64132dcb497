package org.dlnexplorer.export;

import org.dlnexplorer.output.AtomicFiles;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;
import org.dlnexplorer.output.RunCsvWriter;
import org.dlnexplorer.output.RunJsonWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSV and JSON of trajectories in the `run` formats of SPEC §3 (written by output.RunCsvWriter and
 * output.RunJsonWriter), atomically. A run set of several members becomes one file per member.
 */
public final class TrajectoryExport {
    private TrajectoryExport() {}

    /** Trajectory file formats, chosen by the file extension. */
    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) { this.extension = extension; }

        public String extension() { return extension; }

        public static Format fromPath(Path file) throws ExportException {
            String ext = ExportFormat.extensionOf(file);
            for (Format f : values()) if (f.extension.equals(ext)) return f;
            throw new ExportException(file + ": unknown trajectory format "
                    + (ext.isEmpty() ? "(no file extension)" : "\"." + ext + "\"") + " (expected .csv or .json)");
        }
    }

    /** The text of one trajectory in the format. */
    public static String text(Trajectory t, Format format) {
        return format == Format.JSON ? RunJsonWriter.toJson(t) + "\n" : RunCsvWriter.toCsv(t);
    }

    /** One trajectory to file (format from its extension). */
    public static void write(Trajectory t, Path file) throws ExportException {
        try {
            AtomicFiles.writeString(file, text(t, Format.fromPath(file)));
        } catch (IOException e) {
            throw new ExportException(e.getMessage(), e);
        }
    }

    /**
     * Every member of the set: a single run goes to file itself; several go to &lt;stem&gt;-&lt;label&gt;.&lt;ext&gt;
     * beside it (label made file-safe, e.g. "run-delta=-2.csv"). Returns the files written.
     */
    public static List<Path> write(RunSet runs, Path file) throws ExportException {
        Format format = Format.fromPath(file);
        List<Path> written = new ArrayList<>();
        if (runs.runs().size() == 1) {
            write(runs.runs().get(0).trajectory(), file);
            written.add(file);
            return written;
        }
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - format.extension().length() - 1);
        Set<String> used = new HashSet<>();
        for (RunSet.Labeled r : runs.runs()) {
            String slug = slug(r.label());
            String unique = slug;
            for (int k = 2; !used.add(unique); k++) unique = slug + "-" + k;
            Path target = file.resolveSibling(stem + "-" + unique + "." + format.extension());
            write(r.trajectory(), target);
            written.add(target);
        }
        return written;
    }

    /** "δ = -2" → "delta=-2", "τ = 0.01" → "tau=0.01": ASCII letters, digits, '.', '-', '=' only. */
    public static String slug(String label) {
        String s = label.replace("δ", "delta").replace("τ", "tau").replace("η", "eta").replace("λ", "lambda")
                .replace("−", "-").replace(" ", "");
        s = s.replaceAll("[^A-Za-z0-9.=_-]", "_");
        return s.isEmpty() ? "run" : s;
    }
}
