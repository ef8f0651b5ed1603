package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.files.ArchivedReport;
import java.time.Instant;

/** One line of the analysis index: which analysis, how it ended, when its report was generated, who asked. */
public record AnalysisSummary(String analysisId, String status, int exitCode, Instant generatedAt,
        String requestedBy) {

    static AnalysisSummary of(ArchivedReport line) {
        return new AnalysisSummary(line.id(), line.status(), line.exitCode(), line.generatedAt(), line.requestedBy());
    }
}
