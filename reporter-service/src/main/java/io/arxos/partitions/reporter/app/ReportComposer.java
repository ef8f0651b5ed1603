package io.arxos.partitions.reporter.app;

import io.arxos.partitions.reporter.domain.AlertRules;
import io.arxos.partitions.reporter.domain.JsonReportFormat;
import io.arxos.partitions.reporter.domain.MaintenanceReport;
import io.arxos.partitions.reporter.domain.MarkdownRenderer;
import io.arxos.partitions.reporter.domain.Outcome;
import io.arxos.partitions.reporter.domain.PlannedRun;
import io.arxos.partitions.reporter.domain.ReportBuilder;
import io.arxos.partitions.reporter.domain.ReportStatus;
import java.time.Instant;
import java.util.Map;

/** The "report a run" use case: builds the report, renders Markdown and JSON, derives the alerts. */
public final class ReportComposer {

    private ReportComposer() {
    }

    public static ComposedReport compose(PlannedRun plan, Map<String, Outcome> outcomes, ReportStatus status,
            Instant now) {
        MaintenanceReport report = ReportBuilder.build(plan, outcomes, status, now);
        return new ComposedReport(report, MarkdownRenderer.render(report), JsonReportFormat.render(report),
                AlertRules.alerts(plan, outcomes, status));
    }
}
