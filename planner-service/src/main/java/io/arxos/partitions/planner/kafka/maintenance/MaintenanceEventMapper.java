package io.arxos.partitions.planner.kafka.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.CreatePartition;
import io.arxos.partitions.events.DatabasePlan;
import io.arxos.partitions.events.DetachPartition;
import io.arxos.partitions.events.DropPartition;
import io.arxos.partitions.events.Finding;
import io.arxos.partitions.events.FindingKind;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.events.MonthRowCount;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.PartitionMetrics;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunTrigger;
import io.arxos.partitions.events.TableMetrics;
import io.arxos.partitions.events.TablePlan;
import io.arxos.partitions.events.ValidateTable;
import io.arxos.partitions.planner.app.maintenance.TableMetricsSnapshot;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction;
import io.arxos.partitions.planner.domain.maintenance.PlanNote;
import io.arxos.partitions.planner.domain.maintenance.PlanScope;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.planner.domain.maintenance.TableSnapshot;
import io.arxos.partitions.planner.domain.maintenance.TableValidation;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Maps the planner's domain records to the Avro events it publishes. */
final class MaintenanceEventMapper {

    private static final String PRODUCER = TransactionalPublisher.PRODUCER;

    private MaintenanceEventMapper() {
    }

    static RunPlan runPlan(PlannedRun run) {
        List<DatabasePlan> databases = run.databases().stream().map(d -> DatabasePlan.newBuilder()
                .setDatabase(d.database())
                .setReachable(d.error().isEmpty())
                .setError(d.error().orElse(null))
                .setTables(d.tables().stream().map(t -> TablePlan.newBuilder()
                        .setSchemaName(t.table().table().schema().value())
                        .setTableName(t.table().table().table().value())
                        .setCommands(t.commands().stream().map(MaintenanceEventMapper::plannedCommand).toList())
                        .setNotes(t.notes().stream().map(MaintenanceEventMapper::finding).toList())
                        .setValidation(t.validation().map(MaintenanceEventMapper::validation).orElse(null))
                        .build()).toList())
                .build()).toList();
        return RunPlan.newBuilder()
                .setEnvelope(CoreTypes.envelope(run.runId(), PRODUCER, run.plannedAt()))
                .setTrigger(RunTrigger.valueOf(run.trigger().name()))
                .setScope(scope(run.scope()))
                .setDryRun(run.dryRun())
                .setDeadline(run.deadline())
                .setCommandCount(run.commandCount())
                .setDatabases(databases)
                .setError(run.error().orElse(null))
                .build();
    }

    static MaintenanceScope scope(PlanScope scope) {
        return MaintenanceScope.newBuilder()
                .setValidate(scope.validate())
                .setCreateMissing(scope.createMissing())
                .setDropExpired(scope.dropExpired())
                .setCreateFrom(scope.createFrom().map(YearMonth::toString).orElse(null))
                .setCreateTo(scope.createTo().map(YearMonth::toString).orElse(null))
                .build();
    }

    static PartitionCommand command(PlannedRun run, PlannedCommand command) {
        MaintenanceAction action = command.action();
        return PartitionCommand.newBuilder()
                .setEnvelope(CoreTypes.envelope(run.runId(), PRODUCER, run.plannedAt()))
                .setCommandId(command.id().value())
                .setTable(CoreTypes.tableId(command.table()))
                .setOperation(CoreTypes.operation(action.operation()))
                .setReason(action.reason())
                .setDryRun(run.dryRun())
                .setPayload(payload(command))
                .build();
    }

