package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.PLANNED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.reporter.app.maintenance.StreamedJson;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import io.arxos.partitions.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs too large for one record: 1,000 tables (4,000 outcomes, each create with its SQL, each validation with its
 * partition listing) are reported in pages that put the whole report back together, and a report that cannot be
 * built at all becomes a small INCOMPLETE report saying why instead of failing the stream on every replay.
 */
class LargeRunReportTopologyTest {

    private static final String RUN = "run-fleet-1000";
    private static final int DATABASES = 250;
    private static final int TABLES = 4;

    @Test
    void aThousandTableRunIsReportedInPagesThatPutTheWholeReportBackTogether() {
        List<Outcome> outcomes = new ArrayList<>();
        PlannedRun plan = SampleRuns.fleet(RUN, DATABASES, TABLES, outcomes);
        try (TopologyHarness harness = new TopologyHarness(PLANNED_AT)) {
            harness.sendPlan(plan);
            outcomes.forEach(harness::sendOutcome);

            List<RunReport> reports = harness.reports.readValuesToList();
            assertThat(reports).hasSize(1);
            RunReport report = reports.get(0);
            List<RunReportPage> pages = harness.pages.readValuesToList();
            assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
            assertThat(report.getTotalOperations()).isEqualTo(DATABASES * TABLES * 4);
            assertThat(report.getJsonPages()).isGreaterThan(1);
            assertThat(report.getMarkdownPages()).isGreaterThan(1);
            assertThat(pages).allSatisfy(page -> {
                assertThat(page.getReportEventId()).isEqualTo(report.getEnvelope().getEventId());
                assertThat(page.getText().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(Topics.REPORT_PAGE_BYTES);
            });
            // the record itself carries the summary only
            assertThat(report.getJson().length() + report.getMarkdown().length()).isLessThan(8 * 1024);
            assertThat(report.getMarkdown()).contains("**Total Operations**: 4000").contains("pages long");

            String json = join(pages, ReportPageFormat.JSON, report.getJsonPages());
            String markdown = join(pages, ReportPageFormat.MARKDOWN, report.getMarkdownPages());
            MaintenanceReport whole = JsonReportFormat.parse(json);
            assertThat(whole.databases()).hasSize(DATABASES);
            assertThat(whole.databases().stream().mapToInt(d -> d.operations().size()).sum())
                    .isEqualTo(DATABASES * TABLES * 4);
            assertThat(whole.summary().partitionsCreated()).isEqualTo(DATABASES * TABLES * 3);
            assertThat(markdown).contains("db249").contains("events_3_p2025_04").endsWith("\n");
            System.out.printf("1,000-table report: JSON %,d bytes in %d pages, Markdown %,d bytes in %d pages, "
                    + "record %,d bytes of text%n", json.getBytes(StandardCharsets.UTF_8).length,
                    report.getJsonPages(), markdown.getBytes(StandardCharsets.UTF_8).length,
                    report.getMarkdownPages(), report.getJson().length() + report.getMarkdown().length());
        }
    }

    @Test
    void aRunWhoseReportCannotBeBuiltGetsAnIncompleteReportSayingWhyAndOnlyOne() {
        List<Outcome> outcomes = new ArrayList<>();
        PlannedRun plan = SampleRuns.fleet(RUN, DATABASES, TABLES, outcomes);
        StreamedJson outOfMemory = (head, out) -> new StreamedJson.Sections() {
            @Override
            public void add(MaintenanceReport.DatabaseSection section) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public void close() {
                JsonReportFormat.open(head, out).close();
            }
        };
        try (TopologyHarness harness = new TopologyHarness(PLANNED_AT, Topics.REPORT_PAGE_BYTES, outOfMemory)) {
            harness.sendPlan(plan);
            outcomes.forEach(harness::sendOutcome);
            // a redelivered outcome after the report: the run is settled, nothing is built again
            harness.sendOutcome(outcomes.get(0));

            List<RunReport> reports = harness.reports.readValuesToList();
            assertThat(reports).hasSize(1);
            RunReport report = reports.get(0);
            assertThat(report.getStatus()).isEqualTo(ReportStatus.INCOMPLETE);
            assertThat(report.getExitCode()).isEqualTo(1);
            assertThat(report.getTotalOperations()).isEqualTo(DATABASES * TABLES * 4);
            assertThat(report.getMarkdown()).contains("could not be built (OutOfMemoryError: Java heap space)");
            assertThat(JsonReportFormat.parse(report.getJson()).error()).contains("OutOfMemoryError");
            assertThat(harness.emitted).containsExactly(RUN + ":INCOMPLETE");
        }
    }

    @Test
    void aPlanTooLargeForOneStateRecordGetsAnIncompleteReportAtOnceAndItsOutcomesAreIgnored() {
        try (TopologyHarness harness = new TopologyHarness(PLANNED_AT, Topics.REPORT_PAGE_BYTES,
                JsonReportFormat::open, 512)) {
            harness.sendPlan(SampleRuns.maintenance());

            RunReport report = harness.reports.readValue();
            assertThat(report.getStatus()).isEqualTo(ReportStatus.INCOMPLETE);
            assertThat(report.getExitCode()).isEqualTo(1);
            assertThat(report.getMarkdown()).containsPattern("its plan takes \\d+ bytes in the reporter's state, more "
                    + "than one state record holds \\(512\\)");
            SampleRuns.maintenanceOutcomes().values().forEach(harness::sendOutcome);
            assertThat(harness.reports.isEmpty()).isTrue();
            assertThat(harness.emitted).containsExactly(SampleRuns.RUN + ":INCOMPLETE");
        }
    }

    private static String join(List<RunReportPage> pages, ReportPageFormat format, int count) {
        List<RunReportPage> ofFormat = pages.stream().filter(p -> p.getFormat() == format).toList();
        assertThat(ofFormat).extracting(RunReportPage::getIndex)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).boxed().toList());
        StringBuilder text = new StringBuilder();
        ofFormat.forEach(p -> text.append(p.getText()));
        return text.toString();
    }
}
