package io.arxos.partitions.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.events.RunTrigger;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCollectorTest {

    private static final RunExchange<?, ?, RunReport> RUNS = new RunExchange<>(Topics.MAINTENANCE_REQUESTS,
            Topics.RUN_PLANS, Topics.REPORTS, r -> "", p -> "", RunReport::getMarkdown, RunReport::getJson,
            RunReport::getExitCode).paged(new RunExchange.Paging<>(Topics.REPORT_PAGES, RunReport::getMarkdownPages,
                    RunReport::getJsonPages), p -> Duration.ZERO);
    private static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void putsTheRenderingAskedForBackTogetherFromItsReportsOwnPagesOnly() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        PageCollector pages = new PageCollector("run-1", ReportPageFormat.JSON);
        pages.take(page("run-1", first, ReportPageFormat.JSON, 0, "{\"a\":"));
        pages.take(page("run-1", second, ReportPageFormat.JSON, 0, "{\"other\":"));
        pages.take(page("run-2", first, ReportPageFormat.JSON, 1, "\"someone else's\"}"));
        RunReport report = report(first, 1, 2);
        assertThat(pages.complete(RUNS, report)).isFalse();

        pages.take(page("run-1", first, ReportPageFormat.JSON, 0, "a redelivered first page"));
        pages.take(page("run-1", first, ReportPageFormat.JSON, 1, "1}"));
        pages.take(page("run-1", first, ReportPageFormat.MARKDOWN, 0, "# Report\n"));

        assertThat(pages.complete(RUNS, report)).isTrue();
        // the Markdown page was counted, not kept: JSON was asked for
        assertThat(pages.text(report)).contains("{\"a\":1}");
    }

    @Test
    void aReportThatFitsItsRecordIsCompleteWithoutPages() {
        PageCollector pages = new PageCollector("run-1", ReportPageFormat.MARKDOWN);
        RunReport report = report(UUID.randomUUID(), 0, 0);
        assertThat(pages.complete(RUNS, report)).isTrue();
        assertThat(pages.text(report)).isEmpty();
    }

    private static RunReportPage page(String runId, UUID report, ReportPageFormat format, int index, String text) {
        return RunReportPage.newBuilder().setEnvelope(CoreTypes.envelope(runId, "test", AT)).setReportEventId(report)
                .setFormat(format).setIndex(index).setText(text).build();
    }

    private static RunReport report(UUID id, int markdownPages, int jsonPages) {
        return RunReport.newBuilder().setEnvelope(CoreTypes.envelope(id, "run-1", "test", AT))
                .setStatus(ReportStatus.COMPLETE).setTrigger(RunTrigger.REQUEST).setTotalOperations(1)
                .setSucceeded(1).setFailed(0).setRejected(0).setPartitionsCreated(0).setPartitionsDropped(0)
                .setPartitionsDetached(0).setFindings(0).setExitCode(0).setMarkdown("head").setJson("{}")
                .setMarkdownPages(markdownPages).setJsonPages(jsonPages).build();
    }
}
