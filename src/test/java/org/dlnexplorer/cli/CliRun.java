package org.dlnexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in-process, as the tests of its commands call it: exit code, stdout and stderr. */
public final class CliRun {
    private CliRun() {}

    public record Result(int code, String out, String err) {}

    public static Result exec(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = DlnCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
