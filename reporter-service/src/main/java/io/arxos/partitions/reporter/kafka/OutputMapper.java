package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.AlertKind;
import io.arxos.partitions.events.AlertSeverity;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.events.RunTrigger;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.reporter.app.analysis.ComposedAnalysis;
import io.arxos.partitions.reporter.app.benchmark.ComposedBenchmark;
import io.arxos.partitions.reporter.app.maintenance.ComposedReport;
import io.arxos.partitions.reporter.app.run.ReportPage;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;
import io.arxos.partitions.reporter.domain.maintenance.Alert;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Instant;
import java.util.Arrays;

/** Translates the reporter's domain results into the Avro events it publishes. */
final class OutputMapper {

    static final String PRODUCER = "reporter-service";

    private OutputMapper() {
    }

    static RunReport report(ComposedReport composed) {
        MaintenanceReport r = composed.report();
        MaintenanceReport.Summary s = r.summary();
        return RunReport.newBuilder()
                .setEnvelope(CoreTypes.envelope(composed.reportId(), r.runId(), PRODUCER, r.generatedAt()))
                .setStatus(ReportStatus.valueOf(r.status().name()))
                .setTrigger(trigger(r.trigger()))
                .setDryRun(r.dryRun())
                .setTotalOperations(s.totalOperations())
                .setSucceeded(s.successful())
                .setFailed(s.failed())
                .setRejected(s.rejected())
                .setPartitionsCreated(s.partitionsCreated())
                .setPartitionsDropped(s.partitionsDropped())
                .setPartitionsDetached(s.partitionsDetached())
                .setFindings(s.validationFindings())
                .setExitCode(r.exitCode())
                .setMarkdown(composed.markdown())
                .setJson(composed.json())
                .setMarkdownPages(composed.markdownPages())
                .setJsonPages(composed.jsonPages())
                .build();
    }

    static RunReportPage page(ReportPage page) {
        return RunReportPage.newBuilder()
                .setEnvelope(CoreTypes.envelope(page.runId(), PRODUCER, page.generatedAt()))
                .setReportEventId(page.reportId())
                .setFormat(ReportPageFormat.valueOf(page.format().name()))
                .setIndex(page.index())
                .setText(page.text())
                .build();
    }

    static io.arxos.partitions.events.AnalysisReport analysisReport(ComposedAnalysis composed) {
        AnalysisReport r = composed.report();
        AnalysisReport.Summary s = r.summary();
        return io.arxos.partitions.events.AnalysisReport.newBuilder()
                .setEnvelope(CoreTypes.envelope(composed.reportId(), r.analysisId(), PRODUCER, r.generatedAt()))
                .setStatus(ReportStatus.valueOf(r.status().name()))
                .setTables(s.tablesAnalysed())
                .setHigh(s.high())
                .setMedium(s.medium())
                .setLow(s.low())
                .setBlocked(s.blocked())
                .setExitCode(r.exitCode())
                .setMarkdown(composed.markdown())
                .setJson(composed.json())
                .setMarkdownPages(composed.markdownPages())
                .setJsonPages(composed.jsonPages())
                .build();
    }

    static io.arxos.partitions.events.BenchmarkReport benchmarkReport(ComposedBenchmark composed) {
        var r = composed.report();
        var s = r.summary();
        return io.arxos.partitions.events.BenchmarkReport.newBuilder()
                .setEnvelope(CoreTypes.envelope(r.benchmarkId(), PRODUCER, r.generatedAt()))
                .setStatus(ReportStatus.valueOf(r.status().name()))
                .setTables(s.tables())
                .setQueries(s.queries())
                .setFaster(s.faster())
                .setSlower(s.slower())
                .setUnchanged(s.unchanged())
                .setVoided(s.voided())
                .setRegressions(r.regressions().stream().map(g -> io.arxos.partitions.events.BenchmarkRegression
                        .newBuilder().setTable(g.table()).setQuery(g.query()).setChangePercent(g.changePercent())
                        .setNoisePercent(g.noisePercent()).build()).toList())
                .setExitCode(r.exitCode())
                .setMarkdown(composed.markdown())
                .setJson(composed.json())
                .setHtml(composed.html())
                .build();
    }

    static PartitionAlert alert(Alert alert, Instant now) {
        TableId table = alert.table() == null ? null : TableId.newBuilder().setDatabase(alert.table().database())
                .setSchemaName(alert.table().schema()).setTableName(alert.table().table()).build();
        return PartitionAlert.newBuilder()
                .setEnvelope(CoreTypes.envelope(alert.runId(), PRODUCER, now))
                .setKind(AlertKind.valueOf(alert.kind().name()))
                .setSeverity(AlertSeverity.valueOf(alert.severity().name()))
                .setTable(table)
                .setCommandId(alert.commandId())
                .setMessage(alert.message())
                .setRows(alert.rows())
                .build();
    }

    private static RunTrigger trigger(String name) {
        return Arrays.stream(RunTrigger.values()).filter(t -> t.name().equals(name)).findFirst()
                .orElse(RunTrigger.UNKNOWN);
    }
}
