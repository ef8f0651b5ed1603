package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The partitioning analysis report of one analysis: how each database's analysis went, the executive summary and
 * every analysed table, candidates first. Renderers turn it into Markdown and JSON.
 *
 * @param error why the request was refused as a whole, or null
 * @param expectedTables table analyses the run summary announced
 * @param receivedTables table analyses that arrived; fewer than expected in an INCOMPLETE report
 * @param exitCode 0 analysed completely, 1 incomplete, refused or a database could not be analysed
 * @param tables ordered by priority, then size (largest first)
 */
public record AnalysisReport(String analysisId, ReportStatus status, int exitCode, Instant generatedAt,
        String requestedBy, Instant requestedAt, String error, int expectedTables, int receivedTables,
        List<DatabaseLine> databases, Summary summary, List<AnalysedTable> tables) {

    public AnalysisReport {
        Objects.requireNonNull(analysisId, "analysisId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
    }

    /** The report without its tables (summary, databases, counts): what a paged report's own record carries. */
    public AnalysisReport head() {
        return new AnalysisReport(analysisId, status, exitCode, generatedAt, requestedBy, requestedAt, error,
                expectedTables, receivedTables, databases, summary, List.of());
    }

    /** This report with {@code reason} as its error and exit code 1 (a report that could not be built fully). */
    public AnalysisReport failedWith(String reason) {
        return new AnalysisReport(analysisId, status, 1, generatedAt, requestedBy, requestedAt, reason,
                expectedTables, receivedTables, databases, summary, tables);
    }

    /** Table analyses announced but missing from this report. */
    public int missingTables() {
        return Math.max(0, expectedTables - receivedTables);
    }

    /** Tables with estimates and a recommendation (HIGH, MEDIUM, LOW and BLOCKED), in report order. */
    public List<AnalysedTable> candidates() {
        return tables.stream().filter(t -> t.priority().candidate()).toList();
    }

    /**
     * How the analysis of one database went.
     *
     * @param expectedTables table analyses its run summary announced
     * @param receivedTables those that arrived
     */
    public record DatabaseLine(String database, String serverVersion, int expectedTables, int receivedTables,
            long observedMillis, Instant statsResetAt, boolean statsResetDuringWindow, String queryStatistics,
            long elapsedMillis, long collectMillis, String error) {
    }

    /** Counts per priority, the candidate tables by name and one line per candidate. */
    public record Summary(int tablesAnalysed, int high, int medium, int low, int blocked, int notRecommended,
            int unknown, List<String> highTables, List<String> mediumTables, List<String> lowTables,
            List<String> blockedTables, List<CandidateLine> candidates) {

        public Summary {
            highTables = List.copyOf(highTables);
            mediumTables = List.copyOf(mediumTables);
            lowTables = List.copyOf(lowTables);
            blockedTables = List.copyOf(blockedTables);
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * One candidate in the executive summary.
     *
     * @param table {@code <database>/<schema>.<table>}
     * @param rowsPerMonth rows in the latest full month of the partition key (or the average), null when unknown
     * @param rowsPerMonthBasis which month, or "average of n months"
     * @param partitions current partitions, or those a migration would create; null when unknown
     * @param blockers BLOCKER advice items
     */
    public record CandidateLine(String table, AnalysisPriority priority, long totalBytes, long estimatedRows,
            Long rowsPerMonth, String rowsPerMonthBasis, String partitionKey, String interval, Long partitions,
            int blockers) {
    }
}
