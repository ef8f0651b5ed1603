package io.arxos.partitions.reporter.app.analysis;

import io.arxos.partitions.reporter.app.run.ReportPage;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An analysis report with its Markdown and JSON renderings. A rendering too large for one record went into
 * {@code pages}: then {@code markdown} or {@code json} holds the head (the summary, no tables) and the page count
 * says how many pages hold the whole text.
 *
 * @param reportId the report event's id, which its pages name
 */
public record ComposedAnalysis(UUID reportId, AnalysisReport report, String markdown, String json,
        int markdownPages, int jsonPages, List<ReportPage> pages) {

    public ComposedAnalysis {
        Objects.requireNonNull(reportId, "reportId");
        pages = List.copyOf(pages);
    }
}
