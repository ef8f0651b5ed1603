package io.arxos.partitions.planner.kafka.benchmark;

import io.arxos.partitions.events.BenchmarkCommand;
import io.arxos.partitions.events.BenchmarkQuery;
import io.arxos.partitions.events.BenchmarkRequest;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.BenchmarkTarget;
import io.arxos.partitions.planner.app.benchmark.BenchmarkRequestSpec;
import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.domain.benchmark.PlannedQuery;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Duration;

/** Maps benchmark requests in and benchmark runs out: the run's plan and one command per target. */
final class BenchmarkEventMapper {

    private BenchmarkEventMapper() {
    }

    static BenchmarkRequestSpec spec(BenchmarkRequest r) {
        return new BenchmarkRequestSpec(r.getEnvelope().getRunId(), r.getRequestedBy(), r.getDatabases(),
                r.getTables(), Baseline.parse(r.getBaseline()), new PlannedBenchmark.Settings(r.getRuns(),
                        r.getWarmups(), r.getStatementTimeoutMillis(), r.getVacuumAnalyze()),
                Duration.ofSeconds(r.getMaxDurationSeconds()));
    }

    static BenchmarkRun run(PlannedBenchmark b) {
        return BenchmarkRun.newBuilder()
                .setEnvelope(CoreTypes.envelope(b.runId(), TransactionalPublisher.PRODUCER, b.plannedAt()))
                .setRequestedBy(b.requestedBy())
                .setTargets(b.targets().stream().map(BenchmarkEventMapper::target).toList())
                .setSkipped(b.skipped())
                .setRuns(b.settings().runs())
                .setWarmups(b.settings().warmups())
                .setDeadline(b.deadline())
                .setError(b.error().orElse(null))
                .build();
    }

    static BenchmarkCommand command(PlannedBenchmark b, PlannedBenchmark.Target t) {
        return BenchmarkCommand.newBuilder()
                .setEnvelope(CoreTypes.envelope(b.runId(), TransactionalPublisher.PRODUCER, b.plannedAt()))
                .setTarget(target(t))
                .setDatabase(t.table().database().value())
                .setRuns(b.settings().runs())
                .setWarmups(b.settings().warmups())
                .setStatementTimeoutMillis(b.settings().statementTimeoutMillis())
                .setVacuumAnalyze(b.settings().vacuumAnalyze())
                .setDeadline(b.deadline())
                .build();
    }

    private static BenchmarkTarget target(PlannedBenchmark.Target t) {
        return BenchmarkTarget.newBuilder()
                .setCommandId(t.commandId())
                .setTable(CoreTypes.tableId(t.table()))
                .setBefore(t.relations().before().toString())
                .setAfter(t.relations().after().toString())
                .setBaseline(t.relations().baseline())
                .setQueries(t.queries().stream().map(BenchmarkEventMapper::query).toList())
                .build();
    }

    private static BenchmarkQuery query(PlannedQuery q) {
        return BenchmarkQuery.newBuilder().setName(q.name()).setCategory(q.category())
                .setDescription(q.description()).setSql(q.sql()).build();
    }
}
