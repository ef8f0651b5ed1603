package io.arxos.partitions.reporter.app.analysis;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.RunItems;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.app.run.Settlement;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.AnalysisMarkdownRenderer;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReportBuilder;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Analyses: the run summary counts its table analyses (it does not list their keys); they were published in the
 * same transaction, so they only lag behind it, and the report goes out as INCOMPLETE when they have not all
 * arrived within the assembly timeout.
 *
 * @param json renders a report as JSON (the json adapter's format)
 */
public record AnalysisRuns(ReportEvents events, Duration assemblyTimeout,
        Function<AnalysisReport, String> json) implements RunKind<AnalysedRun, AnalysedTable, ComposedAnalysis> {

    @Override
    public String noun() {
        return "analysis";
    }

    @Override
    public Announcement announce(AnalysedRun run, Instant now) {
        return Announcement.count(run.tableCount(), now.plus(assemblyTimeout));
    }

    @Override
    public Settlement<ComposedAnalysis> settle(AnalysedRun run, RunItems<AnalysedTable> tables, RunProgress progress,
            ReportStatus status, Instant now, Consumer<Settlement.Keyed<ComposedAnalysis>> ahead) {
        ComposedAnalysis composed = compose(run, tables.all(), status, now, json);
        return Settlement.report(run.analysisId(), composed, composed.report().exitCode());
    }

    @Override
    public Settlement<ComposedAnalysis> unreportable(AnalysedRun run, RunProgress progress, String reason,
            Instant now) {
        AnalysisReport report = AnalysisReportBuilder.build(run, List.of(), ReportStatus.INCOMPLETE, now)
                .failedWith("the report of this analysis could not be built (" + reason + ")");
        return Settlement.report(run.analysisId(), new ComposedAnalysis(report, AnalysisMarkdownRenderer.render(
                report), json.apply(report)), report.exitCode());
    }

    @Override
    public void reported(String analysisId, ReportStatus status, int exitCode) {
        events.analysisReportEmitted(analysisId, status, exitCode);
    }

    /** The "report an analysis" use case: builds the analysis report and renders its Markdown and JSON. */
    public static ComposedAnalysis compose(AnalysedRun run, List<AnalysedTable> tables, ReportStatus status,
            Instant now, Function<AnalysisReport, String> json) {
        AnalysisReport report = AnalysisReportBuilder.build(run, tables, status, now);
        return new ComposedAnalysis(report, AnalysisMarkdownRenderer.render(report),
                json.apply(report));
    }
}
