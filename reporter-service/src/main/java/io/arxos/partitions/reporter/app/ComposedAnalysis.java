package io.arxos.partitions.reporter.app;

import io.arxos.partitions.reporter.domain.AnalysisReport;

/** An analysis report with its Markdown and JSON renderings. */
public record ComposedAnalysis(AnalysisReport report, String markdown, String json) {
}
