package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for plans and outcomes, with fixed instants, shared by the reporter's tests. */
public final class Fixtures {

    public static final Instant PLANNED_AT = Instant.parse("2025-01-01T02:00:00Z");
    public static final Instant DEADLINE = PLANNED_AT.plus(Duration.ofMinutes(10));
    public static final Instant REPORTED_AT = Instant.parse("2025-01-01T02:05:30Z");
    public static final TableName AUDIT_LOGS = new TableName("orders", "public", "audit_logs");
    public static final TableName EVENTS = new TableName("orders", "public", "events");

    private Fixtures() {
    }

    public static PlannedCommand create(String id, String partition) {
        return new PlannedCommand(id, CommandKind.CREATE_PARTITION, partition,
                "create " + partition + " for [2025-02-01, 2025-03-01)");
    }

    public static PlannedCommand drop(String id, String partition, int months) {
        return new PlannedCommand(id, CommandKind.DROP_PARTITION, partition,
                "drop " + partition + " (" + months + " months old)");
    }

    public static PlannedCommand detach(String id, String partition, int months) {
        return new PlannedCommand(id, CommandKind.DETACH_PARTITION, partition,
                "detach " + partition + " (" + months + " months old) to archive");
    }

    public static PlannedCommand validate(String id, TableName table) {
        return new PlannedCommand(id, CommandKind.VALIDATE_TABLE, null, "validate " + table.qualified());
    }

    public static PlannedTable table(TableName table, List<Finding> notes, PlannedCommand... commands) {
        return new PlannedTable(table, Arrays.asList(commands), notes);
    }

    public static PlannedDatabase database(String id, PlannedTable... tables) {
        return new PlannedDatabase(id, true, null, Arrays.asList(tables));
    }

    public static PlannedDatabase unreachable(String id, String error) {
        return new PlannedDatabase(id, false, error, List.of());
    }

    public static PlannedRun plan(String runId, PlannedDatabase... databases) {
        return new PlannedRun(runId, "SCHEDULED_MAINTENANCE", false, PLANNED_AT, DEADLINE, Arrays.asList(databases),
                null);
    }

    public static PlannedRun dryRunPlan(String runId, PlannedDatabase... databases) {
        return new PlannedRun(runId, "REQUEST", true, PLANNED_AT, DEADLINE, Arrays.asList(databases), null);
    }

    public static PlannedRun refusedPlan(String runId, String error) {
        return new PlannedRun(runId, "REQUEST", false, PLANNED_AT, PLANNED_AT, List.of(), error);
    }

    public static Finding finding(String kind, String partition, String detail, Long rows) {
        return new Finding(kind, partition, detail, rows);
    }

    public static PartitionSize month(String name, int year, int month, long rows, long bytes) {
        LocalDateTime from = LocalDateTime.of(year, month, 1, 0, 0);
        return new PartitionSize(name, from, from.plusMonths(1), false, rows, bytes);
    }

    public static PartitionSize defaultPartition(String name, long rows, long bytes) {
        return new PartitionSize(name, null, null, true, rows, bytes);
    }

    public static OutcomeBuilder outcome(String runId, PlannedCommand command, TableName table) {
        return new OutcomeBuilder(runId, command, table);
    }

    public static Map<String, Outcome> byCommand(Outcome... outcomes) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            map.put(o.commandId(), o);
        }
        return map;
    }

    /** Builds an outcome; SUCCEEDED with no SQL unless told otherwise. */
    public static final class OutcomeBuilder {
        private final String runId;
        private final PlannedCommand command;
        private final TableName table;
        private String eventId = "00000000-0000-0000-0000-000000000001";
        private CommandStatus status = CommandStatus.SUCCEEDED;
        private boolean dryRun;
        private List<String> sql = new ArrayList<>();
        private long durationMillis = 12;
        private long rowsMoved;
        private String detail;
        private String sqlState;
        private String errorMessage;
        private List<Finding> findings = new ArrayList<>();
        private List<PartitionSize> partitions = new ArrayList<>();

        private OutcomeBuilder(String runId, PlannedCommand command, TableName table) {
            this.runId = runId;
            this.command = command;
            this.table = table;
        }

        public OutcomeBuilder eventId(String id) {
            this.eventId = id;
            return this;
        }

        public OutcomeBuilder status(CommandStatus s) {
            this.status = s;
            this.dryRun = s == CommandStatus.DRY_RUN;
            return this;
        }

        public OutcomeBuilder sql(String... statements) {
            this.sql = List.of(statements);
            return this;
        }

        public OutcomeBuilder rowsMoved(long rows) {
            this.rowsMoved = rows;
            return this;
        }

        public OutcomeBuilder detail(String text) {
            this.detail = text;
            return this;
        }

        public OutcomeBuilder error(String state, String message) {
            this.sqlState = state;
            this.errorMessage = message;
            return this;
        }

        public OutcomeBuilder findings(Finding... f) {
            this.findings = List.of(f);
            return this;
        }

        public OutcomeBuilder partitions(PartitionSize... p) {
            this.partitions = List.of(p);
            return this;
        }

        public Outcome build() {
            return new Outcome(eventId, runId, PLANNED_AT.plusSeconds(60), command.commandId(), table,
                    command.operation(), command.partition(), status, dryRun, sql, durationMillis, 1, rowsMoved,
                    detail, null, sqlState, errorMessage, findings, partitions);
        }
    }
}
