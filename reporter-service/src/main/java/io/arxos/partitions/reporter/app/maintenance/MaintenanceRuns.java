package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.ReportPage;
import io.arxos.partitions.reporter.app.run.RunItems;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.app.run.Settlement;
import io.arxos.partitions.reporter.app.run.Settlement.Keyed;
import io.arxos.partitions.reporter.domain.maintenance.Alert;
import io.arxos.partitions.reporter.domain.maintenance.AlertRules;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.DatabaseSection;
import io.arxos.partitions.reporter.domain.maintenance.MarkdownRenderer;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.ReportBuilder;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.PagedText;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maintenance runs: a run plan lists its command ids and its deadline; each command's final outcome is an item; the
 * report (Markdown, JSON) goes out with the alerts it raises, each alert once per run. The report is built and
 * rendered one database section at a time, its outcomes read as they are needed, so a run of any size needs one
 * section in memory; a report larger than {@code pageBytes} goes out as pages ahead of its record, which then
 * carries the summary.
 *
 * @param json writes a report as JSON a section at a time (the json adapter's format)
 * @param pageBytes the most UTF-8 bytes of text in one record
 */
public record MaintenanceRuns(ReportEvents events, StreamedJson json,
        int pageBytes) implements RunKind<PlannedRun, Outcome, RunOutput> {

    @Override
    public String noun() {
        return "run";
    }

    @Override
    public Announcement announce(PlannedRun plan, Instant now) {
        return Announcement.of(plan.commandIds().toList(), plan.deadline());
    }

    @Override
    public Settlement<RunOutput> settle(PlannedRun plan, RunItems<Outcome> items, RunProgress progress,
            ReportStatus status, Instant now, Consumer<Keyed<RunOutput>> ahead) {
        ComposedReport composed = compose(plan, items::get, status, now, json, pageBytes,
                page -> ahead.accept(new Keyed<>(plan.runId(), new RunOutput.PageReady(page))));
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
    public Settlement<RunOutput> unreportable(PlannedRun plan, RunProgress progress, String reason, Instant now) {
        MaintenanceReport report = ReportBuilder.unreportable(plan, progress.expectedItems(), reason, now);
        StringWriter text = new StringWriter();
        json.open(report, text).close();
        ComposedReport composed = new ComposedReport(reportId(plan.runId(), report), report,
                MarkdownRenderer.render(report), text.toString(), 0, 0, List.of());
        return Settlement.report(plan.runId(), new RunOutput.ReportReady(composed), report.exitCode());
    }

    @Override
    public void reported(String runId, ReportStatus status, int exitCode) {
        events.reportEmitted(runId, status, exitCode);
    }

    /**
     * The "report a run" use case: adds up the summary in one pass over the outcomes, then renders Markdown and JSON
     * section by section in a second (as pages to {@code pages} when either is larger than {@code pageBytes}),
     * deriving each database's alerts from the same outcomes. The composed report holds the report's head, not its
     * sections.
     *
     * @param outcomes the final outcome of a command id, or null when none came
     */
    public static ComposedReport compose(PlannedRun plan, Function<String, Outcome> outcomes, ReportStatus status,
            Instant now, StreamedJson json, int pageBytes, Consumer<ReportPage> pages) {
        MaintenanceReport head = ReportBuilder.head(plan, outcomes, status, now);
        AlertRules.Collector alerts = new AlertRules.Collector(plan, status);
        UUID reportId = reportId(plan.runId(), head);
        PagedText markdown = pagedText(reportId, head, ReportPage.Format.MARKDOWN, pageBytes, pages);
        PagedText whole = pagedText(reportId, head, ReportPage.Format.JSON, pageBytes, pages);
        MarkdownRenderer.header(head, markdown);
        try (StreamedJson.Sections sections = json.open(head, whole)) {
            for (PlannedDatabase database : plan.databases()) {
                // one read per outcome for the section and its alerts; one database's outcomes at a time
                Map<String, Outcome> read = outcomesOf(database, outcomes);
                DatabaseSection section = ReportBuilder.section(database, read::get);
                MarkdownRenderer.section(section, head.dryRun(), markdown);
                sections.add(section);
                alerts.add(database, read::get);
            }
        }
        markdown.close();
        whole.close();
        String headMarkdown = markdown.inline().orElseGet(() -> MarkdownRenderer.render(head) + "\n_The whole "
                + "report (" + plan.databases().size() + " databases) is " + markdown.pages()
                + " pages long; `partctl maintain` and the reporter's /reports/" + head.runId()
                + ".md assemble it._\n");
        String headJson = whole.inline().orElseGet(() -> {
            StringWriter text = new StringWriter();
            json.open(head, text).close();
            return text.toString();
        });
        return new ComposedReport(reportId, head, headMarkdown, headJson, markdown.pages(), whole.pages(),
                alerts.alerts());
    }

    private static Map<String, Outcome> outcomesOf(PlannedDatabase database, Function<String, Outcome> outcomes) {
        Map<String, Outcome> read = new HashMap<>();
        database.tables().forEach(table -> table.commands().forEach(command -> {
            Outcome outcome = outcomes.apply(command.commandId());
            if (outcome != null) {
                read.put(command.commandId(), outcome);
            }
        }));
        return read;
    }

    private static UUID reportId(String runId, MaintenanceReport report) {
        return ReportPage.reportId(runId, report.status(), report.generatedAt());
    }

    private static PagedText pagedText(UUID reportId, MaintenanceReport head, ReportPage.Format format,
            int pageBytes, Consumer<ReportPage> pages) {
        return new PagedText(pageBytes, (index, page) -> pages.accept(new ReportPage(head.runId(), reportId,
                head.generatedAt(), format, index, page)));
    }
}
