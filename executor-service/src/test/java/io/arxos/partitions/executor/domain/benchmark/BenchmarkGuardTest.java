package io.arxos.partitions.executor.domain.benchmark;

import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.DATABASE;
import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.job;
import static io.arxos.partitions.executor.domain.benchmark.BenchmarkJobs.query;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkGuardTest {

    private static final BenchmarkJob.BenchmarkQuery COUNT = query("count", "SELECT count(*) FROM {relation}");

    @Test
    void acceptsAMigrationOriginalAgainstItsPartitionedTwin() {
        assertThat(BenchmarkGuard.check(DATABASE, job("public.legacy", "public.legacy", "public.legacy_partitioned",
                "migration-original", COUNT))).isEmpty();
    }

    @Test
    void acceptsAManagedTableAgainstItselfWithPruningOff() {
        assertThat(BenchmarkGuard.check(DATABASE, job("public.audit_logs", "public.audit_logs", "public.audit_logs",
                "pruning-off", COUNT))).isEmpty();
    }

    @Test
    void refusesATableTheExecutorDoesNotManage() {
        assertThat(BenchmarkGuard.check(DATABASE, job("public.payroll", "public.payroll", "public.payroll",
                "pruning-off", COUNT))).get().asString().contains("public.payroll is neither managed nor");
    }

    @Test
    void refusesAnAfterRelationThatIsNotTheTableOrItsTwin() {
        assertThat(BenchmarkGuard.check(DATABASE, job("public.audit_logs", "public.audit_logs_copy",
                "public.payroll", "named", COUNT))).get().asString().contains("after relation public.payroll");
    }

    @Test
    void refusesAnythingButOnePlainSelect() {
        String[] refused = {"DELETE FROM {relation}", "SELECT 1 FROM {relation}; DROP TABLE x",
            "SELECT * FROM {relation} FOR UPDATE", "WITH d AS (DELETE FROM {relation} RETURNING *) SELECT 1",
            "SELECT 1 FROM {relation} -- comment", "SELECT 1", "SELECT set_config('a', 'b', false) FROM {relation}"};
        for (String sql : refused) {
            assertThat(BenchmarkGuard.check(DATABASE, job("public.audit_logs", "public.audit_logs",
                    "public.audit_logs", "pruning-off", query("q", sql)))).as(sql).isPresent();
        }
    }

    @Test
    void wordsInsideLiteralsAndQuotedNamesDoNotCount() {
        assertThat(BenchmarkGuard.check(DATABASE, job("public.audit_logs", "public.audit_logs", "public.audit_logs",
                "pruning-off", query("q", "SELECT count(*) FROM {relation} WHERE \"action\" = 'delete; drop'"))))
                .isEmpty();
    }
}
