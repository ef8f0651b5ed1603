package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.domain.analysis.SampleAnalyses.ANALYSIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.json.AnalysisJsonFormat;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import io.arxos.partitions.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalysisTopologyTest {

    private final TopologyHarness harness = new TopologyHarness(SampleAnalyses.REQUESTED_AT);
    private final TestOutputTopic<String, AnalysisReport> reports = harness.analysisReports;

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void reportsAnAnalysisOnceItsRunSummaryAndEveryAnnouncedTableArrived() {
        harness.sendAnalysisRun(SampleAnalyses.run());
        List<AnalysedTable> tables = SampleAnalyses.tables();
        sendTables(tables.subList(0, 2));
        assertThat(reports.isEmpty()).isTrue();

        sendTables(tables.subList(2, 3));

        KeyValue<String, AnalysisReport> report = reports.readKeyValue();
        assertThat(report.key).isEqualTo(ANALYSIS);
        assertThat(report.value.getEnvelope().getRunId()).isEqualTo(ANALYSIS);
        assertThat(report.value.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(List.of(report.value.getTables(), report.value.getHigh(), report.value.getMedium(),
                report.value.getLow(), report.value.getBlocked())).containsExactly(3, 1, 0, 0, 1);
        // billing could not be analysed
        assertThat(report.value.getExitCode()).isEqualTo(1);
        assertThat(report.value.getMarkdown()).startsWith("# Partitioning analysis\n")
                .contains("- **HIGH**: 1 — orders/public.events\n");
        assertThat(report.value.getJson()).contains("\"analysisId\" : \"" + ANALYSIS + "\"");
        assertThat(reports.isEmpty()).isTrue();
        assertThat(harness.emitted).containsExactly("analysis " + ANALYSIS + ":COMPLETE");
        assertThat(harness.reports.isEmpty()).isTrue();
    }

    @Test
    void sendsAnAnalysisLargerThanAPageInPagesThatPutItBackTogether() {
        try (TopologyHarness paged = new TopologyHarness(SampleAnalyses.REQUESTED_AT, 2048, JsonReportFormat::open)) {
            paged.sendAnalysisRun(SampleAnalyses.run());
            SampleAnalyses.tables().forEach(t -> paged.sendTableAnalysis(ANALYSIS, t));

            AnalysisReport report = paged.analysisReports.readValue();
            List<RunReportPage> pages = paged.pages.readValuesToList();
            assertThat(report.getMarkdownPages()).isGreaterThan(1);
            assertThat(report.getJsonPages()).isGreaterThan(1);
            assertThat(pages).hasSize(report.getMarkdownPages() + report.getJsonPages())
                    .allSatisfy(p -> assertThat(p.getReportEventId()).isEqualTo(report.getEnvelope().getEventId()));
            String json = String.join("", pages.stream().filter(p -> p.getFormat() == ReportPageFormat.JSON)
                    .map(RunReportPage::getText).toList());
            String markdown = String.join("", pages.stream().filter(p -> p.getFormat() == ReportPageFormat.MARKDOWN)
                    .map(RunReportPage::getText).toList());
            // the record carries the head: the summary without the tables
            assertThat(report.getMarkdown()).contains("- **HIGH**: 1 — orders/public.events\n")
                    .contains("pages long").hasSizeLessThan(markdown.length());
            assertThat(markdown).startsWith("# Partitioning analysis\n").doesNotContain("pages long");
            assertThat(AnalysisJsonFormat.parse(json).tables()).hasSize(3);
            assertThat(AnalysisJsonFormat.parse(report.getJson()).tables()).isEmpty();
        }
    }

    @Test
    void keepsTableAnalysesThatArriveBeforeTheirRunSummary() {
        sendTables(SampleAnalyses.tables());
        assertThat(reports.isEmpty()).isTrue();

        harness.sendAnalysisRun(SampleAnalyses.run());

        AnalysisReport report = reports.readValue();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTables()).isEqualTo(3);
    }

    @Test
    void countsATableAnalysisReceivedTwiceOnce() {
        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(List.of(SampleAnalyses.events(), SampleAnalyses.events(), SampleAnalyses.orders()));
        assertThat(reports.isEmpty()).isTrue();

        sendTables(List.of(SampleAnalyses.countries(), SampleAnalyses.orders()));

        List<AnalysisReport> emitted = reports.readValuesToList();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).getTables()).isEqualTo(3);
        assertThat(emitted.get(0).getHigh()).isEqualTo(1);
    }

    @Test
    void reportsWhatArrivedAsIncompleteAfterTheAssemblyTimeoutAndCompletesWhenTheRestArrives() {
        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(List.of(SampleAnalyses.events(), SampleAnalyses.orders()));

        harness.driver.advanceWallClockTime(TopologyHarness.ASSEMBLY_TIMEOUT.minusSeconds(10));
        assertThat(reports.isEmpty()).isTrue();
        harness.driver.advanceWallClockTime(Duration.ofSeconds(15));

        AnalysisReport incomplete = reports.readValue();
        assertThat(incomplete.getStatus()).isEqualTo(ReportStatus.INCOMPLETE);
        assertThat(incomplete.getTables()).isEqualTo(2);
        assertThat(incomplete.getExitCode()).isEqualTo(1);
        assertThat(incomplete.getMarkdown()).contains("- **Status**: INCOMPLETE — 2 of 3 table analyses arrived, 1 "
                + "missing when the assembly timeout passed\n");

        sendTables(List.of(SampleAnalyses.countries()));

        AnalysisReport complete = reports.readValue();
        assertThat(complete.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(complete.getTables()).isEqualTo(3);
        harness.driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(reports.isEmpty()).isTrue();
        assertThat(harness.emitted).containsExactly("analysis " + ANALYSIS + ":INCOMPLETE",
                "analysis " + ANALYSIS + ":COMPLETE");
    }

    @Test
    void reportsARefusedRequestAtOnce() {
        harness.sendAnalysisRun(SampleAnalyses.refused("refused-1", "unknown database 'ordrs'"));

        AnalysisReport report = reports.readValue();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTables()).isZero();
        assertThat(report.getExitCode()).isEqualTo(1);
        assertThat(report.getMarkdown()).contains("- **Error**: request refused: unknown database 'ordrs'\n");
    }

    @Test
    void ignoresTheRunSummaryAndTablesOfAnAnalysisAlreadyReported() {
        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(SampleAnalyses.tables());
        reports.readValue();

        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(SampleAnalyses.tables());

        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void keepsOnlyTheProgressOfAReportedAnalysisAndForgetsItAfterRetention() {
        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(SampleAnalyses.tables());
        assertThat(harness.analysisStore().approximateNumEntries()).isEqualTo(1);

        harness.driver.advanceWallClockTime(Duration.ofDays(7).plusMinutes(1));

        assertThat(harness.analysisStore().approximateNumEntries()).isZero();
    }

    @Test
    void dropsTableAnalysesWhoseRunSummaryNeverArrivesAfterTheOrphanTtl() {
        sendTables(SampleAnalyses.tables());
        assertThat(harness.analysisStore().approximateNumEntries()).isEqualTo(4);

        harness.driver.advanceWallClockTime(Duration.ofDays(1).plusMinutes(1));

        assertThat(harness.analysisStore().approximateNumEntries()).isZero();
        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void sendsAnUndecodableTableAnalysisToTheDeadLetterTopicAndCarriesOn() {
        harness.rawTableAnalyses.pipeInput("orders/public.events".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0, 42, 1, 2});

        assertThat(harness.deadLetters).hasSize(1);
        assertThat(new String(harness.deadLetters.get(0).headers().lastHeader(Topics.HEADER_DLQ_SOURCE_TOPIC).value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.TABLE_ANALYSES.name());

        harness.sendAnalysisRun(SampleAnalyses.run());
        sendTables(SampleAnalyses.tables());
        assertThat(reports.readValue().getStatus()).isEqualTo(ReportStatus.COMPLETE);
    }

    private void sendTables(List<AnalysedTable> tables) {
        tables.forEach(t -> harness.sendTableAnalysis(ANALYSIS, t));
    }
}
