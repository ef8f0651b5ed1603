package io.arxos.partitions.executor.domain.maintenance;

import static io.arxos.partitions.executor.domain.maintenance.Commands.create;
import static io.arxos.partitions.executor.domain.maintenance.Commands.detach;
import static io.arxos.partitions.executor.domain.maintenance.Commands.drop;
import static io.arxos.partitions.executor.domain.maintenance.Commands.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.executor.domain.maintenance.Rejection.Rule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void refusesTablesOutsideTheInventory() {
        Optional<Rejection> r = CommandGuard.check(create("2026-12"), Optional.empty(), NOW);
        assertThat(r).get().extracting(Rejection::rule).isEqualTo(Rule.TABLE_NOT_MANAGED);
        assertThat(r.get().message()).contains("arxos/public.audit_logs").contains("not managed");
    }

    @Test
    void acceptsAWholeMonthNamedByTheConvention() {
        assertThat(CommandGuard.check(create("2026-12"), Optional.of(policy(RetentionAction.DROP)), NOW)).isEmpty();
    }

    @Test
    void refusesBoundsNotAlignedToTheMonth() {
        PartitionRange midMonth = new PartitionRange(LocalDateTime.parse("2026-12-15T00:00"),
                LocalDateTime.parse("2027-01-15T00:00"));
        var command = new ExecutorCommand.CreatePartition(Commands.header(Operation.CREATE_PARTITION, midMonth),
                Identifier.of("audit_logs_p2026_12"), midMonth, KeyType.TIMESTAMPTZ);

        assertThat(CommandGuard.check(command, Optional.of(policy(RetentionAction.DROP)), NOW)).get()
                .satisfies(r -> {
                    assertThat(r.rule()).isEqualTo(Rule.BOUNDS_NOT_ALIGNED);
                    assertThat(r.message()).contains("2026-12-15T00:00");
                });
    }

    @Test
    void refusesANameThatDoesNotMatchTheMonth() {
        PartitionRange dec = PartitionRange.ofMonth(YearMonth.of(2026, 12));
        var command = new ExecutorCommand.CreatePartition(Commands.header(Operation.CREATE_PARTITION, dec),
                Identifier.of("audit_logs_p2027_01"), dec, KeyType.TIMESTAMPTZ);

        assertThat(CommandGuard.check(command, Optional.of(policy(RetentionAction.DROP)), NOW)).get()
                .extracting(Rejection::message).asString().contains("must be named audit_logs_p2026_12");
    }

    @Test
    void refusesToCreateAMonthRetentionWouldDropAgain() {
        Optional<Rejection> r = CommandGuard.check(create("2025-10"), Optional.of(policy(RetentionAction.DROP)), NOW);

        assertThat(r).get().extracting(Rejection::rule).isEqualTo(Rule.PAST_RETENTION);
        assertThat(r.get().message()).contains("2025-10").contains("2025-11-25T10:00");
    }

    @Test
    void refusesToDropAPartitionThePolicyStillRetains() {
        PartitionRange nov2025 = PartitionRange.ofMonth(YearMonth.of(2025, 11));
        Optional<Rejection> r = CommandGuard.check(drop("audit_logs_p2025_11", nov2025),
                Optional.of(policy(RetentionAction.DROP)), NOW);

        assertThat(r).get().extracting(Rejection::rule).isEqualTo(Rule.INSIDE_RETENTION);
        assertThat(r.get().message()).contains("2025-12-01T00:00").contains("2025-11-25T10:00");
    }

    @Test
    void allowsDroppingAPartitionWhollyBeforeTheCutoff() {
        PartitionRange oct2025 = PartitionRange.ofMonth(YearMonth.of(2025, 10));
        assertThat(CommandGuard.check(drop("audit_logs_p2025_10", oct2025), Optional.of(policy(RetentionAction.DROP)),
                NOW)).isEmpty();
    }

    @Test
    void neverDropsTheDefaultPartitionOrTheParent() {
        PartitionRange old = PartitionRange.ofMonth(YearMonth.of(2020, 1));
        assertThat(CommandGuard.check(drop("audit_logs_p_default", old), Optional.of(policy(RetentionAction.DROP)),
                NOW)).get().extracting(Rejection::rule).isEqualTo(Rule.PROTECTED_TABLE);
        assertThat(CommandGuard.check(drop("audit_logs", old), Optional.of(policy(RetentionAction.DROP)), NOW)).get()
                .extracting(Rejection::rule).isEqualTo(Rule.PROTECTED_TABLE);
    }

    @Test
    void followsThePolicysRetentionActionNotTheCommands() {
        PartitionRange old = PartitionRange.ofMonth(YearMonth.of(2020, 1));
        assertThat(CommandGuard.check(drop("audit_logs_p2020_01", old), Optional.of(policy(RetentionAction.DETACH)),
                NOW)).get().extracting(Rejection::rule).isEqualTo(Rule.POLICY_MISMATCH);
        assertThat(CommandGuard.check(detach("audit_logs_p2020_01", old, "elsewhere"),
                Optional.of(policy(RetentionAction.DETACH)), NOW)).get().extracting(Rejection::message).asString()
                .contains("'elsewhere'");
    }

    @Test
    void commandIdsDependOnTheChangeOnly() {
        PartitionRange dec = PartitionRange.ofMonth(YearMonth.of(2026, 12));
        assertThat(CommandId.forChange(Commands.AUDIT, Operation.CREATE_PARTITION, dec).value())
                .isEqualTo("create_partition:arxos/public.audit_logs:2026-12");
    }
}
