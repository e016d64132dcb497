package org.dlnexplorer.model.engine;

/**
 * How an integration ended: steps taken, whether it reached the last grid time, failure if any, and whether it
 * stopped because its step budget ran out (neither complete nor failed).
 */
public record IntegrationResult(long steps, long evaluations, boolean completed, boolean failed, String failure,
                                boolean budgetExhausted) {
    public IntegrationResult(long steps, long evaluations, boolean completed, boolean failed, String failure) {
        this(steps, evaluations, completed, failed, failure, false);
    }
}
