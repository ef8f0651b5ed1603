package io.arxos.partitions.reporter.domain.maintenance;

/** How the executor ended a command (its final outcome). */
public enum CommandStatus {
    SUCCEEDED,
    ALREADY_APPLIED,
    FAILED,
    REJECTED,
    DRY_RUN,
    /** A status from a newer executor; counted as neither success nor failure, but it fails the exit code. */
    UNKNOWN;

    /** Successful for the summary: done now, done before, or rendered without executing. */
    public boolean isSuccessful() {
        return this == SUCCEEDED || this == ALREADY_APPLIED || this == DRY_RUN;
    }
}
