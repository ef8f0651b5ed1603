package io.arxos.partitions.executor.app.benchmark;

import io.arxos.partitions.executor.app.benchmark.BenchmarkSession.BenchmarkException;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession.Digest;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession.Side;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkGuard;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob.BenchmarkQuery;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult.Measurement;
import io.arxos.partitions.executor.domain.benchmark.PlanFacts;
import io.arxos.partitions.executor.domain.benchmark.SideResult;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case: benchmark one table. After the guard, both relations are VACUUM ANALYZEd (if asked), then each query
 * runs on both sides alternately — warm-ups first, discarded, then the timed runs in ABBA order so that a drift
 * over time (caches warming, a neighbour's load) falls on both sides alike — followed by a result check and one
 * EXPLAIN per side. No query starts after the deadline; what was not measured by then is reported as such. A copy
 * baseline is made first and dropped last, whatever happened in between.
 */
public record RunBenchmark(FleetInventory inventory, BenchmarkDatabase database, Clock clock, long copyMaxBytes) {

    /** Copies refused above 10 GiB unless configured otherwise. */
    public static final long DEFAULT_COPY_MAX_BYTES = 10L << 30;

    public RunBenchmark(FleetInventory inventory, BenchmarkDatabase database, Clock clock) {
        this(inventory, database, clock, DEFAULT_COPY_MAX_BYTES);
    }

    public BenchmarkResult run(BenchmarkJob job) {
        Optional<FleetDatabase> db = inventory.database(job.table().database());
        if (db.isEmpty()) {
            return BenchmarkResult.rejected("database " + job.table().database() + " is not in the inventory");
        }
        Optional<String> refused = BenchmarkGuard.check(db.get(), job);
        if (refused.isPresent()) {
            return BenchmarkResult.rejected(refused.get());
        }
        Instant started = clock.instant();
        if (!started.isBefore(job.deadline())) {
            return BenchmarkResult.rejected("the benchmark's deadline " + job.deadline() + " had passed");
        }
        try (BenchmarkSession session = database.open(job, job.deadline())) {
            if (job.copy()) {
                session.copy(job.after(), job.before(), copyMaxBytes);
            }
            try {
                return measureAll(session, job, started);
            } finally {
                if (job.copy()) {
                    session.dropCopy(job.before());
                }
            }
        } catch (BenchmarkException e) {
            return new BenchmarkResult(BenchmarkResult.Status.FAILED, false, 0, Duration.between(started,
                    clock.instant()), List.of(), Optional.of(e.getMessage()));
        }
    }

    private BenchmarkResult measureAll(BenchmarkSession session, BenchmarkJob job, Instant started)
            throws BenchmarkException {
        boolean vacuumed = job.settings().vacuumAnalyze() && vacuum(session, job);
        int partitions = session.partitions(job.after());
        List<Measurement> measured = new ArrayList<>();
        for (BenchmarkQuery query : job.queries()) {
            if (!clock.instant().isBefore(job.deadline())) {
                String why = "not measured: the benchmark's max duration was reached";
                measured.add(new Measurement(query, SideResult.failed(job.before().toString(), List.of(), why),
                        SideResult.failed(job.after().toString(), List.of(), why)));
                continue;
            }
            measured.add(measure(session, job, query));
        }
        long failed = measured.stream().filter(m -> m.before().error().isPresent() || m.after().error()
                .isPresent()).count();
        return new BenchmarkResult(failed == 0 ? BenchmarkResult.Status.SUCCEEDED
                : BenchmarkResult.Status.FAILED, vacuumed, partitions, Duration.between(started, clock.instant()),
                measured, failed == 0 ? Optional.empty()
                        : Optional.of(failed + " of " + measured.size() + " queries not measured on both sides"));
    }

    /** Both relations, each once (pruning-off has one); true only when neither was skipped. */
    private static boolean vacuum(BenchmarkSession session, BenchmarkJob job) throws BenchmarkException {
        boolean after = session.vacuumAnalyze(job.after());
        boolean before = job.before().equals(job.after()) || session.vacuumAnalyze(job.before());
        return after && before;
    }

    private static Measurement measure(BenchmarkSession session, BenchmarkJob job, BenchmarkQuery query) {
        String before = query.on(job.before());
        String after = query.on(job.after());
        List<Double> beforeTimes = new ArrayList<>();
        List<Double> afterTimes = new ArrayList<>();
        try {
            int rounds = job.settings().warmups() + job.settings().runs();
            for (int round = 0; round < rounds; round++) {
                boolean timed = round >= job.settings().warmups();
                // ABBA: the side that goes first alternates from round to round
                boolean beforeFirst = round % 2 == 0;
                double first = session.time(beforeFirst ? Side.BEFORE : Side.AFTER, beforeFirst ? before : after);
                double second = session.time(beforeFirst ? Side.AFTER : Side.BEFORE, beforeFirst ? after : before);
                if (timed) {
                    beforeTimes.add(beforeFirst ? first : second);
                    afterTimes.add(beforeFirst ? second : first);
                }
            }
        } catch (BenchmarkException e) {
            return new Measurement(query, SideResult.failed(job.before().toString(), beforeTimes, e.getMessage()),
                    SideResult.failed(job.after().toString(), afterTimes, e.getMessage()));
        }
        return new Measurement(query, checked(session, Side.BEFORE, job.before().toString(), before, beforeTimes,
                job), checked(session, Side.AFTER, job.after().toString(), after, afterTimes, job));
    }

    private static SideResult checked(BenchmarkSession session, Side side, String relation, String sql,
            List<Double> times, BenchmarkJob job) {
        try {
            Digest digest = session.digest(side, sql);
            PlanFacts plan = session.explain(side, sql, side == Side.BEFORE ? job.before() : job.after());
            return new SideResult(relation, times, digest.rows(), digest.checksum(), plan, Optional.empty());
        } catch (BenchmarkException e) {
            return SideResult.failed(relation, times, e.getMessage());
        }
    }
}
