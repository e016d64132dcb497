package org.dlnexplorer.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/** Renders a writer-based output into a String (a StringWriter never fails with I/O errors). */
final class TextOutput {
    private TextOutput() {}

    /** Something that writes text to a Writer. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    static String render(Body body) {
        StringWriter sw = new StringWriter();
        try {
            body.writeTo(sw);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter failed", e);
        }
        return sw.toString();
    }
}
