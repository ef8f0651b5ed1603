package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.files.ArchivedReport;
import java.time.Instant;

/** One line of the benchmark index: which benchmark, how it ended (exit code 2: a regression), when, who asked. */
public record BenchmarkSummary(String benchmarkId, String status, int exitCode, Instant generatedAt,
        String requestedBy) {

    static BenchmarkSummary of(ArchivedReport line) {
        return new BenchmarkSummary(line.id(), line.status(), line.exitCode(), line.generatedAt(), line.requestedBy());
    }
}
