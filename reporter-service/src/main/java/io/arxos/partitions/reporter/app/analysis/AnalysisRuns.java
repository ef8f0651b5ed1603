package io.arxos.partitions.reporter.app.analysis;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.ReportPage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Analyses: the run summary counts its table analyses (it does not list their keys); they were published in the
 * same transaction, so they only lag behind it, and the report goes out as INCOMPLETE when they have not all
 * arrived within the assembly timeout.
 *
 * @param json renders a report as JSON (the json adapter's format)
 * @param maxTextBytes the most UTF-8 text its record may carry; a larger report is replaced by one saying so
 * @param pageBytes a rendering larger than this goes out in pages of this size
 */
public record AnalysisRuns(ReportEvents events, Duration assemblyTimeout, Function<AnalysisReport, String> json,
        long maxTextBytes, int pageBytes) implements WholeReportKind<AnalysedRun, AnalysedTable, ComposedAnalysis> {

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
        String markdown = AnalysisMarkdownRenderer.render(report);
        String whole = json.apply(report);
        UUID reportId = ReportPage.reportId(report.analysisId(), status, report.generatedAt());
        List<ReportPage> pages = new ArrayList<>();
        int markdownPages = ReportPage.split(report.analysisId(), reportId, report.generatedAt(),
                ReportPage.Format.MARKDOWN, markdown, pageBytes, pages::add);
        int jsonPages = ReportPage.split(report.analysisId(), reportId, report.generatedAt(), ReportPage.Format.JSON,
                whole, pageBytes, pages::add);
        String headMarkdown = markdownPages == 0 ? markdown : AnalysisMarkdownRenderer.render(report.head())
                + "\n_The whole report (" + report.tables().size() + " tables) is " + markdownPages + " pages long; "
                + "`partctl analyze` and the reporter's /analyses/" + report.analysisId() + " assemble it._\n";
        String headJson = jsonPages == 0 ? whole : json.apply(report.head());
        return new ComposedAnalysis(reportId, report, headMarkdown, headJson, markdownPages, jsonPages, pages);
    }
}
