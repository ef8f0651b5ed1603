package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.RunMember;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The final outcome of one command, as the executor reported it.
 *
 * @param sql statements run, or for a dry run the statements that would run
 * @param findings validation findings (validate commands)
 * @param partitions the table's partitions and sizes after the run (validate commands)
 */
public record Outcome(String eventId, String runId, Instant occurredAt, String commandId, TableName table,
        CommandKind operation, String partition, CommandStatus status, boolean dryRun, List<String> sql,
        long durationMillis, int attempts, long rowsMoved, String detail, String errorClass, String sqlState,
        String errorMessage, List<Finding> findings, List<PartitionSize> partitions) implements RunMember.Item {

    public Outcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        sql = sql == null ? List.of() : List.copyOf(sql);
        findings = findings == null ? List.of() : List.copyOf(findings);
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** An outcome is its command's item. */
    @Override
    public String itemId() {
        return commandId;
    }
}
