package io.arxos.partitions.planner.domain.analysis;

import static io.arxos.partitions.planner.domain.analysis.Shapes.MIB;
import static io.arxos.partitions.planner.domain.analysis.Shapes.MONTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PartitioningAdvisorTest {

    @Test
    void largeTimeSeriesCleanedByDeleteIsHighWithMonthlyPartitionsAndRetentionFromTheData() {
        Recommendation r = Shapes.auditLog()
                .query("DELETE FROM audit_logs_legacy WHERE created_at < now() - $1::interval", 30, 900)
                .recommend();

        assertThat(r.priority()).isEqualTo(Priority.HIGH);
        assertThat(r.partitionKey()).contains("created_at");
        assertThat(r.strategy()).contains("RANGE");
        assertThat(r.interval()).contains(Interval.MONTH);
        assertThat(r.retentionMonths()).hasValue(12);
        assertThat(r.premake()).hasValue(2);
        assertThat(r.advice(Advice.Kind.REASON)).anySatisfy(a -> assertThat(a.message()).contains("deleted by"));
    }

    @Test
    void sizeClassesScaleWithSharedBuffers() {
        // 600 MiB against 128 MiB of shared_buffers: ≥ 4 × → HIGH; 200 MiB → MEDIUM; 40 MiB → LOW; 20 MiB → none
        assertThat(Shapes.auditLog().recommend().priority()).isEqualTo(Priority.HIGH);
        assertThat(Shapes.auditLog().size(200 * MIB, 1_000_000).recommend().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(Shapes.auditLog().size(40 * MIB, 200_000).recommend().priority()).isEqualTo(Priority.LOW);
        assertThat(Shapes.auditLog().size(20 * MIB, 100_000).recommend().priority())
                .isEqualTo(Priority.NOT_RECOMMENDED);
    }

    @Test
    void configuredSizeClassesOverrideSharedBuffers() {
        AnalysisSettings settings = new AnalysisSettings(OptionalLong.of(10 * MIB), OptionalLong.of(5 * MIB),
                OptionalLong.of(MIB), 10 * AnalysisSettings.GIB, 200);
        assertThat(Shapes.auditLog().size(20 * MIB, 100_000).recommend(settings).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void smallLookupTableIsNotRecommended() {
        Recommendation r = Shapes.table("event_types").size(48 * 1024, 20).primaryKey("id").recommend();

        assertThat(r.priority()).isEqualTo(Priority.NOT_RECOMMENDED);
        assertThat(r.advice(Advice.Kind.REASON)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("too small"));
        assertThat(r.migrationStatements()).isEmpty();
    }

    @Test
    void incomingForeignKeyBlocksPartitioningAndNoMigrationIsOffered() {
        Recommendation r = Shapes.auditLog().referencedBy("message_reactions", "message_id", "id").recommend();

        assertThat(r.priority()).isEqualTo(Priority.BLOCKED);
        assertThat(r.advice(Advice.Kind.BLOCKER)).singleElement().satisfies(a -> assertThat(a.message())
                .contains("message_reactions_message_id_fkey", "public.message_reactions", "(id)", "created_at"));
        assertThat(r.advice(Advice.Kind.REASON)).anySatisfy(a -> assertThat(a.message()).contains("would be HIGH"));
        assertThat(r.migrationStatements()).isEmpty();
    }

    @Test
    void foreignKeyReferencingAKeyThatIncludesThePartitionKeyDoesNotBlock() {
        Recommendation r = Shapes.auditLog().referencedBy("audit_refs", "log_created_at", "created_at").recommend();

        assertThat(r.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void largeTableWithoutTimeColumnIsBlocked() {
        Recommendation r = Shapes.table("users").primaryKey("id").recommend();

        assertThat(r.priority()).isEqualTo(Priority.BLOCKED);
        assertThat(r.advice(Advice.Kind.BLOCKER)).singleElement().satisfies(a -> {
            assertThat(a.message()).contains("no usable time column");
            assertThat(a.basis()).contains("the table has no date or timestamp column");
        });
    }

    @Test
    void mostlyNullTimeColumnIsNotAUsableKey() {
        Recommendation r = Shapes.table("slow_query_log_legacy")
                .timeColumn("timestamp", 0.7, 0.9, MONTH.minusMonths(5), MONTH, 10_000).recommend();

        assertThat(r.priority()).isEqualTo(Priority.BLOCKED);
        assertThat(r.advice(Advice.Kind.BLOCKER).get(0).basis()).hasValueSatisfying(b -> assertThat(b)
                .contains("timestamp: 70% NULL"));
    }

    @Test
    void nullableKeyWarnsThatNullRowsStayInTheDefaultPartition() {
        Recommendation r = Shapes.table("slow_query_log_legacy")
                .timeColumn("timestamp", 0.02, 0.9, MONTH.minusMonths(5), MONTH, 10_000).recommend();

        assertThat(r.advice(Advice.Kind.WARNING)).anySatisfy(a -> assertThat(a.message())
                .contains("2.00% of rows have no timestamp", "default partition"));
        assertThat(r.migrationStatements()).anySatisfy(s -> assertThat(s).contains("OR \"timestamp\" IS NULL"));
    }

    @Test
    void primaryKeyWithoutThePartitionKeyIsARequiredChange() {
        Recommendation r = Shapes.auditLog().recommend();

        assertThat(r.advice(Advice.Kind.REQUIRED_CHANGE)).singleElement().satisfies(a -> assertThat(a.message())
                .contains("PRIMARY KEY (id) must become PRIMARY KEY (id, created_at)"));
        assertThat(r.migrationStatements()).contains("ALTER TABLE \"public\".\"audit_logs_legacy_partitioned\" ADD "
                + "PRIMARY KEY (\"id\", \"created_at\");");
    }

    @Test
    void monthOutgrowingThePartitionBudgetGetsWeeklyPartitions() {
        // 30 GiB a month: a month exceeds the 10 GiB budget, a week (~6.9 GiB) does not
        Recommendation r = Shapes.auditLog().size(360L * 1024 * MIB, 3_000_000).recommend();

        assertThat(r.interval()).contains(Interval.WEEK);
        assertThat(r.premake()).hasValue(5);
        assertThat(r.migrationStatements()).as("the executor makes monthly partitions only").isEmpty();
    }

    @Test
    void longRetentionOfSmallMonthsGetsQuarterlyPartitions() {
        Recommendation r = Shapes.auditLog().policy(300, 2).recommend();

        assertThat(r.interval()).contains(Interval.QUARTER);
        assertThat(r.estimate("partition_count").orElseThrow().value()).hasValue(100 + 2 + 1);
    }

    @Test
    void managedPolicyDecidesRetentionAndPremake() {
        Recommendation r = Shapes.auditLog().policy(6, 4).recommend();

        assertThat(r.retentionMonths()).hasValue(6);
        assertThat(r.premake()).hasValue(4);
        assertThat(r.advice(Advice.Kind.RETENTION).get(0).basis()).contains("the inventory's policy");
    }

    @Test
    void withoutDeletesNoRetentionIsInvented() {
        Recommendation r = Shapes.auditLog().recommend();

        assertThat(r.retentionMonths()).isEmpty();
        assertThat(r.advice(Advice.Kind.RETENTION).get(0).message()).contains("no retention observed",
                "spans 12 months");
    }

    @Test
    void estimatesAreDerivedFromTheTablesOwnData() {
        Recommendation r = Shapes.auditLog().recommend();
        double bytesPerRow = 600.0 * MIB / 3_000_000;

        assertThat(r.estimate("rows_per_month").orElseThrow().value().getAsDouble()).isEqualTo(250_000);
        assertThat(r.estimate("partition_count").orElseThrow().value()).hasValue(12 + 2 + 1);
        assertThat(r.estimate("share_touched_7_day_query").orElseThrow().value().getAsDouble())
                .isCloseTo((1 + 7 / Interval.MONTH.days()) / 12, within(1e-6));
        assertThat(r.estimate("share_touched_30_day_query").orElseThrow().value().getAsDouble())
                .isCloseTo((1 + 30 / Interval.MONTH.days()) / 12, within(1e-6));
        assertThat(r.estimate("bytes_freed_per_month_drop").orElseThrow().value().getAsDouble())
                .isCloseTo(250_000 * bytesPerRow, within(1.0));
        assertThat(r.estimate("bytes_freed_per_month_delete").orElseThrow().value()).hasValue(0);
        assertThat(r.estimate("query_speedup").orElseThrow().value()).as("only a benchmark can tell").isEmpty();
    }

    @Test
    void castsAndDateTruncOnTheKeyGetPruningRewrites() {
        Recommendation r = Shapes.auditLog()
                .query("SELECT * FROM audit_logs_legacy WHERE created_at::text LIKE $1", 500, 40)
                .query("SELECT count(*) FROM audit_logs_legacy a WHERE date_trunc($1, a.created_at) = $2", 100, 90)
                .query("SELECT date_trunc('month', created_at), count(*) FROM audit_logs_legacy "
                        + "WHERE created_at >= $1 GROUP BY 1", 100, 90)
                .recommend();

        assertThat(r.advice(Advice.Kind.QUERY_REWRITE)).hasSize(2)
                .anySatisfy(a -> {
                    assertThat(a.message()).contains("created_at::text", "cast of created_at to text");
                    assertThat(a.sql()).hasValueSatisfying(s -> assertThat(s)
                            .startsWith("WHERE created_at >= $from AND created_at < $to"));
                })
                .anySatisfy(a -> assertThat(a.message()).contains("date_trunc($1, a.created_at)"));
    }

    @Test
    void equalityWithTimeRangeGetsACompositeIndexUnlessOneExists() {
        String q = "SELECT * FROM audit_logs_legacy WHERE user_id = $1 AND created_at >= $2 ORDER BY created_at";
        Recommendation without = Shapes.auditLog().query(q, 1000, 12).recommend();
        Recommendation with = Shapes.auditLog().index("by_user", MIB, 10, "user_id", "created_at").query(q, 1000, 12)
                .recommend();

        assertThat(without.advice(Advice.Kind.INDEX)).anySatisfy(a -> assertThat(a.sql()).contains(
                "CREATE INDEX ON \"public\".\"audit_logs_legacy\" (\"user_id\", \"created_at\");"));
        assertThat(with.advice(Advice.Kind.INDEX)).noneSatisfy(a -> assertThat(a.message()).contains("composite"));
    }

    @Test
    void statementsWithoutTheKeyAreWarnedToVisitEveryPartition() {
        Recommendation r = Shapes.auditLog().query("SELECT * FROM audit_logs_legacy WHERE user_id = $1", 700, 3)
                .query("INSERT INTO audit_logs_legacy (user_id) VALUES ($1)", 10_000, 0.1).recommend();

        assertThat(r.advice(Advice.Kind.WARNING)).anySatisfy(a -> assertThat(a.message())
                .contains("1 observed statement(s) (700 calls) do not filter by created_at", "all 15 partitions"));
    }

    @Test
    void listSubPartitioningOnlyWhenReadsPickOneCategoryAndPartitionsAreBig() {
        String byTenant = "SELECT * FROM audit_logs_legacy WHERE tenant = $1 AND created_at >= $2";
        // 250k rows a month at ~140 KiB a row: ~33 GiB a month, weekly partitions of ~7.7 GiB
        Recommendation big = Shapes.auditLog().size(400L * 1024 * MIB, 3_000_000).category("tenant", 8)
                .query(byTenant, 9_000, 5).query("SELECT * FROM audit_logs_legacy WHERE id = $1", 1_000, 1)
                .recommend();
        Recommendation small = Shapes.auditLog().category("tenant", 8).query(byTenant, 9_000, 5).recommend();
        Recommendation mixed = Shapes.auditLog().size(400L * 1024 * MIB, 3_000_000).category("tenant", 8)
                .query(byTenant, 5_000, 5).query("SELECT * FROM audit_logs_legacy WHERE id = $1", 5_000, 1)
                .recommend();

        assertThat(big.strategy()).contains("RANGE+LIST");
        assertThat(small.strategy()).contains("RANGE");
        assertThat(mixed.strategy()).contains("RANGE");
    }

    @Test
    void alreadyPartitionedTableGetsAdviceForIndexesOnSinglePartitions() {
        Recommendation r = Shapes.table("audit_logs").partitioned(15)
                .timeColumn("created_at", 0, 1, MONTH.minusMonths(11), MONTH, 1000)
                .partitionOnlyIndex("audit_logs_p2026_10_user_id_idx", "user_id").recommend();

        assertThat(r.priority()).isEqualTo(Priority.NOT_RECOMMENDED);
        assertThat(r.advice(Advice.Kind.REASON).get(0).message()).contains("already partitioned (15 partitions)");
        assertThat(r.advice(Advice.Kind.INDEX)).singleElement().satisfies(a -> {
            assertThat(a.message()).contains("exists on single partitions only");
            assertThat(a.sql()).contains("CREATE INDEX ON \"public\".\"audit_logs\" USING btree (user_id);");
        });
    }

    @Test
    void unusedIndexIsLeftOutOfThePartitionedTable() {
        Recommendation r = Shapes.auditLog().index("audit_logs_legacy_action_idx", 30 * MIB, 0, "action").recommend();

        assertThat(r.advice(Advice.Kind.INDEX)).anySatisfy(a -> assertThat(a.message())
                .contains("audit_logs_legacy_action_idx was not used", "30.0 MiB"));
    }

    @Test
    void withoutPgStatStatementsTheAdviceSaysQueriesAreUnknown() {
        Recommendation r = PartitioningAdvisor.recommend(Shapes.auditLog().build(),
                new DatabaseContext(128 * MIB, false), AnalysisSettings.defaults(), Shapes.NOW);

        assertThat(r.advice(Advice.Kind.WARNING)).anySatisfy(a -> assertThat(a.message())
                .contains("pg_stat_statements is not available"));
    }

    @Test
    void timeFilteredReadsRaiseThePriorityEvenThroughACast() {
        // 40 MiB is LOW on size alone; reads that filter by the key (here through a cast) add one step
        Recommendation r = Shapes.auditLog().size(40 * MIB, 200_000)
                .query("SELECT id FROM audit_logs_legacy WHERE created_at::text LIKE $1", 10, 500)
                .query("SELECT * FROM audit_logs_legacy WHERE id = $1", 100, 1)
                .query("INSERT INTO audit_logs_legacy (user_id) SELECT i FROM generate_series(1, $1) i", 1, 90_000)
                .recommend();

        assertThat(r.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(r.advice(Advice.Kind.REASON)).anySatisfy(a -> assertThat(a.message())
                .contains("98% of the time of statements finding rows filters by created_at"));
    }
}
