package org.dlnexplorer.model.engine;

/** How an integration ended: steps taken, whether it reached the last grid time, and failure if any. */
public record IntegrationResult(long steps, long evaluations, boolean completed, boolean failed, String failure) {
}
