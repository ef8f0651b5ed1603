package io.arxos.partitions.cli.benchmark;

import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunCommand;
import io.arxos.partitions.cli.run.RunExchange;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.BenchmarkRequest;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partctl benchmark}: the guide's query benchmark, before and after partitioning, over Kafka. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Benchmark queries before and after partitioning, on the same data: time ranges, aggregations",
            "and filters built from each table's columns and data, run alternately on both sides, read-only.",
            "The before side: a migration's original (or its _backup after the swap), --baseline schema.table,",
            "--baseline copy (a scratch copy, dropped after) or --baseline pruning-off (partition pruning off).",
            "Exit status: 0 no query slower, 1 incomplete or a table could not be measured, 2 a query is slower",
            "beyond its noise, 3 Kafka/registry/services unreachable, 64 usage error."})
public final class BenchmarkCommand extends RunCommand<BenchmarkRequest, BenchmarkRun, BenchmarkReport> {

    /** Benchmarks: a request, the planner's plan (one target per table), the reporter's benchmark report. */
    static final RunExchange<BenchmarkRequest, BenchmarkRun, BenchmarkReport> BENCHMARKS = new RunExchange<>(
            Topics.BENCHMARK_REQUESTS, Topics.BENCHMARK_RUNS, Topics.BENCHMARK_REPORTS,
            request -> "waiting for the planner to choose tables and build their queries",
            BenchmarkCommand::planned, BenchmarkReport::getMarkdown, BenchmarkReport::getJson,
            BenchmarkReport::getExitCode);

    @Mixin
    BenchmarkSettings settings;

    @Option(names = "--baseline", paramLabel = "copy|pruning-off|SCHEMA.TABLE", description = "What to compare "
            + "with (default: the table's migration twin): copy (an unpartitioned copy the executor makes from one "
            + "snapshot and drops after), pruning-off, or a table.")
    String baseline;

    @Option(names = "--benchmark-id", paramLabel = "ID", description = "Use this benchmark id (default: a new UUID);"
            + " the reporter serves the report at GET /benchmarks/ID.")
    String benchmarkId;

    public BenchmarkCommand() {
        super("--benchmark-id", BENCHMARKS);
    }

    @Override
    protected String requestedId() {
        return benchmarkId;
    }

    @Override
    protected Duration planWait() {
        return timeout();
    }

    @Override
    protected Duration reportWait() {
        return settings.reportWait();
    }

    @Override
    protected String reportSilence(BenchmarkRun plan) {
        return "are executor-service and reporter-service running?";
    }

    @Override
    protected BenchmarkRequest request(String id, List<String> databases) {
        return settings.request(id, ReportOutput.requester(), databases, scope.inventoryTables(connection, true),
                baseline, planWait());
    }

    static String planned(BenchmarkRun run) {
        if (run.getError() != null) {
            return "refused: " + run.getError();
        }
        int queries = run.getTargets().stream().mapToInt(t -> t.getQueries().size()).sum();
        return "benchmarking " + run.getTargets().size() + " table(s), " + queries + " queries, " + run.getRuns()
                + " runs per side" + (run.getSkipped().isEmpty() ? "" : "; left out: " + String.join("; ",
                        run.getSkipped()));
    }
}
