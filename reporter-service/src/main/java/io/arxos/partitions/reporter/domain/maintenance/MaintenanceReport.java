package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The maintenance report of one run: what was planned, what happened to each command, and the totals. Renderers
 * turn it into Markdown, JSON and HTML; the JSON form reads back into this record.
 *
 * @param error why the run was refused as a whole, or null
 * @param exitCode 0 all well, 1 a command failed or was rejected, the run is incomplete or refused or a database
 *     was unreachable, 2 validation found problems
 */
public record MaintenanceReport(String runId, String trigger, boolean dryRun, Instant generatedAt,
        ReportStatus status, int exitCode, String error, Summary summary, List<DatabaseSection> databases) {

    public MaintenanceReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        databases = List.copyOf(databases);
    }

    /** The report without its database sections: what a paged report's own record carries. */
    public MaintenanceReport head() {
        return new MaintenanceReport(runId, trigger, dryRun, generatedAt, status, exitCode, error, summary, List.of());
    }

    /** The executive summary: counts over the whole run. */
    public record Summary(int totalOperations, int successful, int failed, int rejected, int partitionsCreated,
            int partitionsDropped, int partitionsDetached, long rowsMovedFromDefault, int validationFindings) {
    }

    /** One database: its operations in plan order and the planner's notes per table. */
    public record DatabaseSection(String database, boolean reachable, String error, List<OperationLine> operations,
            List<TableNote> notes) {

        public DatabaseSection {
            operations = List.copyOf(operations);
            notes = List.copyOf(notes);
        }

        /** Validation findings of this database's validate commands, with their table. */
        public List<TableNote> validationFindings() {
            return operations.stream().flatMap(op -> op.findings().stream().map(f -> TableNote.of(op.table(), f)))
                    .toList();
        }
    }

    /**
     * One planned command and what became of it.
     *
     * @param table {@code schema.table}
     * @param operation the operation's label, e.g. {@code create_partition}
     * @param ageMonths age of a dropped or detached partition, when known
     */
    public record OperationLine(String commandId, String table, String operation, String partition,
            LineStatus status, String detail, Integer ageMonths, String sqlState, String errorMessage,
            long rowsMoved, long durationMillis, List<String> sql, List<Finding> findings,
            List<PartitionSize> partitions) {

        public OperationLine {
            sql = sql == null ? List.of() : List.copyOf(sql);
            findings = findings == null ? List.of() : List.copyOf(findings);
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
        }
    }

    /** A planner note or validation finding of one table ({@code schema.table}). */
    public record TableNote(String table, String kind, String partition, String detail, Long rows) {

        public static TableNote of(String table, Finding finding) {
            return new TableNote(table, finding.kind(), finding.partition(), finding.detail(), finding.rows());
        }
    }

    /** A command's state in the report: its outcome status, or MISSING when none came before the deadline. */
    public enum LineStatus {
        SUCCEEDED, ALREADY_APPLIED, FAILED, REJECTED, DRY_RUN, UNKNOWN, MISSING;

        public static LineStatus of(CommandStatus status) {
            return valueOf(status.name());
        }
    }
}
