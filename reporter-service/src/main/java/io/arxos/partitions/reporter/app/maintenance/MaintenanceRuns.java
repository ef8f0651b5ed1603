package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.ReportPage;
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
import io.arxos.partitions.reporter.domain.run.PagedText;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Maintenance runs: a run plan lists its command ids and its deadline; each command's final outcome is an item; the
 * report (Markdown, JSON) goes out with the alerts it raises, each alert once per run. A report larger than
 * {@code pageBytes} goes out as pages ahead of its record, which then carries the summary.
 *
 * @param json writes a report as JSON (the json adapter's format)
 * @param pageBytes the most UTF-8 bytes of text in one record
 */
public record MaintenanceRuns(ReportEvents events, BiConsumer<MaintenanceReport, Writer> json,
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
    public Settlement<RunOutput> settle(PlannedRun plan, List<Outcome> items, RunProgress progress,
            ReportStatus status, Instant now, Consumer<Keyed<RunOutput>> ahead) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        items.forEach(o -> outcomes.put(o.commandId(), o));
        ComposedReport composed = compose(plan, outcomes, status, now, json, pageBytes,
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
        json.accept(report, text);
        ComposedReport composed = new ComposedReport(reportId(plan.runId(), report), report,
                MarkdownRenderer.render(report), text.toString(), 0, 0, List.of());
        return Settlement.report(plan.runId(), new RunOutput.ReportReady(composed), report.exitCode());
    }

    @Override
    public void reported(String runId, ReportStatus status, int exitCode) {
        events.reportEmitted(runId, status, exitCode);
    }

    /**
     * The "report a run" use case: builds the report, renders Markdown and JSON (as pages to {@code pages} when
     * either is larger than {@code pageBytes}), derives the alerts.
     */
    public static ComposedReport compose(PlannedRun plan, Map<String, Outcome> outcomes, ReportStatus status,
            Instant now, BiConsumer<MaintenanceReport, Writer> json, int pageBytes, Consumer<ReportPage> pages) {
        MaintenanceReport report = ReportBuilder.build(plan, outcomes, status, now);
        UUID reportId = reportId(plan.runId(), report);
        PagedText markdown = render(reportId, report, ReportPage.Format.MARKDOWN, pageBytes, pages,
                MarkdownRenderer::render);
        PagedText whole = render(reportId, report, ReportPage.Format.JSON, pageBytes, pages, json);
        MaintenanceReport head = report.head();
        String headMarkdown = markdown.inline().orElseGet(() -> MarkdownRenderer.render(head) + "\n_The whole "
                + "report (" + report.databases().size() + " databases) is " + markdown.pages()
                + " pages long; `partctl maintain` and the reporter's /reports/" + report.runId()
                + ".md assemble it._\n");
        String headJson = whole.inline().orElseGet(() -> {
            StringWriter text = new StringWriter();
            json.accept(head, text);
            return text.toString();
        });
        return new ComposedReport(reportId, report, headMarkdown, headJson, markdown.pages(), whole.pages(),
                AlertRules.alerts(plan, outcomes, status));
    }

    /** Names one report of a run: the same run reported again (later, or with another status) gets another id. */
    private static UUID reportId(String runId, MaintenanceReport report) {
        return UUID.nameUUIDFromBytes((runId + "|" + report.status() + "|" + report.generatedAt().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static PagedText render(UUID reportId, MaintenanceReport report, ReportPage.Format format,
            int pageBytes, Consumer<ReportPage> pages, BiConsumer<MaintenanceReport, Writer> renderer) {
        PagedText text = new PagedText(pageBytes,
                (index, page) -> pages.accept(new ReportPage(report.runId(), reportId, report.generatedAt(),
                        format, index, page)));
        renderer.accept(report, text);
        text.close();
        return text;
    }
}
