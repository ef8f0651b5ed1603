package io.arxos.partitions.reporter.kafka.maintenance;

import io.arxos.partitions.events.CommandOperation;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.DatabasePlan;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.maintenance.CommandKind;
import io.arxos.partitions.reporter.domain.maintenance.CommandStatus;
import io.arxos.partitions.reporter.domain.maintenance.Finding;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PartitionSize;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import java.util.List;

/** Translates the Avro events the reporter consumes into its domain records. */
public final class EventMapper {

    private EventMapper() {
    }

    public static PlannedRun plannedRun(RunPlan plan) {
        List<PlannedDatabase> databases = plan.getDatabases().stream().map(EventMapper::database).toList();
        return new PlannedRun(plan.getEnvelope().getRunId(), plan.getTrigger().name(), plan.getDryRun(),
                plan.getEnvelope().getOccurredAt(), plan.getDeadline(), databases, plan.getError());
    }

    private static PlannedDatabase database(DatabasePlan d) {
        List<PlannedTable> tables = d.getTables().stream().map(t -> new PlannedTable(
                new TableName(d.getDatabase(), t.getSchemaName(), t.getTableName()),
                t.getCommands().stream().map(c -> new PlannedCommand(c.getCommandId(), kind(c.getOperation()),
                        c.getPartitionName(), c.getSummary())).toList(),
                t.getNotes().stream().map(EventMapper::finding).toList(),
                t.getValidation() == null ? null : new PlannedRun.SnapshotValidation(
                        t.getValidation().getCommandId(),
                        t.getValidation().getFindings().stream().map(EventMapper::finding).toList(),
                        t.getValidation().getPartitions().stream().map(EventMapper::size).toList()))).toList();
        return new PlannedDatabase(d.getDatabase(), d.getReachable(), d.getError(), tables);
    }

    public static Outcome outcome(CommandOutcome o) {
        TableId t = o.getTable();
        return new Outcome(o.getEnvelope().getEventId().toString(), o.getEnvelope().getRunId(),
                o.getEnvelope().getOccurredAt(), o.getCommandId(),
                new TableName(t.getDatabase(), t.getSchemaName(), t.getTableName()), kind(o.getOperation()),
                o.getPartitionName(), status(o.getStatus()), o.getDryRun(), o.getSqlStatements(),
                o.getDurationMillis(), o.getAttempts(), o.getRowsMoved(), o.getDetail(), o.getErrorClass(),
                o.getSqlState(), o.getErrorMessage(), o.getFindings().stream().map(EventMapper::finding).toList(),
                o.getPartitions().stream().map(EventMapper::size).toList());
    }

    private static Finding finding(io.arxos.partitions.events.Finding f) {
        return new Finding(f.getKind().name(), f.getPartition(), f.getDetail(), f.getRows());
    }

    private static PartitionSize size(io.arxos.partitions.events.PartitionSize p) {
        return new PartitionSize(p.getName(), p.getBounds().getFrom(), p.getBounds().getTo(), p.getIsDefault(),
                p.getRowEstimate(), p.getSizeBytes());
    }

    public static CommandKind kind(CommandOperation operation) {
        return operation == null ? CommandKind.UNKNOWN : CommandKind.valueOf(operation.name());
    }

    public static CommandStatus status(OutcomeStatus status) {
        return status == null ? CommandStatus.UNKNOWN : CommandStatus.valueOf(status.name());
    }
}
