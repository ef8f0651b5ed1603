package io.arxos.partitions.reporter.app.run;

import io.arxos.partitions.reporter.domain.run.ReportStatus;

/** Told about every report the stream emits (metrics); implementations must be cheap and must not throw. */
public interface ReportEvents {

    /** Does nothing (tests, tools). */
    ReportEvents NONE = (runId, status, exitCode) -> {};

    void reportEmitted(String runId, ReportStatus status, int exitCode);

    /** An analysis report was emitted; ignored unless overridden. */
    default void analysisReportEmitted(String analysisId, ReportStatus status, int exitCode) {
    }

    /** A benchmark report was emitted (exit code 2: a regression); ignored unless overridden. */
    default void benchmarkReportEmitted(String benchmarkId, ReportStatus status, int exitCode) {
    }
}
