package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.reporter.app.analysis.ComposedAnalysis;
import io.arxos.partitions.reporter.app.benchmark.ComposedBenchmark;
import io.arxos.partitions.reporter.app.maintenance.RunOutput;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkPlan;
import io.arxos.partitions.reporter.domain.benchmark.TableBenchmark;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.kafka.analysis.AnalysisEventMapper;
import io.arxos.partitions.reporter.kafka.benchmark.BenchmarkEventMapper;
import io.arxos.partitions.reporter.kafka.maintenance.EventMapper;
import io.arxos.partitions.reporter.kafka.run.RunAssembly;
import io.arxos.partitions.reporter.kafka.run.RunEvent;
import io.arxos.partitions.reporter.kafka.run.RunStores;
import io.arxos.partitions.reporter.kafka.run.RunStores.Placement;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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

/**
 * The reporter's topology, built in one place so the service and its tests run the same one. Two independent
 * sub-topologies, maintenance runs, analyses and benchmarks, in one Streams application:
 * <pre>
 * run-plans ──────────────────────────────────────────┐
 * outcomes ── re-key by run id ── outcomes-by-run ────┴─ merge ── run-reports (store) ─┬─ report-pages (large only)
 *                                    (3 partitions, JSON)                              ├─ reports
 *                                                                                      └─ alerts
 *
 * analysis-runs ────────────────────────────────────────────────────┐
 * table-analyses ── re-key by analysis id ── table-analyses-by-run ──┴─ merge ── assembly (store) ── analysis-reports
 *                                              (3 partitions, JSON)
 *
 * benchmark-runs ───────────────────────────────────────────────────────┐
 * benchmark-outcomes ── re-key by benchmark id ── benchmark-outcomes-by-run ──┴─ merge ── assembly ── benchmark-reports
 * </pre>
 */
public final class ReportTopology {

    /** The state store: per run its progress, its plan and one slot per command (see {@code RunStateKeys}). */
    public static final String STORE = "reporter-runs";
    /** Name of the repartition step; its topic is {@code <application.id>-outcomes-by-run-repartition}. */
    public static final String OUTCOMES_BY_RUN = "outcomes-by-run";
    /** The analysis store: per analysis its progress, its run summary and one entry per table analysis. */
    public static final String ANALYSIS_STORE = "reporter-analyses";
    /** Name of the analysis repartition step: {@code <application.id>-table-analyses-by-run-repartition}. */
    public static final String TABLE_ANALYSES_BY_RUN = "table-analyses-by-run";

    /** The benchmark store: per benchmark its progress, its plan and one slot per table's command. */
    public static final String BENCHMARK_STORE = "reporter-benchmarks";
    /** Name of the benchmark repartition step. */
    public static final String BENCHMARK_OUTCOMES_BY_RUN = "benchmark-outcomes-by-run";

    private ReportTopology() {
    }

    /**
     * @param registryConfig Confluent serde settings ({@code schema.registry.url}, …)
     * @param punctuateInterval how often the wall-clock punctuator checks deadlines and retention
     * @param finishedRetention how long a reported run's state is kept
     * @param orphanTtl how long outcomes (and table analyses) wait for a plan (a run summary) that does not come
     * @param maxStateBytes the most one state value (a whole plan) may hold: the changelog's record limit
     */
    public record Settings(Map<String, ?> registryConfig, Duration punctuateInterval, Duration finishedRetention,
            Duration orphanTtl, int maxStateBytes) {

        public Settings(Map<String, ?> registryConfig, Duration punctuateInterval, Duration finishedRetention,
                Duration orphanTtl) {
            this(registryConfig, punctuateInterval, finishedRetention, orphanTtl, RunStores.MAX_VALUE_BYTES);
        }

        public Settings {
            Objects.requireNonNull(registryConfig, "registryConfig");
            Objects.requireNonNull(punctuateInterval, "punctuateInterval");
            Objects.requireNonNull(finishedRetention, "finishedRetention");
            Objects.requireNonNull(orphanTtl, "orphanTtl");
        }

        RunAssembly.Timing timing() {
            return new RunAssembly.Timing(punctuateInterval, finishedRetention, orphanTtl);
        }
    }

