package io.arxos.partitions.reporter.kafka.benchmark;

import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.BenchmarkTarget;
import io.arxos.partitions.events.QueryMeasurement;
import io.arxos.partitions.events.SideMeasurement;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkPlan;
import io.arxos.partitions.reporter.domain.benchmark.TableBenchmark;

/** Translates the benchmark events the reporter consumes into its domain records. */
public final class BenchmarkEventMapper {

    private BenchmarkEventMapper() {
    }

    public static BenchmarkPlan plan(BenchmarkRun run) {
        return new BenchmarkPlan(run.getEnvelope().getRunId(), run.getRequestedBy(), run.getEnvelope()
                .getOccurredAt(), run.getDeadline(), run.getRuns(), run.getWarmups(),
                run.getTargets().stream().map(t -> new BenchmarkPlan.Target(t.getCommandId(), table(t.getTable()),
                        t.getBefore(), t.getAfter(), t.getBaseline(), t.getQueries().size())).toList(),
                run.getSkipped(), run.getError());
    }

    public static TableBenchmark outcome(BenchmarkOutcome o) {
        BenchmarkTarget t = o.getTarget();
        return new TableBenchmark(o.getEnvelope().getRunId(), o.getCommandId(), table(t.getTable()), t.getBefore(),
                t.getAfter(), t.getBaseline(), o.getStatus().name(), o.getVacuumed(), o.getPartitionsInTable(),
                o.getDurationMillis(), o.getMeasurements().stream().map(BenchmarkEventMapper::pair).toList(),
                o.getError());
    }

    private static TableBenchmark.QueryPair pair(QueryMeasurement m) {
        return new TableBenchmark.QueryPair(m.getQuery().getName(), m.getQuery().getCategory(),
                m.getQuery().getDescription(), m.getQuery().getSql(), side(m.getBefore()), side(m.getAfter()));
    }

    private static TableBenchmark.Side side(SideMeasurement s) {
        return new TableBenchmark.Side(s.getRelation(), s.getTimesMillis(), s.getRows(), s.getChecksum(),
                s.getPartitionsScanned(), s.getPartitionsPrunedAtRunTime(), s.getSharedHitBlocks(),
                s.getSharedReadBlocks(), s.getScanNodes(), s.getError());
    }

    private static TableName table(TableId id) {
        return new TableName(id.getDatabase(), id.getSchemaName(), id.getTableName());
    }
}
