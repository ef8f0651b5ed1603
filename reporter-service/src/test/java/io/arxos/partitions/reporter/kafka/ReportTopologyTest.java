package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.PLANNED_AT;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.arxos.partitions.events.AlertKind;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.reporter.domain.maintenance.CommandStatus;
import io.arxos.partitions.reporter.domain.maintenance.Fixtures;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportTopologyTest {

    private TopologyHarness harness;
    private TestInputTopic<byte[], byte[]> rawOutcomes;
    private TestOutputTopic<String, RunReport> reports;
    private TestOutputTopic<String, PartitionAlert> alerts;
    private List<ProducerRecord<byte[], byte[]>> deadLetters;
    private List<String> emitted;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(PLANNED_AT);
        rawOutcomes = harness.rawOutcomes;
        reports = harness.reports;
        alerts = harness.alerts;
        deadLetters = harness.deadLetters;
        emitted = harness.emitted;
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void reportsARunOnceEveryPlannedCommandHasAnOutcome() {
        sendPlan(SampleRuns.maintenance());
        List<Outcome> all = List.copyOf(SampleRuns.maintenanceOutcomes().values());
        all.subList(0, all.size() - 1).forEach(this::sendOutcome);
        assertThat(reports.isEmpty()).isTrue();

        sendOutcome(all.get(all.size() - 1));

        KeyValue<String, RunReport> report = reports.readKeyValue();
        assertThat(report.key).isEqualTo(SampleRuns.RUN);
        assertThat(report.value.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.value.getTotalOperations()).isEqualTo(6);
        assertThat(report.value.getSucceeded()).isEqualTo(4);
        assertThat(report.value.getFailed()).isEqualTo(1);
        assertThat(report.value.getRejected()).isEqualTo(1);
        assertThat(report.value.getExitCode()).isEqualTo(1);
        assertThat(report.value.getMarkdown()).startsWith("# Partition Maintenance Report\n")
                .contains("- ❌ create_partition: events_p2025_02 — 23514 updated partition constraint");
        assertThat(report.value.getJson()).contains("\"runId\" : \"run-2025-01-01\"");
        assertThat(reports.isEmpty()).isTrue();
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getKind()).containsExactly(
                tuple("orders/public.audit_logs", AlertKind.DEFAULT_ROWS_EXPIRED),
                tuple("orders/public.audit_logs", AlertKind.RUNWAY_SHORT),
                tuple("orders/public.events", AlertKind.COMMAND_FAILED),
                tuple("orders/public.events", AlertKind.COMMAND_FAILED),
                tuple("orders/public.events", AlertKind.DEFAULT_ROWS_FUTURE),
                tuple(SampleRuns.RUN, AlertKind.DATABASE_UNREACHABLE));
        assertThat(emitted).containsExactly(SampleRuns.RUN + ":COMPLETE");
    }

    @Test
    void keepsOutcomesThatArriveBeforeTheirPlan() {
        SampleRuns.maintenanceOutcomes().values().forEach(this::sendOutcome);
        assertThat(reports.isEmpty()).isTrue();

        sendPlan(SampleRuns.maintenance());

        assertThat(reports.readValue().getStatus()).isEqualTo(ReportStatus.COMPLETE);
    }

    @Test
    void keepsTheFirstOutcomeOfACommandWhenTheExecutorRepeatsIt() {
        sendPlan(SampleRuns.dryRun());
        List<Outcome> all = List.copyOf(SampleRuns.dryRunOutcomes().values());
        sendOutcome(all.get(0));
        sendOutcome(outcome(SampleRuns.DRY_RUN, SampleRuns.DRY_CREATE, AUDIT_LOGS).eventId("retry")
                .status(CommandStatus.FAILED).error("08006", "connection lost").build());
        sendOutcome(all.get(1));
        sendOutcome(all.get(1));

        List<RunReport> emittedReports = reports.readValuesToList();
        assertThat(emittedReports).hasSize(1);
        assertThat(emittedReports.get(0).getFailed()).isZero();
        assertThat(emittedReports.get(0).getExitCode()).isZero();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void marksTheRunIncompleteAtItsDeadlineAndCompletesItWhenTheRestArrives() {
        sendPlan(SampleRuns.maintenance());
        List<Outcome> all = List.copyOf(SampleRuns.maintenanceOutcomes().values());
        sendOutcome(all.get(0));

        harness.driver.advanceWallClockTime(Duration.ofMinutes(9));
        assertThat(reports.isEmpty()).isTrue();
        harness.driver.advanceWallClockTime(Duration.ofMinutes(2));

        RunReport incomplete = reports.readValue();
        assertThat(incomplete.getStatus()).isEqualTo(ReportStatus.INCOMPLETE);
        assertThat(incomplete.getExitCode()).isEqualTo(1);
        assertThat(incomplete.getMarkdown()).contains("- ⏳ validate_table: public.audit_logs — no outcome before "
                + "the deadline");
        assertThat(alerts.readValuesToList()).extracting(PartitionAlert::getKind).containsExactly(
                AlertKind.DEFAULT_ROWS_FUTURE, AlertKind.DATABASE_UNREACHABLE, AlertKind.RUN_INCOMPLETE);

        all.subList(1, all.size()).forEach(this::sendOutcome);

        RunReport complete = reports.readValue();
        assertThat(complete.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(complete.getMarkdown()).doesNotContain("⏳");
        // only what is new: the findings and failures that came with the late outcomes
        assertThat(alerts.readValuesToList()).extracting(PartitionAlert::getKind).containsExactly(
                AlertKind.DEFAULT_ROWS_EXPIRED, AlertKind.RUNWAY_SHORT, AlertKind.COMMAND_FAILED,
                AlertKind.COMMAND_FAILED);
        harness.driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(reports.isEmpty()).isTrue();
        assertThat(emitted).containsExactly(SampleRuns.RUN + ":INCOMPLETE", SampleRuns.RUN + ":COMPLETE");
    }

    @Test
    void publishesThePartitionSizesOfValidateOutcomesWithTheirBounds() {
        sendPlan(SampleRuns.maintenance());
        SampleRuns.maintenanceOutcomes().values().forEach(harness::sendOutcome);

        assertThat(reports.readValue().getMarkdown())
                .contains("| public.audit_logs | audit_logs_p2024_12 | 2024-12-01 | 2025-01-01 | 1000000 | 150.00 |");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void reportsAPlanWithoutCommandsAtOnce() {
        sendPlan(Fixtures.refusedPlan("refused-1", "month '2025-13' is not yyyy-MM"));

        RunReport report = reports.readValue();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTotalOperations()).isZero();
        assertThat(report.getExitCode()).isEqualTo(1);
        assertThat(report.getMarkdown()).contains("- **Error**: month '2025-13' is not yyyy-MM");
    }

    @Test
    void sendsUndecodableRecordsToTheDeadLetterTopicAndCarriesOn() {
        rawOutcomes.pipeInput("orders/public.audit_logs".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0, 42, 1, 2});

        assertThat(deadLetters).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = deadLetters.get(0);
        assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(dead.value()).containsExactly(0, 0, 0, 0, 42, 1, 2);
        assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_TOPIC)).isEqualTo(Topics.OUTCOMES.name());
        assertThat(header(dead, Topics.HEADER_DLQ_CONSUMER)).isEqualTo(TopologyHarness.APPLICATION_ID);
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("schema id 42");

        sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(this::sendOutcome);
        assertThat(reports.readValue().getStatus()).isEqualTo(ReportStatus.COMPLETE);
    }

    private void sendPlan(PlannedRun plan) {
        harness.sendPlan(plan);
    }

    private void sendOutcome(Outcome outcome) {
        harness.sendOutcome(outcome);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
