package io.arxos.partitions.executor.app.benchmark;

import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.DATABASE;
import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.job;
import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult;
import io.arxos.partitions.executor.domain.benchmark.PlanFacts;
import io.arxos.partitions.inventory.FleetInventory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunBenchmarkTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T14:00:00Z"), ZoneOffset.UTC);
    private static final BenchmarkJob JOB = job("public.legacy", "public.legacy", "public.legacy_partitioned",
            "migration-original", query("a", "SELECT count(*) FROM {relation}"),
            query("b", "SELECT max(id) FROM {relation}"));

    @Test
    void alternatesTheSideThatGoesFirstAndDiscardsTheWarmUps() {
        Recording session = new Recording();
        BenchmarkResult result = new RunBenchmark(new FleetInventory(List.of(DATABASE)), (job, until) -> session,
                NOW).run(JOB);

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.SUCCEEDED);
        // 1 warm-up and 4 timed rounds per query: BEFORE first on even rounds, AFTER first on odd ones
        assertThat(session.calls.subList(0, 10)).containsExactly("BEFORE", "AFTER", "AFTER", "BEFORE", "BEFORE",
                "AFTER", "AFTER", "BEFORE", "BEFORE", "AFTER");
        assertThat(result.measurements()).hasSize(2);
        assertThat(result.measurements().get(0).before().timesMillis()).hasSize(4);
        assertThat(session.vacuumed).containsExactly("public.legacy_partitioned", "public.legacy");
    }

    @Test
    void aQueryThatFailsIsReportedAndTheOthersAreStillMeasured() {
        Recording session = new Recording();
        session.failOn = "max(id)";
        BenchmarkResult result = new RunBenchmark(new FleetInventory(List.of(DATABASE)), (job, until) -> session,
                NOW).run(JOB);

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.FAILED);
        assertThat(result.measurements().get(0).after().error()).isEmpty();
        assertThat(result.measurements().get(1).after().error()).get().asString().contains("statement_timeout");
        assertThat(result.error()).get().asString().contains("1 of 2 queries");
    }

    @Test
    void nothingRunsForATableTheExecutorDoesNotManage() {
        Recording session = new Recording();
        BenchmarkResult result = new RunBenchmark(new FleetInventory(List.of(DATABASE)), (job, until) -> session,
                NOW).run(job("public.payroll", "public.payroll", "public.payroll", "pruning-off",
                        query("a", "SELECT 1 FROM {relation}")));

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.REJECTED);
        assertThat(session.calls).isEmpty();
    }

    @Test
    void aCopyBaselineIsMadeFirstAndDroppedLast() {
        Recording session = new Recording();
        BenchmarkResult result = new RunBenchmark(new FleetInventory(List.of(DATABASE)), (job, until) -> session,
                NOW).run(job("public.audit_logs", "partition_scratch.copy_public_audit_logs", "public.audit_logs",
                        "copy", query("a", "SELECT count(*) FROM {relation}")));

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.SUCCEEDED);
        assertThat(session.vacuumed).containsExactly("copy partition_scratch.copy_public_audit_logs",
                "public.audit_logs", "partition_scratch.copy_public_audit_logs",
                "drop partition_scratch.copy_public_audit_logs");
    }

    @Test
    void noQueryStartsAfterTheDeadline() {
        Recording session = new Recording();
        Clock late = Clock.fixed(Instant.parse("2026-12-07T16:00:00Z"), ZoneOffset.UTC);
        BenchmarkResult result = new RunBenchmark(new FleetInventory(List.of(DATABASE)), (job, until) -> session,
                late).run(JOB);

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.REJECTED);
        assertThat(session.calls).isEmpty();
    }

    /** Records which side each timed query went to. */
    private static final class Recording implements BenchmarkSession {
        final List<String> calls = new ArrayList<>();
        final List<String> vacuumed = new ArrayList<>();
        String failOn;

        @Override
        public boolean vacuumAnalyze(TableRef relation) {
            vacuumed.add(relation.toString());
            return true;
        }

        @Override
        public void copy(TableRef source, TableRef copy, long maxBytes) {
            vacuumed.add("copy " + copy);
        }

        @Override
        public void dropCopy(TableRef copy) {
            vacuumed.add("drop " + copy);
        }

        @Override
        public int partitions(TableRef relation) {
            return 3;
        }

        @Override
        public double time(Side side, String sql) throws BenchmarkException {
            if (failOn != null && sql.contains(failOn)) {
                throw new BenchmarkException(side + " side: statement_timeout reached", false, null);
            }
            calls.add(side.name());
            return side == Side.BEFORE ? 2.0 : 1.0;
        }

        @Override
        public Digest digest(Side side, String sql) {
            return new Digest(1, "42");
        }

        @Override
        public PlanFacts explain(Side side, String sql, TableRef relation) {
            return PlanFacts.NONE;
        }

        @Override
        public void close() {
        }
    }
}
