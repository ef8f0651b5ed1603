package io.arxos.partitions.reporter.app;

import java.time.Instant;

/** One line of the report index: which run, how it ended, when the report was generated. */
public record ReportSummary(String runId, String status, int exitCode, Instant generatedAt) {
}
