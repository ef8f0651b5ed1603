package io.arxos.partitions.reporter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport;

/**
 * The benchmark report as JSON: the top level starts with {@code benchmarkId}, {@code status}, {@code exitCode} and
 * {@code generatedAt} (the archive's index reads those), then the summary, regressions and tables with every
 * query's spread, verdict, pruning and plans; field names are the records' component names.
 */
public final class BenchmarkJsonFormat {

    private BenchmarkJsonFormat() {
    }

    public static String render(BenchmarkReport report) {
        try {
            return JsonReportFormat.WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report of benchmark " + report.benchmarkId()
                    + " cannot be written as JSON", e);
        }
    }

    /** Reads a report rendered by {@link #render}; throws IllegalArgumentException when {@code json} is not one. */
    public static BenchmarkReport parse(String json) {
        try {
            return JsonReportFormat.MAPPER.readValue(json, BenchmarkReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a benchmark report in JSON: " + e.getOriginalMessage(), e);
        }
    }
}
