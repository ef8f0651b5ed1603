package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.reporter.app.analysis.AnalysisRuns;
import io.arxos.partitions.reporter.app.benchmark.BenchmarkRuns;
import io.arxos.partitions.reporter.app.maintenance.MaintenanceRuns;
import io.arxos.partitions.reporter.app.maintenance.StreamedJson;
import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.json.AnalysisJsonFormat;
import io.arxos.partitions.reporter.json.BenchmarkJsonFormat;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import io.arxos.partitions.reporter.kafka.run.RunState;
import io.arxos.partitions.reporter.kafka.run.RunStores;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The reporter's topology in a {@link TopologyTestDriver}, with Avro serdes on a private {@code mock://} registry,
 * the dead-letter handler writing into a list and the wall clock starting at {@code start}. Analyses have a
 * {@link #ASSEMBLY_TIMEOUT} to assemble.
 */
final class TopologyHarness implements AutoCloseable {

    static final String APPLICATION_ID = "partitions-reporter-test";
    static final Duration ASSEMBLY_TIMEOUT = Duration.ofMinutes(2);

    final List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    final List<String> emitted = new ArrayList<>();
    final TopologyTestDriver driver;
    final TestInputTopic<String, RunPlan> plans;
    final TestInputTopic<String, CommandOutcome> outcomes;
    final TestInputTopic<byte[], byte[]> rawOutcomes;
    final TestOutputTopic<String, RunReport> reports;
    final TestOutputTopic<String, PartitionAlert> alerts;
    final TestOutputTopic<String, RunReportPage> pages;
    final TestInputTopic<String, AnalysisRun> analysisRuns;
    final TestInputTopic<String, TableAnalysis> tableAnalyses;
    final TestInputTopic<byte[], byte[]> rawTableAnalyses;
    final TestOutputTopic<String, AnalysisReport> analysisReports;
    final TestInputTopic<String, io.arxos.partitions.events.BenchmarkRun> benchmarkRuns;
    final TestInputTopic<String, io.arxos.partitions.events.BenchmarkOutcome> benchmarkOutcomes;
    final TestOutputTopic<String, io.arxos.partitions.events.BenchmarkReport> benchmarkReports;
    private final String scope = "reporter-topology-" + UUID.randomUUID();
    private final Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), scope);

    TopologyHarness(Instant start) {
        this(start, Topics.REPORT_PAGE_BYTES, JsonReportFormat::open);
    }

    /**
     * @param pageBytes the most text in one report record or page
     * @param json the maintenance reports' JSON renderer (a failing one shows what a report that fails becomes)
     */
    TopologyHarness(Instant start, int pageBytes, StreamedJson json) {
        this(start, pageBytes, json, RunStores.MAX_VALUE_BYTES);
    }

    /** @param maxStateBytes the most one state value (a plan) may hold */
    TopologyHarness(Instant start, int pageBytes, StreamedJson json, int maxStateBytes) {
        Map<String, Object> registry = Map.of("schema.registry.url", "mock://" + scope);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // a state directory of its own: two drivers open at once would otherwise share the RocksDB store's files
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(DeadLetterHandler.SINK_CONFIG, (DeadLetterSink) deadLetters::add);
        ReportEvents events = new ReportEvents() {
            @Override
            public void reportEmitted(String runId, ReportStatus status, int exitCode) {
                emitted.add(runId + ":" + status);
            }

            @Override
            public void analysisReportEmitted(String analysisId, ReportStatus status, int exitCode) {
                emitted.add("analysis " + analysisId + ":" + status);
            }

            @Override
            public void benchmarkReportEmitted(String benchmarkId, ReportStatus status, int exitCode) {
                emitted.add("benchmark " + benchmarkId + ":" + status + ":" + exitCode);
            }
        };
        driver = new TopologyTestDriver(ReportTopology.build(new ReportTopology.Settings(registry,
                Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofDays(1), maxStateBytes),
                new MaintenanceRuns(events, json, pageBytes),
                new AnalysisRuns(events, ASSEMBLY_TIMEOUT, AnalysisJsonFormat::render, Topics.REPORT_MAX_BYTES,
                        pageBytes),
                new BenchmarkRuns(events, BenchmarkJsonFormat::render, Topics.REPORT_MAX_BYTES)), props, start);
        plans = driver.createInputTopic(Topics.RUN_PLANS.name(), new StringSerializer(),
                Topics.RUN_PLANS.valueSerde(registry).serializer());
        outcomes = driver.createInputTopic(Topics.OUTCOMES.name(), new StringSerializer(),
                Topics.OUTCOMES.valueSerde(registry).serializer());
        rawOutcomes = driver.createInputTopic(Topics.OUTCOMES.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        reports = driver.createOutputTopic(Topics.REPORTS.name(), new StringDeserializer(),
                Topics.REPORTS.valueSerde(registry).deserializer());
        pages = driver.createOutputTopic(Topics.REPORT_PAGES.name(), new StringDeserializer(),
                Topics.REPORT_PAGES.valueSerde(registry).deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                Topics.ALERTS.valueSerde(registry).deserializer());
        analysisRuns = driver.createInputTopic(Topics.ANALYSIS_RUNS.name(), new StringSerializer(),
                Topics.ANALYSIS_RUNS.valueSerde(registry).serializer());
        tableAnalyses = driver.createInputTopic(Topics.TABLE_ANALYSES.name(), new StringSerializer(),
                Topics.TABLE_ANALYSES.valueSerde(registry).serializer());
        rawTableAnalyses = driver.createInputTopic(Topics.TABLE_ANALYSES.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        analysisReports = driver.createOutputTopic(Topics.ANALYSIS_REPORTS.name(), new StringDeserializer(),
                Topics.ANALYSIS_REPORTS.valueSerde(registry).deserializer());
        benchmarkRuns = driver.createInputTopic(Topics.BENCHMARK_RUNS.name(), new StringSerializer(),
                Topics.BENCHMARK_RUNS.valueSerde(registry).serializer());
        benchmarkOutcomes = driver.createInputTopic(Topics.BENCHMARK_OUTCOMES.name(), new StringSerializer(),
                Topics.BENCHMARK_OUTCOMES.valueSerde(registry).serializer());
        benchmarkReports = driver.createOutputTopic(Topics.BENCHMARK_REPORTS.name(), new StringDeserializer(),
                Topics.BENCHMARK_REPORTS.valueSerde(registry).deserializer());
    }

    void sendPlan(PlannedRun plan) {
        plans.pipeInput(plan.runId(), AvroEvents.plan(plan));
    }

    /** Sends an outcome keyed by its table, as the executor does. */
    void sendOutcome(Outcome outcome) {
        outcomes.pipeInput(AvroEvents.tableKey(outcome), AvroEvents.outcome(outcome));
    }

    KeyValueStore<String, RunState<PlannedRun, Outcome>> store() {
        return driver.getKeyValueStore(ReportTopology.STORE);
    }

    void sendAnalysisRun(AnalysedRun run) {
        analysisRuns.pipeInput(run.analysisId(), AnalysisAvroEvents.run(run));
    }

    /** Sends a table analysis keyed by its table, as the planner does. */
    void sendTableAnalysis(String analysisId, AnalysedTable table) {
        tableAnalyses.pipeInput(AnalysisAvroEvents.tableKey(table), AnalysisAvroEvents.table(analysisId, table));
    }

    KeyValueStore<String, RunState<AnalysedRun, AnalysedTable>> analysisStore() {
        return driver.getKeyValueStore(ReportTopology.ANALYSIS_STORE);
    }

    @Override
    public void close() {
        driver.close();
        // the driver empties the directory; the directory itself is ours
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not a test failure
        }
        InMemorySchemaRegistryClient.dropScope(scope);
    }
}
