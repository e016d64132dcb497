package org.dlnexplorer.preset;

/** A preset that cannot be used; the message is one line naming the file and the field. */
public final class PresetException extends Exception {
    private final String source;
    private final String field;
    private final String problem;

    public PresetException(String source, String field, String problem) {
        super(format(source, field, problem));
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null) sb.append(source).append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(problem);
        return sb.toString().replace('\n', ' ');
    }

    /** the file (or other source) the preset came from */
    public String source() { return source; }
    /** the JSON path of the offending field, e.g. "init.scheme" */
    public String field() { return field; }
    public String problem() { return problem; }
}