    private static Object payload(PlannedCommand command) {
        var keyType = CoreTypes.keyType(command.keyType());
        if (command.action() instanceof MaintenanceAction.CreatePartition c) {
            return CreatePartition.newBuilder().setPartitionName(c.name().value())
                    .setBounds(CoreTypes.bounds(c.range()))
                    .setKeyType(keyType).setDefaultRowsToMove(c.defaultRowsToMove()).build();
        }
        if (command.action() instanceof MaintenanceAction.DropPartition d) {
            return DropPartition.newBuilder().setPartitionName(d.name().value()).setBounds(CoreTypes.bounds(d.range()))
                    .setKeyType(keyType).setRetentionCutoff(d.cutoff()).setAgeMonths(d.ageMonths()).build();
        }
        if (command.action() instanceof MaintenanceAction.DetachPartition d) {
            return DetachPartition.newBuilder().setPartitionName(d.name().value())
                    .setBounds(CoreTypes.bounds(d.range())).setKeyType(keyType).setRetentionCutoff(d.cutoff())
                    .setAgeMonths(d.ageMonths()).setArchiveSchema(d.archiveSchema().value()).build();
        }
        return ValidateTable.newBuilder().setIncludeSizes(true).build();
    }

    private static io.arxos.partitions.events.PlannedCommand plannedCommand(PlannedCommand command) {
        MaintenanceAction action = command.action();
        String partition = action instanceof MaintenanceAction.PartitionChange change ? change.name().value() : null;
        return io.arxos.partitions.events.PlannedCommand.newBuilder()
                .setCommandId(command.id().value())
                .setOperation(CoreTypes.operation(action.operation()))
                .setPartitionName(partition)
                .setSummary(summary(command))
                .build();
    }

    static String summary(PlannedCommand command) {
        MaintenanceAction action = command.action();
        if (action instanceof MaintenanceAction.CreatePartition c) {
            return "create " + c.name() + " for " + c.range()
                    + (c.defaultRowsToMove() > 0 ? ", moving " + c.defaultRowsToMove() + " rows from default" : "");
        }
        if (action instanceof MaintenanceAction.DropPartition d) {
            return "drop " + d.name() + " (" + d.ageMonths() + " months old)";
        }
        if (action instanceof MaintenanceAction.DetachPartition d) {
            return "detach " + d.name() + " (" + d.ageMonths() + " months old) to " + d.archiveSchema();
        }
        return "validate " + command.table().table();
    }

    static io.arxos.partitions.events.TableValidation validation(TableValidation v) {
        return io.arxos.partitions.events.TableValidation.newBuilder()
                .setCommandId(v.commandId().value())
                .setFindings(v.findings().stream().map(CoreTypes::finding).toList())
                .setPartitions(v.partitions().stream().map(CoreTypes::partitionSize).toList())
                .build();
    }

    static Finding finding(PlanNote note) {
        return Finding.newBuilder()
                .setKind(FindingKind.valueOf(note.kind().name()))
                .setPartition(note.partition().orElse(null))
                .setDetail(note.detail())
                .setRows(note.rows().orElse(null))
                .build();
    }

    static TableMetrics metrics(String runId, Instant at, TableMetricsSnapshot snapshot) {
        TableKey key = snapshot.table();
        TableSnapshot table = snapshot.entry().snapshot();
        List<PartitionMetrics> partitions = snapshot.entry().stats().stream().map(s -> PartitionMetrics.newBuilder()
                .setName(s.name())
                .setBounds(s.range().map(CoreTypes::bounds).orElseGet(CoreTypes::defaultBounds))
                .setIsDefault(s.isDefault())
                .setRowEstimate(s.rowEstimate())
                .setSizeBytes(s.sizeBytes())
                .setNewestKey(s.newestKey().filter(t -> t.getYear() > 0 && t.getYear() < 10000).orElse(null))
                .build()).toList();
        List<MonthRowCount> byMonth = table.defaultRows().sorted().entrySet().stream()
                .map(e -> MonthRowCount.newBuilder().setMonth(e.getKey().toString()).setRows(e.getValue()).build())
                .toList();
        return TableMetrics.newBuilder()
                .setEnvelope(CoreTypes.envelope(runId, PRODUCER, at))
                .setTable(CoreTypes.tableId(key))
                .setPartitionKey(snapshot.entry().partitionKey().value())
                .setKeyType(CoreTypes.keyType(table.keyType()))
                .setPartitions(partitions)
                .setDefaultPartitionRows(table.defaultRows().total())
                .setDefaultRowsByMonth(byMonth)
                .setDefaultNullKeyRows(table.defaultRows().nullKeyRows())
                .build();
    }
}
