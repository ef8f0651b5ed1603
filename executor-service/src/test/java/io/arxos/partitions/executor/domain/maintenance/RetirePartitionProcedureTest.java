package io.arxos.partitions.executor.domain.maintenance;

import static io.arxos.partitions.executor.domain.maintenance.Commands.defaultPartition;
import static io.arxos.partitions.executor.domain.maintenance.Commands.detach;
import static io.arxos.partitions.executor.domain.maintenance.Commands.drop;
import static io.arxos.partitions.executor.domain.maintenance.Commands.month;
import static io.arxos.partitions.executor.domain.maintenance.Commands.policy;
import static io.arxos.partitions.executor.domain.maintenance.Commands.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetirePartitionProcedureTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final PartitionRange OCT_2025 = PartitionRange.ofMonth(YearMonth.of(2025, 10));

    @Test
    void dropsInOneGuardedTransaction() {
        Procedure procedure = RetirePartitionProcedure.plan(policy(RetentionAction.DROP),
                drop("audit_logs_p2025_10", OCT_2025), state(List.of(month("2025-10"), defaultPartition()), 0), NOW);

        Step step = ((Procedure.Steps) procedure).steps().get(0);
        assertThat(step.statements()).containsExactly("DROP TABLE \"public\".\"audit_logs_p2025_10\"");
        assertThat(step.precondition()).get().satisfies(p -> {
            assertThat(p.countQuery()).isEqualTo("SELECT count(*) FROM \"public\".\"audit_logs_p2025_10\" WHERE"
                    + " \"created_at\" >= '2025-11-25 10:00:00+00'");
            assertThat(p.message(3)).startsWith("3 rows of audit_logs_p2025_10 are at or after the retention cutoff");
        });
        assertThat(step.exclusiveLocks()).contains("audit_logs", "audit_logs_p2025_10");
    }

    @Test
    void detachesIntoTheArchiveSchema() {
        Procedure procedure = RetirePartitionProcedure.plan(policy(RetentionAction.DETACH),
                detach("audit_logs_p2025_10", OCT_2025, "partition_archive"),
                state(List.of(month("2025-10")), 0), NOW);

        assertThat(((Procedure.Steps) procedure).allStatements()).containsExactly(
                "ALTER TABLE \"public\".\"audit_logs\" DETACH PARTITION \"public\".\"audit_logs_p2025_10\"",
                "CREATE SCHEMA IF NOT EXISTS \"partition_archive\"",
                "ALTER TABLE \"public\".\"audit_logs_p2025_10\" SET SCHEMA \"partition_archive\"");
    }

    @Test
    void aMissingPartitionMeansAlreadyApplied() {
        Procedure procedure = RetirePartitionProcedure.plan(policy(RetentionAction.DROP),
                drop("audit_logs_p2025_10", OCT_2025), state(List.of(defaultPartition()), 0), NOW);
        assertThat(procedure).isInstanceOf(Procedure.AlreadyApplied.class);
    }

    @Test
    void refusesWhenTheBoundsChangedSincePlanning() {
        TableState.Child other = new TableState.Child("audit_logs_p2025_10", "public",
                Optional.of(PartitionRange.ofMonth(YearMonth.of(2025, 9))));
        Procedure procedure = RetirePartitionProcedure.plan(policy(RetentionAction.DROP),
                drop("audit_logs_p2025_10", OCT_2025), state(List.of(other), 0), NOW);
        assertThat(((Procedure.Refused) procedure).rejection().message()).contains("as the command says");
    }

    @Test
    void refusesToOverwriteAnArchivedTable() {
        TableState archived = new TableState(KeyType.TIMESTAMPTZ, List.of(month("2025-10")), List.of(),
                Optional.empty(), 0, TableState.ConstraintState.ABSENT, true);
        Procedure procedure = RetirePartitionProcedure.plan(policy(RetentionAction.DETACH),
                detach("audit_logs_p2025_10", OCT_2025, "partition_archive"), archived, NOW);
        assertThat(((Procedure.Refused) procedure).rejection().message()).contains("already exists");
    }
}
