package dev.yolotrain.service.job;

/** QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED, with CANCELLING while a cancel reaches the child. */
public enum JobStatus {
    QUEUED, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