    /**
     * @param maintenance the maintenance kind: run plans and command outcomes to reports and alerts
     * @param analyses the analysis kind: run summaries and table analyses to analysis reports
     * @param benchmarks the benchmark kind: benchmark plans and table outcomes to benchmark reports
     */
    public static Topology build(Settings settings, RunKind<PlannedRun, Outcome, RunOutput> maintenance,
            RunKind<AnalysedRun, AnalysedTable, ComposedAnalysis> analyses,
            RunKind<BenchmarkPlan, TableBenchmark, ComposedBenchmark> benchmarks) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<RunPlan> plans = Topics.RUN_PLANS.valueSerde(settings.registryConfig());
        Serde<CommandOutcome> outcomes = Topics.OUTCOMES.valueSerde(settings.registryConfig());
        Serde<RunReport> reports = Topics.REPORTS.valueSerde(settings.registryConfig());
        Serde<PartitionAlert> alerts = Topics.ALERTS.valueSerde(settings.registryConfig());
        Serde<RunReportPage> pages = Topics.REPORT_PAGES.valueSerde(settings.registryConfig());

        builder.addStateStore(RunStores.store(STORE, PlannedRun.class, Outcome.class, true, Placement.ROCKSDB));

        KStream<String, RunEvent<PlannedRun, Outcome>> planEvents = builder
                .stream(Topics.RUN_PLANS.name(), Consumed.with(keys, plans).withName("run-plans"))
                .filter((runId, plan) -> plan != null, Named.as("drop-plan-tombstones"))
                .mapValues(plan -> (RunEvent<PlannedRun, Outcome>) new RunEvent.PlanArrived<PlannedRun, Outcome>(
                        EventMapper.plannedRun(plan)), Named.as("plan-to-domain"));

        // outcomes are keyed by table; co-locate them with their run's plan (run-plans has 3 partitions)
        KStream<String, RunEvent<PlannedRun, Outcome>> outcomeEvents = builder
                .stream(Topics.OUTCOMES.name(), Consumed.with(keys, outcomes).withName("outcomes"))
                .filter((table, outcome) -> outcome != null, Named.as("drop-outcome-tombstones"))
                .map((table, outcome) -> KeyValue.pair(outcome.getEnvelope().getRunId(), EventMapper.outcome(outcome)),
                        Named.as("outcome-by-run-id"))
                .repartition(Repartitioned.<String, Outcome>as(OUTCOMES_BY_RUN).withKeySerde(keys)
                        .withValueSerde(new JsonSerde<>(Outcome.class))
                        .withNumberOfPartitions(Topics.RUN_PLANS.partitions()))
                .mapValues(outcome -> (RunEvent<PlannedRun, Outcome>) new RunEvent.ItemArrived<PlannedRun, Outcome>(
                        outcome.runId(), outcome), Named.as("outcome-event"));

        KStream<String, RunOutput> output = planEvents.merge(outcomeEvents, Named.as("plans-and-outcomes"))
                .process(() -> new RunAssembly<>(maintenance, STORE, settings.timing(),
                        RunStores.limit(PlannedRun.class, Outcome.class, settings.maxStateBytes())),
                        Named.as("run-reports"), STORE);

