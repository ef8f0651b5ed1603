package io.arxos.partitions.reporter.app;

import java.time.Instant;

/** One line of the analysis index: which analysis, how it ended, when its report was generated, who asked. */
public record AnalysisSummary(String analysisId, String status, int exitCode, Instant generatedAt,
        String requestedBy) {
}
