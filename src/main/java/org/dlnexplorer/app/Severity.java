package org.dlnexplorer.app;

/** How the status bar shows a message: results of saves and exports as information, problems as errors. */
public enum Severity {
    INFO("status-info"),
    ERROR("status-error");

    private final String styleClass;

    Severity(String styleClass) { this.styleClass = styleClass; }

    /** the status label's CSS class */
    public String styleClass() { return styleClass; }
}
