package io.arxos.partitions.reporter.app;

import io.arxos.partitions.reporter.domain.AnalysedRun;
import io.arxos.partitions.reporter.domain.AnalysedTable;
import io.arxos.partitions.reporter.domain.AnalysisJsonFormat;
import io.arxos.partitions.reporter.domain.AnalysisMarkdownRenderer;
import io.arxos.partitions.reporter.domain.AnalysisReport;
import io.arxos.partitions.reporter.domain.AnalysisReportBuilder;
import io.arxos.partitions.reporter.domain.ReportStatus;
import java.time.Instant;
import java.util.Collection;

/** The "report an analysis" use case: builds the analysis report and renders its Markdown and JSON. */
public final class AnalysisComposer {

    private AnalysisComposer() {
    }

    public static ComposedAnalysis compose(AnalysedRun run, Collection<AnalysedTable> tables, ReportStatus status,
            Instant now) {
        AnalysisReport report = AnalysisReportBuilder.build(run, tables, status, now);
        return new ComposedAnalysis(report, AnalysisMarkdownRenderer.render(report),
                AnalysisJsonFormat.render(report));
    }
}
