package io.arxos.partitions.executor.domain.maintenance;

import static io.arxos.partitions.executor.domain.maintenance.Commands.create;
import static io.arxos.partitions.executor.domain.maintenance.Commands.defaultPartition;
import static io.arxos.partitions.executor.domain.maintenance.Commands.month;
import static io.arxos.partitions.executor.domain.maintenance.Commands.policy;
import static io.arxos.partitions.executor.domain.maintenance.Commands.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatePartitionProcedureTest {

    private static final TablePolicy POLICY = policy(RetentionAction.DROP);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void withAnEmptyDefaultPartitionValidatesAnExclusionBeforeAttachingSoNothingIsScannedUnderLock() {
        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-12"),
                state(List.of(month("2026-11"), defaultPartition()), 0), NOW);

        Procedure.Steps steps = (Procedure.Steps) procedure;
        assertThat(steps.steps()).extracting(Step::name)
                .containsExactly("create_table", "exclude_range_from_default", "validate_exclusion", "attach");
        assertThat(steps.allStatements()).containsExactly(
                "CREATE TABLE \"public\".\"audit_logs_p2026_12\" (LIKE \"public\".\"audit_logs\" INCLUDING DEFAULTS"
                        + " INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING STORAGE INCLUDING COMMENTS"
                        + " INCLUDING GENERATED)",
                "ALTER TABLE \"public\".\"audit_logs_p2026_12\" ADD CONSTRAINT \"audit_logs_p2026_12_bounds\" CHECK"
                        + " (\"created_at\" IS NOT NULL AND \"created_at\" >= '2026-12-01 00:00:00+00' AND"
                        + " \"created_at\" < '2027-01-01 00:00:00+00')",
                "ALTER TABLE \"public\".\"audit_logs_p_default\" ADD CONSTRAINT \"audit_logs_p2026_12_excl\" CHECK"
                        + " (NOT (\"created_at\" >= '2026-12-01 00:00:00+00' AND \"created_at\" <"
                        + " '2027-01-01 00:00:00+00')) NOT VALID",
                "ALTER TABLE \"public\".\"audit_logs_p_default\" VALIDATE CONSTRAINT \"audit_logs_p2026_12_excl\"",
                "ALTER TABLE \"public\".\"audit_logs\" ATTACH PARTITION \"public\".\"audit_logs_p2026_12\" FOR VALUES"
                        + " FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')",
                "ALTER TABLE \"public\".\"audit_logs_p_default\" DROP CONSTRAINT IF EXISTS"
                        + " \"audit_logs_p2026_12_excl\"",
                "ALTER TABLE \"public\".\"audit_logs_p2026_12\" DROP CONSTRAINT IF EXISTS"
                        + " \"audit_logs_p2026_12_bounds\"");
        assertThat(steps.steps().get(2).retriableStates()).contains("23514");
        assertThat(steps.steps().get(3).isFinal()).isTrue();
        assertThat(steps.compensation()).singleElement().asString().contains("DROP CONSTRAINT IF EXISTS");
    }

    @Test
    void withRowsInTheDefaultPartitionMovesAndAttachesInOneTransaction() {
        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-03"),
                state(List.of(month("2026-11"), defaultPartition()), 120), NOW);

        Step step = ((Procedure.Steps) procedure).steps().get(0);
        assertThat(((Procedure.Steps) procedure).steps()).hasSize(1);
        assertThat(step.name()).isEqualTo("move_rows_and_attach");
        assertThat(step.statements().get(step.movedRowsStatement())).isEqualTo(
                "WITH moved AS (DELETE FROM \"public\".\"audit_logs_p_default\" WHERE \"created_at\" >="
                        + " '2026-03-01 00:00:00+00' AND \"created_at\" < '2026-04-01 00:00:00+00' RETURNING id,"
                        + " user_id, created_at) INSERT INTO \"public\".\"audit_logs_p2026_03\" (id, user_id,"
                        + " created_at) OVERRIDING SYSTEM VALUE SELECT id, user_id, created_at FROM moved");
        assertThat(step.statements().get(step.movedRowsStatement() + 1)).startsWith("ALTER TABLE \"public\"."
                + "\"audit_logs\" ATTACH PARTITION");
        assertThat(step.isFinal()).isTrue();
    }

    @Test
    void theCurrentMonthIsNeverFencedOffFromWritersEvenWithoutRowsToMove() {
        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-11"),
                state(List.of(defaultPartition()), 0), NOW);

        Step step = ((Procedure.Steps) procedure).steps().get(0);
        assertThat(((Procedure.Steps) procedure).steps()).hasSize(1);
        assertThat(step.name()).isEqualTo("move_rows_and_attach");
        assertThat(step.statements()).noneMatch(s -> s.contains("NOT VALID"))
                .contains("LOCK TABLE \"public\".\"audit_logs_p_default\" IN EXCLUSIVE MODE");
        assertThat(step.retriableStates()).contains("23514");
    }

    @Test
    void withoutADefaultPartitionOnlyCreatesAndAttaches() {
        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-12"), state(List.of(), 0), NOW);

        assertThat(((Procedure.Steps) procedure).steps()).extracting(Step::name)
                .containsExactly("create_table", "attach");
    }

    @Test
    void aPartitionWithTheSameBoundsMeansAlreadyApplied() {
        assertThat(CreatePartitionProcedure.plan(POLICY, create("2026-12"),
                state(List.of(month("2026-12"), defaultPartition()), 0), NOW))
                .isEqualTo(new Procedure.AlreadyApplied("partition audit_logs_p2026_12 already exists"));
    }

    @Test
    void refusesToOverlapAHandMadePartition() {
        TableState.Child custom = new TableState.Child("audit_custom", "public", Optional.of(new PartitionRange(
                LocalDateTime.parse("2026-12-15T00:00"), LocalDateTime.parse("2027-01-15T00:00"))));

        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-12"), state(List.of(custom), 0),
                NOW);

        assertThat(procedure).isInstanceOf(Procedure.Refused.class);
        assertThat(((Procedure.Refused) procedure).rejection().message()).contains("would overlap audit_custom");
    }

    @Test
    void resumesFromItsOwnStandaloneTableLeftByAnInterruptedAttempt() {
        TableState resumed = new TableState(KeyType.TIMESTAMPTZ, List.of(defaultPartition()), List.of("id"),
                Optional.of(new TableState.SameNameTable(false, true, true, 0)), 0,
                TableState.ConstraintState.NOT_VALID, false);

        Procedure procedure = CreatePartitionProcedure.plan(POLICY, create("2026-12"), resumed, NOW);

        assertThat(((Procedure.Steps) procedure).steps()).extracting(Step::name)
                .containsExactly("validate_exclusion", "attach");
    }

    @Test
    void refusesToAdoptATableItDidNotCreate() {
        TableState foreign = new TableState(KeyType.TIMESTAMPTZ, List.of(), List.of("id"),
                Optional.of(new TableState.SameNameTable(false, true, false, 10)), 0,
                TableState.ConstraintState.ABSENT, false);

        assertThat(CreatePartitionProcedure.plan(POLICY, create("2026-12"), foreign, NOW))
                .isInstanceOf(Procedure.Refused.class);
    }

    @Test
    void refusesWhenTheTablesKeyTypeDiffersFromTheCommand() {
        TableState naive = new TableState(KeyType.TIMESTAMP, List.of(), List.of("id"), Optional.empty(), 0,
                TableState.ConstraintState.ABSENT, false);

        assertThat(CreatePartitionProcedure.plan(POLICY, create("2026-12"), naive, NOW))
                .isInstanceOf(Procedure.Refused.class);
    }

    @Test
    void rendersNaiveBoundsForTimestampKeys() {
        PartitionDdl ddl = new PartitionDdl(POLICY.table(), POLICY.partitionKey(), KeyType.TIMESTAMP);
        assertThat(ddl.attach(io.arxos.partitions.core.Identifier.of("audit_logs_p2024_02"),
                PartitionRange.ofMonth(java.time.YearMonth.of(2024, 2)))).endsWith(
                        "FOR VALUES FROM ('2024-02-01 00:00:00') TO ('2024-03-01 00:00:00')");
    }

    @Test
    void keepsLongConstraintNamesWithinTheIdentifierLimitDeterministically() {
        var longName = io.arxos.partitions.core.Identifier.of("t".repeat(54) + "_p2024_01");
        var name = PartitionDdl.boundsConstraint(longName);
        assertThat(name.value()).hasSizeLessThanOrEqualTo(63).endsWith("_bounds")
                .isEqualTo(PartitionDdl.boundsConstraint(longName).value());
    }
}
