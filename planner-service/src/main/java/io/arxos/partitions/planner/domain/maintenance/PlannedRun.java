package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything planned for one run: per database, per table, the commands and notes. Published as one unit. */
public record PlannedRun(String runId, Trigger trigger, PlanScope scope, boolean dryRun, Instant plannedAt,
        Instant deadline, List<DatabaseRun> databases, Optional<String> error) {

    /** What started the run. */
    public enum Trigger { SCHEDULED_VALIDATION, SCHEDULED_MAINTENANCE, REQUEST }

    public PlannedRun {
        Objects.requireNonNull(runId, "runId");
        databases = List.copyOf(databases);
        Objects.requireNonNull(error, "error");
    }

    /** A run refused as a whole (e.g. a malformed request): no commands, only the reason. */
    public static PlannedRun refused(String runId, Trigger trigger, PlanScope scope, boolean dryRun, Instant now,
            String error) {
        return new PlannedRun(runId, trigger, scope, dryRun, now, now, List.of(), Optional.of(error));
    }

    public int commandCount() {
        return commandCount(databases);
    }

    /** The commands {@code databases} plan, counted before a run is made of them (its deadline depends on it). */
    public static int commandCount(List<DatabaseRun> databases) {
        return databases.stream().mapToInt(d -> d.tables().stream().mapToInt(t -> t.commands().size()).sum()).sum();
    }

    public List<PlannedCommand> commands() {
        return databases.stream().flatMap(d -> d.tables().stream()).flatMap(t -> t.commands().stream()).toList();
    }

    /** One database of the run (by inventory id as requested); {@code error} is set when it could not be planned. */
    public record DatabaseRun(String database, Optional<String> error, List<TableRun> tables) {
        public DatabaseRun {
            tables = List.copyOf(tables);
        }
    }

    /**
     * One table of the run: its commands in execution order, the planner's notes, and the validation the planner did
     * itself when no command changes the table.
     */
    public record TableRun(TableKey table, List<PlannedCommand> commands, List<PlanNote> notes,
            Optional<TableValidation> validation) {
        public TableRun {
            commands = List.copyOf(commands);
            notes = List.copyOf(notes);
            Objects.requireNonNull(validation, "validation");
        }

        public TableRun(TableKey table, List<PlannedCommand> commands, List<PlanNote> notes) {
            this(table, commands, notes, Optional.empty());
        }
    }

    /** One command with its derived id. */
    public record PlannedCommand(CommandId id, TableKey table, KeyType keyType, MaintenanceAction action) {
    }
}
