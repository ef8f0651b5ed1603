package io.arxos.partitions.reporter.app.benchmark;

import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport;

/** A benchmark report with its Markdown, JSON and HTML renderings. */
public record ComposedBenchmark(BenchmarkReport report, String markdown, String json, String html) {
}
