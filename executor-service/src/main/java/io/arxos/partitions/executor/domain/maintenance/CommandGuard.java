package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The executor's own safety rules, checked before any SQL runs and independent of what the planner believed: the
 * table must be in this executor's inventory, created bounds must be whole months named by the convention, and a
 * drop or detach must lie wholly before this executor's retention cutoff.
 */
public final class CommandGuard {

    private CommandGuard() {
    }

    public static Optional<Rejection> check(ExecutorCommand command, Optional<TablePolicy> policy, Instant now) {
        if (policy.isEmpty()) {
            return Optional.of(new Rejection(Rejection.Rule.TABLE_NOT_MANAGED, "table " + command.header().table()
                    + " is not managed by this executor (not in its inventory)"));
        }
        TablePolicy p = policy.get();
        if (command instanceof ExecutorCommand.CreatePartition create) {
            return checkCreate(create, p, now);
        }
        if (command instanceof ExecutorCommand.DropPartition drop) {
            return checkRetire(drop, p, now, RetentionAction.DROP);
        }
        if (command instanceof ExecutorCommand.DetachPartition detach) {
            Optional<Rejection> retire = checkRetire(detach, p, now, RetentionAction.DETACH);
            if (retire.isPresent()) {
                return retire;
            }
            if (!detach.archiveSchema().equals(p.archiveSchema())) {
                return Optional.of(new Rejection(Rejection.Rule.POLICY_MISMATCH, "archive schema '"
                        + detach.archiveSchema() + "' differs from the policy's '" + p.archiveSchema() + "' for "
                        + p.table()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkCreate(ExecutorCommand.CreatePartition create, TablePolicy policy,
            Instant now) {
        Optional<YearMonth> month = create.range().asMonth();
        if (month.isEmpty()) {
            return Optional.of(new Rejection(Rejection.Rule.BOUNDS_NOT_ALIGNED, "bounds " + describe(create.range())
                    + " of " + create.partition() + " are not one whole month (the table's interval is monthly)"));
        }
        String expected = PartitionNaming.monthly(policy.table().table(), month.get()).value();
        if (!create.partition().value().equals(expected)) {
            return Optional.of(new Rejection(Rejection.Rule.NAME_NOT_CONVENTIONAL, "partition name '"
                    + create.partition() + "' does not follow the convention; " + month.get() + " must be named "
                    + expected));
        }
        if (policy.isExpired(create.range(), now)) {
            // retention would drop it again, and rows of expired months must stay where they are
            return Optional.of(new Rejection(Rejection.Rule.PAST_RETENTION, "create of " + create.partition()
                    + " refused: " + month.get() + " ends at or before the retention cutoff "
                    + policy.retentionCutoff(now) + " (" + policy.retentionMonths() + " months)"));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkRetire(ExecutorCommand.PartitionCommand command, TablePolicy policy,
            Instant now, RetentionAction action) {
        String name = command.partition().value();
        if (name.equals(policy.table().table().value()) || name.equals(policy.defaultPartition().value())) {
            return Optional.of(new Rejection(Rejection.Rule.PROTECTED_TABLE, command.operation().label()
                    + " of '" + name + "' refused: it is the parent or the default partition of " + policy.table()));
        }
        if (policy.retentionAction() != action) {
            return Optional.of(new Rejection(Rejection.Rule.POLICY_MISMATCH, command.operation().label() + " of "
                    + name + " refused: the retention action for " + policy.table() + " is "
                    + policy.retentionAction().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (!policy.isExpired(command.range(), now)) {
            return Optional.of(new Rejection(Rejection.Rule.INSIDE_RETENTION, command.operation().label() + " of "
                    + name + " refused: its range ends " + command.range().to() + ", after the retention cutoff "
                    + policy.retentionCutoff(now) + " (" + policy.retentionMonths() + " months)"));
        }
        return Optional.empty();
    }

    static String describe(PartitionRange range) {
        return "[" + (range.lowerUnbounded() ? "MINVALUE" : range.from()) + ", "
                + (range.upperUnbounded() ? "MAXVALUE" : range.to()) + ")";
    }
}