        output.filter((runId, out) -> out instanceof RunOutput.ReportReady, Named.as("reports-only"))
                .mapValues(out -> OutputMapper.report(((RunOutput.ReportReady) out).report()),
                        Named.as("report-to-avro"))
                .to(Topics.REPORTS.name(), Produced.with(keys, reports).withName("reports"));
        output.filter((runId, out) -> out instanceof RunOutput.PageReady, Named.as("report-pages-only"))
                .mapValues(out -> OutputMapper.page(((RunOutput.PageReady) out).page()),
                        Named.as("report-page-to-avro"))
                .to(Topics.REPORT_PAGES.name(), Produced.with(keys, pages).withName("report-pages"));
        output.filter((key, out) -> out instanceof RunOutput.AlertRaised, Named.as("alerts-only"))
                .mapValues(out -> OutputMapper.alert(((RunOutput.AlertRaised) out).alert(),
                        ((RunOutput.AlertRaised) out).at()), Named.as("alert-to-avro"))
                .to(Topics.ALERTS.name(), Produced.with(keys, alerts).withName("alerts"));
        addAnalyses(builder, settings, analyses);
        addBenchmarks(builder, settings, benchmarks);
        return builder.build();
    }

    /** The analysis sub-topology, added after the maintenance one so that one keeps its node and task names. */
    private static void addAnalyses(StreamsBuilder builder, Settings settings,
            RunKind<AnalysedRun, AnalysedTable, ComposedAnalysis> analyses) {
        Serde<String> keys = Serdes.String();
        Serde<AnalysisRun> runs = Topics.ANALYSIS_RUNS.valueSerde(settings.registryConfig());
        Serde<TableAnalysis> tables = Topics.TABLE_ANALYSES.valueSerde(settings.registryConfig());
        Serde<AnalysisReport> reports = Topics.ANALYSIS_REPORTS.valueSerde(settings.registryConfig());

        // table analyses carry query texts and statements; their changelog records can outgrow 1 MB as well
        builder.addStateStore(RunStores.store(ANALYSIS_STORE, AnalysedRun.class, AnalysedTable.class, false,
                Placement.IN_MEMORY));

        KStream<String, RunEvent<AnalysedRun, AnalysedTable>> runEvents = builder
                .stream(Topics.ANALYSIS_RUNS.name(), Consumed.with(keys, runs).withName("analysis-runs"))
                .filter((id, run) -> run != null, Named.as("drop-analysis-run-tombstones"))
                .mapValues(
                        run -> (RunEvent<AnalysedRun, AnalysedTable>) new RunEvent.PlanArrived<AnalysedRun, AnalysedTable>(
                                AnalysisEventMapper.run(run)),
                        Named.as("analysis-run-to-domain"));

        // table analyses are keyed by table; co-locate them with their run summary (analysis-runs has 3 partitions)
        KStream<String, RunEvent<AnalysedRun, AnalysedTable>> tableEvents = builder
                .stream(Topics.TABLE_ANALYSES.name(), Consumed.with(keys, tables).withName("table-analyses"))
                .filter((table, analysis) -> analysis != null, Named.as("drop-table-analysis-tombstones"))
                .map((table, analysis) -> KeyValue.pair(analysis.getEnvelope().getRunId(),
                        new TableArrived(analysis.getEnvelope().getRunId(), AnalysisEventMapper.table(analysis))),
                        Named.as("table-analysis-by-analysis-id"))
                .repartition(Repartitioned.<String, TableArrived>as(TABLE_ANALYSES_BY_RUN)
                        .withKeySerde(keys).withValueSerde(new JsonSerde<>(TableArrived.class))
                        .withNumberOfPartitions(Topics.ANALYSIS_RUNS.partitions()))
                .mapValues(
                        arrived -> (RunEvent<AnalysedRun, AnalysedTable>) new RunEvent.ItemArrived<AnalysedRun, AnalysedTable>(
                                arrived.analysisId(), arrived.table()),
                        Named.as("table-analysis-event"));

        KStream<String, ComposedAnalysis> composed = runEvents.merge(tableEvents, Named.as("analysis-runs-and-tables"))
                .process(() -> new RunAssembly<>(analyses, ANALYSIS_STORE, settings.timing(),
                        RunStores.limit(AnalysedRun.class, AnalysedTable.class, settings.maxStateBytes())), Named.as(
                                "analysis-report-assembly"), ANALYSIS_STORE);
        // a large report's pages, then its record, in the same transaction
        composed.flatMapValues(ComposedAnalysis::pages, Named.as("analysis-report-pages"))
                .mapValues(OutputMapper::page, Named.as("analysis-report-page-to-avro"))
                .to(Topics.REPORT_PAGES.name(), Produced.with(keys, Topics.REPORT_PAGES.valueSerde(
                        settings.registryConfig())).withName("analysis-report-pages-out"));
        composed.mapValues(OutputMapper::analysisReport, Named.as("analysis-report-to-avro"))
                .to(Topics.ANALYSIS_REPORTS.name(), Produced.with(keys, reports).withName("analysis-reports"));
    }

    /** The benchmark sub-topology, added last so the others keep their node and task names. */
    private static void addBenchmarks(StreamsBuilder builder, Settings settings,
            RunKind<BenchmarkPlan, TableBenchmark, ComposedBenchmark> benchmarks) {
        Serde<String> keys = Serdes.String();
        Serde<BenchmarkRun> runs = Topics.BENCHMARK_RUNS.valueSerde(settings.registryConfig());
        Serde<BenchmarkOutcome> outcomes = Topics.BENCHMARK_OUTCOMES.valueSerde(settings.registryConfig());
        Serde<BenchmarkReport> reports = Topics.BENCHMARK_REPORTS.valueSerde(settings.registryConfig());

        // an outcome carries every run's time and the query texts: not cached, like the analyses
        builder.addStateStore(RunStores.store(BENCHMARK_STORE, BenchmarkPlan.class, TableBenchmark.class, false,
                Placement.IN_MEMORY));

        KStream<String, RunEvent<BenchmarkPlan, TableBenchmark>> planEvents = builder
                .stream(Topics.BENCHMARK_RUNS.name(), Consumed.with(keys, runs).withName("benchmark-runs"))
                .filter((id, run) -> run != null, Named.as("drop-benchmark-run-tombstones"))
                .mapValues(
                        run -> (RunEvent<BenchmarkPlan, TableBenchmark>) new RunEvent.PlanArrived<BenchmarkPlan, TableBenchmark>(
                                BenchmarkEventMapper.plan(run)), Named.as("benchmark-run-to-domain"));

        // outcomes are keyed by table; co-locate them with their benchmark's plan
        KStream<String, RunEvent<BenchmarkPlan, TableBenchmark>> outcomeEvents = builder
                .stream(Topics.BENCHMARK_OUTCOMES.name(), Consumed.with(keys, outcomes)
                        .withName("benchmark-outcomes"))
                .filter((table, outcome) -> outcome != null, Named.as("drop-benchmark-outcome-tombstones"))
                .map((table, outcome) -> KeyValue.pair(outcome.getEnvelope().getRunId(),
                        BenchmarkEventMapper.outcome(outcome)), Named.as("benchmark-outcome-by-run-id"))
                .repartition(Repartitioned.<String, TableBenchmark>as(BENCHMARK_OUTCOMES_BY_RUN).withKeySerde(keys)
                        .withValueSerde(new JsonSerde<>(TableBenchmark.class))
                        .withNumberOfPartitions(Topics.BENCHMARK_RUNS.partitions()))
                .mapValues(
                        outcome -> (RunEvent<BenchmarkPlan, TableBenchmark>) new RunEvent.ItemArrived<BenchmarkPlan, TableBenchmark>(
                                outcome.benchmarkId(), outcome), Named.as("benchmark-outcome-event"));

        planEvents.merge(outcomeEvents, Named.as("benchmark-plans-and-outcomes"))
                .process(() -> new RunAssembly<>(benchmarks, BENCHMARK_STORE, settings.timing(),
                        RunStores.limit(BenchmarkPlan.class, TableBenchmark.class, settings.maxStateBytes())),
                        Named.as("benchmark-report-assembly"), BENCHMARK_STORE)
                .mapValues(OutputMapper::benchmarkReport, Named.as("benchmark-report-to-avro"))
                .to(Topics.BENCHMARK_REPORTS.name(), Produced.with(keys, reports).withName("benchmark-reports"));
    }

    /** A table analysis on its way to its run summary: the value of the repartition topic. */
    record TableArrived(String analysisId, AnalysedTable table) {
    }
}
