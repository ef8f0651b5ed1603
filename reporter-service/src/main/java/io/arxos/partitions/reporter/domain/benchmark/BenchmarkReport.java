package io.arxos.partitions.reporter.domain.benchmark;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark report of one run, shaped like the guide's: an executive summary, the regressions first, then per
 * table its baseline and every query with both sides' spread, the change, the verdict, pruning, cache and plans.
 *
 * @param exitCode 2 a query is slower, 1 incomplete, a table not measured or a comparison void, 0 otherwise
 */
public record BenchmarkReport(String benchmarkId, ReportStatus status, int exitCode, Instant generatedAt,
        String requestedBy, int runs, int warmups, Summary summary, List<Regression> regressions,
        List<TableSection> tables, List<String> skipped, List<String> failures) {

    public BenchmarkReport {
        regressions = List.copyOf(regressions);
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    /** This report with {@code reason} added to its failures and exit code 1. */
    public BenchmarkReport failedWith(String reason) {
        List<String> all = new ArrayList<>(failures);
        all.add(reason);
        return new BenchmarkReport(benchmarkId, status, 1, generatedAt, requestedBy, runs, warmups, summary,
                regressions, tables, skipped, all);
    }

    /** Counts and the average, best and worst median change over the queries that could be compared. */
    public record Summary(int tables, int queries, int faster, int unchanged, int slower, int voided,
            Double averageChangePercent, QueryRef best, QueryRef worst) {
    }

    /** A query of a table, with its change. */
    public record QueryRef(String table, String query, double changePercent) {
    }

    /** A query slower beyond its noise. */
    public record Regression(String table, String query, double changePercent, double noisePercent, double pValue) {
    }

    /** One table: what was compared with what, and every query. */
    public record TableSection(TableName table, String before, String after, String baseline, String baselineMeaning,
            String status, boolean vacuumed, int partitionsInTable, long durationMillis, String error,
            List<QueryRow> queries) {

        public TableSection {
            queries = List.copyOf(queries);
        }
    }

    /** One query's comparison. Times in milliseconds; change and noise in percent of the before median. */
    public record QueryRow(String name, String category, String description, String sql, Verdict verdict,
            Spread before, Spread after, Double changePercent, Double noisePercent, Double pValue, String voidReason,
            long rowsBefore, long rowsAfter, int partitionsScannedBefore, int partitionsScannedAfter,
            int partitionsPrunedAtRunTime, Double cacheHitBefore, Double cacheHitAfter, String planBefore,
            String planAfter) {
    }
}
