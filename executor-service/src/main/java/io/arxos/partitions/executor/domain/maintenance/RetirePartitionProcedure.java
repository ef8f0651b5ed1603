package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.maintenance.Rejection.Rule;
import io.arxos.partitions.executor.domain.maintenance.TableState.Child;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dropping or detaching an expired partition: one short transaction that needs ACCESS EXCLUSIVE on the parent (no
 * CONCURRENTLY while a default partition exists), guarded inside that transaction by a count of rows at or after the
 * cutoff, which must be zero.
 */
public final class RetirePartitionProcedure {

    private RetirePartitionProcedure() {
    }

    public static Procedure plan(TablePolicy policy, ExecutorCommand.PartitionCommand command, TableState state,
            Instant now) {
        Identifier partition = command.partition();
        Optional<Child> child = state.child(partition.value());
        boolean detach = command instanceof ExecutorCommand.DetachPartition;
        if (child.isEmpty()) {
            if (state.sameNameTable().isPresent()) {
                return refused(partition + " exists but is not a partition of " + policy.table());
            }
            if (detach && state.archivedTableExists()) {
                return new Procedure.AlreadyApplied(partition + " is already detached to " + policy.archiveSchema());
            }
            return new Procedure.AlreadyApplied(partition + " does not exist; nothing to " + (detach ? "detach"
                    : "drop"));
        }
        if (child.get().isDefault()) {
            return refused(partition + " is the default partition of " + policy.table());
        }
        if (!child.get().range().orElseThrow().equals(command.range())) {
            return refused(partition + " has bounds " + CommandGuard.describe(child.get().range().orElseThrow())
                    + ", not " + CommandGuard.describe(command.range()) + " as the command says");
        }
        if (!child.get().schema().equals(policy.table().schema().value())) {
            return refused(partition + " lives in schema " + child.get().schema() + ", not "
                    + policy.table().schema());
        }
        if (detach && state.archivedTableExists()) {
            return refused(policy.archiveSchema() + "." + partition + " already exists; the detached partition "
                    + "cannot be moved there");
        }
        PartitionDdl ddl = new PartitionDdl(policy.table(), policy.partitionKey(), state.keyType());
        LocalDateTime cutoff = policy.retentionCutoff(now);
        Step.Precondition noRecentRows = new Step.Precondition(ddl.countRowsFrom(partition, cutoff),
                Rule.INSIDE_RETENTION, "%d rows of " + partition + " are at or after the retention cutoff " + cutoff
                        + "; nothing was " + (detach ? "detached" : "dropped"));
        List<String> statements = detach
                ? List.of(ddl.detach(partition), ddl.createArchiveSchema(policy.archiveSchema()),
                        ddl.moveToArchive(partition, policy.archiveSchema()))
                : List.of(ddl.drop(partition));
        Step step = Step.of(detach ? "detach" : "drop", statements,
                Set.of(policy.table().table().value(), partition.value())).withPrecondition(noRecentRows).asFinal();
        return new Procedure.Steps(List.of(step), List.of());
    }

    private static Procedure refused(String message) {
        return new Procedure.Refused(new Rejection(Rule.STATE_CONFLICT, message));
    }
}
