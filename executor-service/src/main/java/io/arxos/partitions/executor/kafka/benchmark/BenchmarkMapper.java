package io.arxos.partitions.executor.kafka.benchmark;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.events.BenchmarkCommand;
import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.events.BenchmarkTarget;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.QueryMeasurement;
import io.arxos.partitions.events.SideMeasurement;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult;
import io.arxos.partitions.executor.domain.benchmark.SideResult;
import io.arxos.partitions.executor.kafka.ExecutorEnvelope;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Instant;
import java.util.List;

/** Benchmark commands in, benchmark outcomes out. */
final class BenchmarkMapper {

    private BenchmarkMapper() {
    }

    /** @throws IllegalArgumentException a relation or the table is not a valid name */
    static BenchmarkJob job(BenchmarkCommand c) {
        BenchmarkTarget t = c.getTarget();
        return new BenchmarkJob(t.getCommandId(), c.getEnvelope().getRunId(), CoreTypes.tableKey(t.getTable()),
                TableRef.parse(t.getBefore()), TableRef.parse(t.getAfter()), t.getBaseline(),
                t.getQueries().stream().map(q -> new BenchmarkJob.BenchmarkQuery(q.getName(), q.getCategory(),
                        q.getDescription(), q.getSql())).toList(),
                new BenchmarkJob.Settings(c.getRuns(), c.getWarmups(), c.getStatementTimeoutMillis(),
                        c.getVacuumAnalyze()),
                c.getDeadline());
    }

    static BenchmarkOutcome outcome(BenchmarkCommand c, BenchmarkResult r, Instant at) {
        List<QueryMeasurement> measurements = r.measurements().stream().map(m -> QueryMeasurement.newBuilder()
                .setQuery(c.getTarget().getQueries().stream().filter(q -> q.getName().equals(m.query().name()))
                        .findFirst().orElseThrow())
                .setBefore(side(m.before()))
                .setAfter(side(m.after()))
                .build()).toList();
        return BenchmarkOutcome.newBuilder()
                .setEnvelope(ExecutorEnvelope.answering(c.getEnvelope().getRunId(), at))
                .setCommandId(c.getTarget().getCommandId())
                .setTarget(c.getTarget())
                .setStatus(OutcomeStatus.valueOf(r.status().name()))
                .setVacuumed(r.vacuumed())
                .setPartitionsInTable(r.partitionsInTable())
                .setDurationMillis(r.duration().toMillis())
                .setMeasurements(measurements)
                .setError(r.error().orElse(null))
                .build();
    }

    static BenchmarkOutcome rejected(BenchmarkCommand c, String why, Instant at) {
        return outcome(c, BenchmarkResult.rejected(why), at);
    }

    private static SideMeasurement side(SideResult s) {
        return SideMeasurement.newBuilder()
                .setRelation(s.relation())
                .setTimesMillis(s.timesMillis())
                .setRows(s.rows())
                .setChecksum(s.checksum())
                .setPartitionsScanned(s.plan().partitionsScanned())
                .setPartitionsPrunedAtRunTime(s.plan().partitionsPrunedAtRunTime())
                .setSharedHitBlocks(s.plan().sharedHitBlocks())
                .setSharedReadBlocks(s.plan().sharedReadBlocks())
                .setScanNodes(s.plan().scanNodes())
                .setError(s.error().orElse(null))
                .build();
    }
}
