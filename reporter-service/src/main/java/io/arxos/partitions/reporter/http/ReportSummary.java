package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.files.ArchivedReport;
import java.time.Instant;

/** One line of the report index: which run, how it ended, when the report was generated. */
public record ReportSummary(String runId, String status, int exitCode, Instant generatedAt) {

    static ReportSummary of(ArchivedReport line) {
        return new ReportSummary(line.id(), line.status(), line.exitCode(), line.generatedAt());
    }
}
