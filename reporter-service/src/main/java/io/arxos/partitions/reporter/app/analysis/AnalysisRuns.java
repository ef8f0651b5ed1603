package io.arxos.partitions.reporter.app.analysis;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.WholeReportKind;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.AnalysisMarkdownRenderer;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReportBuilder;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.PagedText;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Analyses: the run summary counts its table analyses (it does not list their keys); they were published in the
 * same transaction, so they only lag behind it, and the report goes out as INCOMPLETE when they have not all
 * arrived within the assembly timeout.
 *
 * @param json renders a report as JSON (the json adapter's format)
 * @param maxTextBytes the most UTF-8 text its record may carry; a larger report is replaced by one saying so
 */
public record AnalysisRuns(ReportEvents events, Duration assemblyTimeout, Function<AnalysisReport, String> json,
        long maxTextBytes) implements WholeReportKind<AnalysedRun, AnalysedTable, ComposedAnalysis> {

    @Override
    public String noun() {
        return "analysis";
    }

    @Override
    public Announcement announce(AnalysedRun run, Instant now) {
        return Announcement.count(run.tableCount(), now.plus(assemblyTimeout));
    }

    @Override
    public String runId(AnalysedRun run) {
        return run.analysisId();
    }

    @Override
    public int exitCode(ComposedAnalysis report) {
        return report.report().exitCode();
    }

    @Override
    public long textBytes(ComposedAnalysis report) {
        return PagedText.utf8Bytes(report.markdown(), report.json());
    }

    @Override
    public void reported(String analysisId, ReportStatus status, int exitCode) {
        events.analysisReportEmitted(analysisId, status, exitCode);
    }

    /** The "report an analysis" use case: builds the analysis report and renders its Markdown and JSON. */
    @Override
    public ComposedAnalysis compose(AnalysedRun run, List<AnalysedTable> tables, ReportStatus status, Instant now,
            String failure) {
        AnalysisReport built = AnalysisReportBuilder.build(run, tables, status, now);
        AnalysisReport report = failure == null ? built : built.failedWith(failure);
        return new ComposedAnalysis(report, AnalysisMarkdownRenderer.render(report),
                json.apply(report));
    }
}
