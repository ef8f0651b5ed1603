package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.CommandOperation;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.DatabasePlan;
import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.FindingKind;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.PartitionBounds;
import io.arxos.partitions.events.PlannedCommand;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunTrigger;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.events.TablePlan;
import io.arxos.partitions.reporter.domain.maintenance.Finding;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PartitionSize;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import java.time.Instant;
import java.util.UUID;

/** Avro events built from the domain fixtures, as the planner and executor would publish them. */
public final class AvroEvents {

    private AvroEvents() {
    }

    public static RunPlan plan(PlannedRun run) {
        return RunPlan.newBuilder()
                .setEnvelope(envelope(run.runId(), "planner-service", run.plannedAt()))
                .setTrigger(RunTrigger.valueOf(run.trigger()))
                .setScope(MaintenanceScope.newBuilder().setValidate(true).setCreateMissing(true).setDropExpired(true)
                        .build())
                .setDryRun(run.dryRun())
                .setDeadline(run.deadline())
                .setCommandCount(run.commands().size())
                .setDatabases(run.databases().stream().map(d -> DatabasePlan.newBuilder()
                        .setDatabase(d.database()).setReachable(d.reachable()).setError(d.error())
                        .setTables(d.tables().stream().map(t -> TablePlan.newBuilder()
                                .setSchemaName(t.table().schema()).setTableName(t.table().table())
                                .setCommands(t.commands().stream().map(c -> PlannedCommand.newBuilder()
                                        .setCommandId(c.commandId())
                                        .setOperation(CommandOperation.valueOf(c.operation().name()))
                                        .setPartitionName(c.partition()).setSummary(c.summary()).build()).toList())
                                .setNotes(t.notes().stream().map(AvroEvents::finding).toList())
                                .build()).toList())
                        .build()).toList())
                .setError(run.error())
                .build();
    }

    public static CommandOutcome outcome(Outcome o) {
        return CommandOutcome.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder().setEventId(UUID.nameUUIDFromBytes(o.eventId().getBytes()))
                        .setOccurredAt(o.occurredAt()).setRunId(o.runId()).setProducer("executor-service").build())
                .setCommandId(o.commandId())
                .setTable(TableId.newBuilder().setDatabase(o.table().database()).setSchemaName(o.table().schema())
                        .setTableName(o.table().table()).build())
                .setOperation(CommandOperation.valueOf(o.operation().name()))
                .setPartitionName(o.partition())
                .setStatus(OutcomeStatus.valueOf(o.status().name()))
                .setDryRun(o.dryRun())
                .setSqlStatements(o.sql())
                .setDurationMillis(o.durationMillis())
                .setRowsMoved(o.rowsMoved())
                .setDetail(o.detail())
                .setSqlState(o.sqlState())
                .setErrorMessage(o.errorMessage())
                .setFindings(o.findings().stream().map(AvroEvents::finding).toList())
                .setPartitions(o.partitions().stream().map(AvroEvents::size).toList())
                .build();
    }

    /** The Kafka key of an outcome: its table, not its run. */
    public static String tableKey(Outcome o) {
        return o.table().key();
    }

    private static io.arxos.partitions.events.Finding finding(Finding f) {
        return io.arxos.partitions.events.Finding.newBuilder().setKind(FindingKind.valueOf(f.kind()))
                .setPartition(f.partition()).setDetail(f.detail()).setRows(f.rows()).build();
    }

    private static io.arxos.partitions.events.PartitionSize size(PartitionSize p) {
        return io.arxos.partitions.events.PartitionSize.newBuilder().setName(p.name())
                .setBounds(PartitionBounds.newBuilder().setFrom(p.from()).setTo(p.to()).build())
                .setIsDefault(p.defaultPartition()).setRowEstimate(p.rowEstimate()).setSizeBytes(p.sizeBytes())
                .build();
    }

    private static EventEnvelope envelope(String runId, String producer, Instant at) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setRunId(runId)
                .setProducer(producer).build();
    }
}
