package io.arxos.partitions.reporter.app.analysis;

import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;

/** An analysis report with its Markdown and JSON renderings. */
public record ComposedAnalysis(AnalysisReport report, String markdown, String json) {
}
