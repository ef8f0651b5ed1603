package io.arxos.partitions.executor.domain.maintenance;

import static io.arxos.partitions.executor.domain.maintenance.Commands.create;
import static io.arxos.partitions.executor.domain.maintenance.Commands.defaultPartition;
import static io.arxos.partitions.executor.domain.maintenance.Commands.month;
import static io.arxos.partitions.executor.domain.maintenance.Commands.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.Alone;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.Plan;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.Settled;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.Together;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand.CreatePartition;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatePartitionBatchTest {

    private static final TablePolicy POLICY = policy(RetentionAction.DROP);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long SMALL = 1024 * 1024;
    private static final List<CreatePartition> PREMAKE = List.of(create("2026-12"), create("2027-01"),
            create("2027-02"));

    @Test
    void futureMonthsBesideASmallDefaultPartitionAreCreatedAndAttachedInOneTransaction() {
        Plan plan = CreatePartitionBatch.plan(POLICY, PREMAKE, inspection(8192, Map.of()), NOW, SMALL);

        assertThat(plan.decisions()).allMatch(Together.class::isInstance);
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.step().name()).isEqualTo("create_and_attach");
            assertThat(s.step().isFinal()).isTrue();
            assertThat(s.step().retriableStates()).contains("23514");
            assertThat(s.step().exclusiveLocks()).contains("audit_logs_p_default").doesNotContain("audit_logs");
        });
        assertThat(plan.statementsOf(PREMAKE.get(1).header().id())).containsExactly(
                "CREATE TABLE \"public\".\"audit_logs_p2027_01\" (LIKE \"public\".\"audit_logs\" INCLUDING DEFAULTS"
                        + " INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING STORAGE INCLUDING COMMENTS"
                        + " INCLUDING GENERATED)",
                "ALTER TABLE \"public\".\"audit_logs\" ATTACH PARTITION \"public\".\"audit_logs_p2027_01\" FOR VALUES"
                        + " FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00')");
        assertThat(plan.steps().get(0).step().statements()).hasSize(6)
                .noneMatch(s -> s.contains("ADD CONSTRAINT") || s.contains("DROP CONSTRAINT"));
        assertThat(plan.compensation()).isEmpty();
    }

    @Test
    void aLargeDefaultPartitionIsFencedOffOnceForAllMonthsBeforeTheyAreAttached() {
        Plan plan = CreatePartitionBatch.plan(POLICY, PREMAKE, inspection(64 * SMALL, Map.of()), NOW, SMALL);

        assertThat(plan.steps()).extracting(s -> s.step().name())
                .containsExactly("exclude_ranges_from_default", "validate_exclusion", "create_and_attach");
        assertThat(plan.steps().get(0).step().statements()).containsExactly(
                "ALTER TABLE \"public\".\"audit_logs_p_default\" ADD CONSTRAINT \"audit_logs_p_default_batch_excl\""
                        + " CHECK (NOT (\"created_at\" >= '2026-12-01 00:00:00+00' AND \"created_at\" <"
                        + " '2027-03-01 00:00:00+00')) NOT VALID");
        assertThat(plan.steps().get(1).step().statements()).containsExactly(
                "ALTER TABLE \"public\".\"audit_logs_p_default\" VALIDATE CONSTRAINT"
                        + " \"audit_logs_p_default_batch_excl\"");
        assertThat(plan.steps().get(1).step().retriableStates()).contains("23514");
        assertThat(plan.steps().get(2).step().statements()).last().isEqualTo(
                "ALTER TABLE \"public\".\"audit_logs_p_default\" DROP CONSTRAINT IF EXISTS"
                        + " \"audit_logs_p_default_batch_excl\"");
        assertThat(plan.compensation()).singleElement().asString().contains("DROP CONSTRAINT IF EXISTS");
        // every command's ledger row and outcome carry the shared statements and its own, not its siblings'
        assertThat(plan.statementsOf(PREMAKE.get(0).header().id())).hasSize(5)
                .noneMatch(s -> s.contains("audit_logs_p2027_01") || s.contains("audit_logs_p2027_02"));
    }

    @Test
    void monthsThatAreNotContiguousAreExcludedEachInTheSharedConstraint() {
        List<CreatePartition> gap = List.of(create("2026-12"), create("2027-02"));

        Plan plan = CreatePartitionBatch.plan(POLICY, gap, inspection(64 * SMALL, Map.of()), NOW, SMALL);

        assertThat(plan.steps().get(0).step().statements().get(0)).contains(
                "CHECK (NOT ((\"created_at\" >= '2026-12-01 00:00:00+00' AND \"created_at\" < '2027-01-01 00:00:00+00')"
                        + " OR (\"created_at\" >= '2027-02-01 00:00:00+00' AND \"created_at\" <"
                        + " '2027-03-01 00:00:00+00'))) NOT VALID");
    }

    @Test
    void monthsWithRowsToMoveTheCurrentMonthAndExistingOnesAreNotBatched() {
        List<CreatePartition> commands = List.of(create("2026-10"), create("2026-11"), create("2026-12"),
                create("2027-01"));
        Map<PartitionRange, Long> rows = Map.of(range("2027-01"), 7L);

        Plan plan = CreatePartitionBatch.plan(POLICY, commands, inspection(8192, rows), NOW, SMALL);

        assertThat(plan.decisions().get(0)).isInstanceOf(Settled.class); // 2026-10 exists already
        assertThat(plan.decisions().get(1)).isInstanceOf(Alone.class); // the current month
        assertThat(plan.decisions().get(2)).isInstanceOf(Together.class);
        assertThat(plan.decisions().get(3)).isInstanceOf(Alone.class); // rows to move out of the default partition
        assertThat(plan.together()).extracting(c -> c.partition().value()).containsExactly("audit_logs_p2026_12");
    }

    @Test
    void aSecondCopyOfTheSameMonthGoesAloneSoItIsNotCreatedTwice() {
        List<CreatePartition> commands = List.of(create("2026-12"), create("2026-12"));

        Plan plan = CreatePartitionBatch.plan(POLICY, commands, inspection(0, Map.of()), NOW, SMALL);

        assertThat(plan.decisions()).hasExactlyElementsOfTypes(Together.class, Alone.class);
        assertThat(plan.steps().get(0).step().statements()).hasSize(2);
    }

    @Test
    void aLeftoverSharedExclusionIsDroppedBeforeTheBatchStarts() {
        Map<String, TableState.ConstraintState> leftover = Map.of("audit_logs_p_default_batch_excl",
                TableState.ConstraintState.NOT_VALID);

        Plan plan = CreatePartitionBatch.plan(POLICY, PREMAKE, new TableInspection(KeyType.TIMESTAMPTZ,
                List.of(month("2026-10"), month("2026-11"), defaultPartition()), List.of("id"), 8192, Map.of(),
                Map.of(), leftover, java.util.Set.of()), NOW, SMALL);

        assertThat(plan.steps().get(0).step().statements().get(0)).isEqualTo(
                "ALTER TABLE \"public\".\"audit_logs_p_default\" DROP CONSTRAINT IF EXISTS"
                        + " \"audit_logs_p_default_batch_excl\"");
    }

    @Test
    void withoutADefaultPartitionTheMonthsAreCreatedAndAttachedTogether() {
        TableInspection noDefault = new TableInspection(KeyType.TIMESTAMPTZ, List.of(month("2026-11")),
                List.of("id"), 0, Map.of(), Map.of(), Map.of(), java.util.Set.of());

        Plan plan = CreatePartitionBatch.plan(POLICY, PREMAKE, noDefault, NOW, SMALL);

        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.step().exclusiveLocks())
                .containsExactlyInAnyOrder("audit_logs_p2026_12", "audit_logs_p2027_01", "audit_logs_p2027_02"));
    }

    private static TableInspection inspection(long defaultBytes, Map<PartitionRange, Long> defaultRows) {
        Map<PartitionRange, Long> rows = new HashMap<>(defaultRows);
        return new TableInspection(KeyType.TIMESTAMPTZ, List.of(month("2026-10"), defaultPartition()),
                List.of("id", "user_id", "created_at"), defaultBytes, Map.of(), rows, Map.of(), java.util.Set.of());
    }

    private static PartitionRange range(String month) {
        return PartitionRange.ofMonth(YearMonth.parse(month));
    }
}
