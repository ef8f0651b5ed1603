package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.reporter.app.ReportEvents;
import io.arxos.partitions.reporter.domain.Outcome;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The reporter's topology, built in one place so the service and its tests run the same one:
 * <pre>
 * run-plans ──────────────────────────────────────────┐
 * outcomes ── re-key by run id ── outcomes-by-run ────┴─ merge ── run-reports (store) ─┬─ reports
 *                                    (3 partitions, JSON)                              └─ alerts
 * </pre>
 */
public final class ReportTopology {

    /** The state store: per run its progress, its plan and one slot per command (see {@link StateKeys}). */
    public static final String STORE = "reporter-runs";
    /** Name of the repartition step; its topic is {@code <application.id>-outcomes-by-run-repartition}. */
    public static final String OUTCOMES_BY_RUN = "outcomes-by-run";
    /** Changelog values carry whole plans, which can outgrow the default 1 MB record limit in JSON. */
    static final String CHANGELOG_MAX_MESSAGE_BYTES = Integer.toString(8 * 1024 * 1024);

    private ReportTopology() {
    }

    /**
     * @param registryConfig Confluent serde settings ({@code schema.registry.url}, …)
     * @param punctuateInterval how often the wall-clock punctuator checks deadlines and retention
     * @param finishedRetention how long a reported run's state is kept
     * @param orphanTtl how long outcomes wait for a plan that does not come
     */
    public record Settings(Map<String, ?> registryConfig, Duration punctuateInterval, Duration finishedRetention,
            Duration orphanTtl) {

        public Settings {
            Objects.requireNonNull(registryConfig, "registryConfig");
            Objects.requireNonNull(punctuateInterval, "punctuateInterval");
            Objects.requireNonNull(finishedRetention, "finishedRetention");
            Objects.requireNonNull(orphanTtl, "orphanTtl");
        }
    }

    public static Topology build(Settings settings, ReportEvents events) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<RunPlan> plans = Topics.RUN_PLANS.valueSerde(settings.registryConfig());
        Serde<CommandOutcome> outcomes = Topics.OUTCOMES.valueSerde(settings.registryConfig());
        Serde<RunReport> reports = Topics.REPORTS.valueSerde(settings.registryConfig());
        Serde<PartitionAlert> alerts = Topics.ALERTS.valueSerde(settings.registryConfig());

        // in memory, not RocksDB: the state is small and RocksDB's native memory would dominate the footprint
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), keys,
                        new JsonSerde<>(RunStateValue.class))
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, CHANGELOG_MAX_MESSAGE_BYTES))
                .withCachingDisabled());

        KStream<String, RunEvent> planEvents = builder
                .stream(Topics.RUN_PLANS.name(), Consumed.with(keys, plans).withName("run-plans"))
                .filter((runId, plan) -> plan != null, Named.as("drop-plan-tombstones"))
                .mapValues(plan -> (RunEvent) new RunEvent.PlanReceived(EventMapper.plannedRun(plan)),
                        Named.as("plan-to-domain"));

        // outcomes are keyed by table; co-locate them with their run's plan (run-plans has 3 partitions)
        KStream<String, RunEvent> outcomeEvents = builder
                .stream(Topics.OUTCOMES.name(), Consumed.with(keys, outcomes).withName("outcomes"))
                .filter((table, outcome) -> outcome != null, Named.as("drop-outcome-tombstones"))
                .map((table, outcome) -> KeyValue.pair(outcome.getEnvelope().getRunId(), EventMapper.outcome(outcome)),
                        Named.as("outcome-by-run-id"))
                .repartition(Repartitioned.<String, Outcome>as(OUTCOMES_BY_RUN).withKeySerde(keys)
                        .withValueSerde(new JsonSerde<>(Outcome.class))
                        .withNumberOfPartitions(Topics.RUN_PLANS.partitions()))
                .mapValues(outcome -> (RunEvent) new RunEvent.OutcomeReceived(outcome), Named.as("outcome-event"));

        KStream<String, RunOutput> output = planEvents.merge(outcomeEvents, Named.as("plans-and-outcomes"))
                .process(() -> new RunReportProcessor(settings, events), Named.as("run-reports"), STORE);

        output.filter((runId, out) -> out instanceof RunOutput.ReportReady, Named.as("reports-only"))
                .mapValues(out -> OutputMapper.report(((RunOutput.ReportReady) out).report()),
                        Named.as("report-to-avro"))
                .to(Topics.REPORTS.name(), Produced.with(keys, reports).withName("reports"));
        output.filter((key, out) -> out instanceof RunOutput.AlertRaised, Named.as("alerts-only"))
                .mapValues(out -> OutputMapper.alert(((RunOutput.AlertRaised) out).alert(),
                        ((RunOutput.AlertRaised) out).at()), Named.as("alert-to-avro"))
                .to(Topics.ALERTS.name(), Produced.with(keys, alerts).withName("alerts"));
        return builder.build();
    }
}
