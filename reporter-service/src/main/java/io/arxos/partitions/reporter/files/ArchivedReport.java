package io.arxos.partitions.reporter.files;

import java.time.Instant;

/**
 * One line of a report index: which run, how it ended, when the report was generated, and who asked (when the
 * report says).
 */
public record ArchivedReport(String id, String status, int exitCode, Instant generatedAt, String requestedBy) {
}
