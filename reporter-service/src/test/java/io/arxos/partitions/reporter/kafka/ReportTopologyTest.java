package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.domain.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.Fixtures.PLANNED_AT;
import static io.arxos.partitions.reporter.domain.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.arxos.partitions.events.AlertKind;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.reporter.app.ReportEvents;
import io.arxos.partitions.reporter.domain.CommandStatus;
import io.arxos.partitions.reporter.domain.Fixtures;
import io.arxos.partitions.reporter.domain.Outcome;
import io.arxos.partitions.reporter.domain.PartitionSize;
import io.arxos.partitions.reporter.domain.PlannedRun;
import io.arxos.partitions.reporter.domain.SampleRuns;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.InMemorySchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class ReportTopologyTest {

    private final String scope = "reporter-topology-" + UUID.randomUUID();
    private final Map<String, Object> registry = Map.of("schema.registry.url", "mock://" + scope);
    private final List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    private final List<String> emitted = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RunPlan> plans;
    private TestInputTopic<String, CommandOutcome> outcomes;
    private TestInputTopic<byte[], byte[]> rawOutcomes;
    private TestOutputTopic<String, RunReport> reports;
    private TestOutputTopic<String, PartitionAlert> alerts;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "partitions-reporter-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(DeadLetterHandler.SINK_CONFIG, (DeadLetterSink) deadLetters::add);
        ReportEvents events = (runId, status, exitCode) -> emitted.add(runId + ":" + status);
        driver = new TopologyTestDriver(ReportTopology.build(new ReportTopology.Settings(registry,
                Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofDays(1)), events), props, PLANNED_AT);
        plans = driver.createInputTopic(Topics.RUN_PLANS.name(), new StringSerializer(),
                Topics.RUN_PLANS.valueSerde(registry).serializer());
        outcomes = driver.createInputTopic(Topics.OUTCOMES.name(), new StringSerializer(),
                Topics.OUTCOMES.valueSerde(registry).serializer());
        rawOutcomes = driver.createInputTopic(Topics.OUTCOMES.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        reports = driver.createOutputTopic(Topics.REPORTS.name(), new StringDeserializer(),
                Topics.REPORTS.valueSerde(registry).deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                Topics.ALERTS.valueSerde(registry).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        InMemorySchemaRegistryClient.dropScope(scope);
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

        driver.advanceWallClockTime(Duration.ofMinutes(9));
        assertThat(reports.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(2));

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
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(reports.isEmpty()).isTrue();
        assertThat(emitted).containsExactly(SampleRuns.RUN + ":INCOMPLETE", SampleRuns.RUN + ":COMPLETE");
    }

    @Test
    @Disabled("registry-serde: ConfluentAvroSerializer/Deserializer use new SpecificData(loader) without the "
            + "logical-type conversions, so PartitionBounds with from/to set cannot be written or read; enable once "
            + "fixed")
    void publishesThePartitionSizesOfValidateOutcomes() {
        sendPlan(SampleRuns.maintenance());
        SampleRuns.maintenanceOutcomes().values()
                .forEach(o -> outcomes.pipeInput(AvroEvents.tableKey(o), AvroEvents.outcome(o)));

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
        assertThat(header(dead, Topics.HEADER_DLQ_CONSUMER)).isEqualTo("partitions-reporter-test");
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("schema id 42");

        sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(this::sendOutcome);
        assertThat(reports.readValue().getStatus()).isEqualTo(ReportStatus.COMPLETE);
    }

    @Test
    void keepsOnlyATombstoneOfACompleteRunAndForgetsItAfterRetention() {
        sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(this::sendOutcome);
        KeyValueStore<String, RunStateValue> store = driver.getKeyValueStore(ReportTopology.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofDays(7).plusMinutes(1));

        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void dropsOutcomesWhosePlanNeverArrivesAfterTheOrphanTtl() {
        SampleRuns.dryRunOutcomes().values().forEach(this::sendOutcome);
        KeyValueStore<String, RunStateValue> store = driver.getKeyValueStore(ReportTopology.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(3);

        driver.advanceWallClockTime(Duration.ofDays(1).plusMinutes(1));

        assertThat(store.approximateNumEntries()).isZero();
        assertThat(reports.isEmpty()).isTrue();
    }

    private void sendPlan(PlannedRun plan) {
        plans.pipeInput(plan.runId(), AvroEvents.plan(plan));
    }

    private void sendOutcome(Outcome outcome) {
        outcomes.pipeInput(AvroEvents.tableKey(outcome), AvroEvents.outcome(withoutMonthBounds(outcome)));
    }

    /**
     * The shared serde cannot yet write a PartitionBounds whose from/to are set (nullable local-timestamp-micros:
     * its SpecificData lacks the generated classes' logical-type conversions), so these tests send only the
     * default partition's size; {@link #publishesThePartitionSizesOfValidateOutcomes} covers the rest.
     */
    private static Outcome withoutMonthBounds(Outcome o) {
        return new Outcome(o.eventId(), o.runId(), o.occurredAt(), o.commandId(), o.table(), o.operation(),
                o.partition(), o.status(), o.dryRun(), o.sql(), o.durationMillis(), o.attempts(), o.rowsMoved(),
                o.detail(), o.errorClass(), o.sqlState(), o.errorMessage(), o.findings(),
                o.partitions().stream().filter(PartitionSize::defaultPartition).toList());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
