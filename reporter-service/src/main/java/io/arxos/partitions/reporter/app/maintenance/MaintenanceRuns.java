package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.app.run.Settlement;
import io.arxos.partitions.reporter.app.run.Settlement.Keyed;
import io.arxos.partitions.reporter.domain.maintenance.Alert;
import io.arxos.partitions.reporter.domain.maintenance.AlertRules;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.MarkdownRenderer;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.ReportBuilder;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maintenance runs: a run plan lists its command ids and its deadline; each command's final outcome is an item; the
 * report (Markdown, JSON) goes out with the alerts it raises, each alert once per run.
 *
 * @param json renders a report as JSON (the json adapter's format)
 */
public record MaintenanceRuns(ReportEvents events,
        Function<MaintenanceReport, String> json) implements RunKind<PlannedRun, Outcome, RunOutput> {

    @Override
    public String noun() {
        return "run";
    }

    @Override
    public Announcement announce(PlannedRun plan, Instant now) {
        return Announcement.of(plan.commandIds().toList(), plan.deadline());
    }

    @Override
    public Settlement<RunOutput> settle(PlannedRun plan, List<Outcome> items, RunProgress progress,
            ReportStatus status, Instant now) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        items.forEach(o -> outcomes.put(o.commandId(), o));
        ComposedReport composed = compose(plan, outcomes, status, now, json);
        Map<String, Alert> fresh = new LinkedHashMap<>();
        for (Alert alert : composed.alerts()) {
            if (!progress.alerted().contains(alert.fingerprint())) {
                fresh.putIfAbsent(alert.fingerprint(), alert);
            }
        }
        List<Keyed<RunOutput>> records = new ArrayList<>();
        records.add(new Keyed<>(plan.runId(), new RunOutput.ReportReady(composed)));
        fresh.values().forEach(a -> records.add(new Keyed<>(a.key(), new RunOutput.AlertRaised(a, now))));
        return new Settlement<>(records, fresh.keySet(), composed.report().exitCode());
    }

    @Override
    public void reported(String runId, ReportStatus status, int exitCode) {
        events.reportEmitted(runId, status, exitCode);
    }

    /** The "report a run" use case: builds the report, renders Markdown and JSON, derives the alerts. */
    public static ComposedReport compose(PlannedRun plan, Map<String, Outcome> outcomes, ReportStatus status,
            Instant now, Function<MaintenanceReport, String> json) {
        MaintenanceReport report = ReportBuilder.build(plan, outcomes, status, now);
        return new ComposedReport(report, MarkdownRenderer.render(report), json.apply(report),
                AlertRules.alerts(plan, outcomes, status));
    }
}
