package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.RunMember;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the planner published for one run: per database and table, the commands in execution order and the notes.
 *
 * @param trigger what started the run (the trigger's name)
 * @param deadline when missing outcomes make the report incomplete
 * @param error why the run was refused as a whole, or null
 */
public record PlannedRun(String runId, String trigger, boolean dryRun, Instant plannedAt, Instant deadline,
        List<PlannedDatabase> databases, String error) implements RunMember.Plan {

    public PlannedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(deadline, "deadline");
        databases = List.copyOf(databases);
    }

    /** Every planned command of the run, in plan order. */
    public List<PlannedCommand> commands() {
        return databases.stream().flatMap(d -> d.tables().stream()).flatMap(t -> t.commands().stream()).toList();
    }

    /** The ids of every planned command. */
    public Stream<String> commandIds() {
        return commands().stream().map(PlannedCommand::commandId);
    }

    /** One database of the run; {@code reachable} is false (and {@code error} set) when it could not be planned. */
    public record PlannedDatabase(String database, boolean reachable, String error, List<PlannedTable> tables) {
        public PlannedDatabase {
            Objects.requireNonNull(database, "database");
            tables = List.copyOf(tables);
        }
    }

    /**
     * One table of a database: its commands in order, the planner's notes, and the planner's own validation when no
     * command of the run changes the table (null otherwise).
     */
    public record PlannedTable(TableName table, List<PlannedCommand> commands, List<Finding> notes,
            SnapshotValidation validation) {
        public PlannedTable {
            Objects.requireNonNull(table, "table");
            commands = List.copyOf(commands);
            notes = List.copyOf(notes);
        }

        public PlannedTable(TableName table, List<PlannedCommand> commands, List<Finding> notes) {
            this(table, commands, notes, null);
        }
    }

    /** A table the planner validated from its catalog read, under the id its validate command would have had. */
    public record SnapshotValidation(String commandId, List<Finding> findings, List<PartitionSize> partitions) {
        public SnapshotValidation {
            Objects.requireNonNull(commandId, "commandId");
            findings = findings == null ? List.of() : List.copyOf(findings);
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
        }
    }

    /** One planned command; {@code summary} is the planner's one-line description. */
    public record PlannedCommand(String commandId, CommandKind operation, String partition, String summary) {
        public PlannedCommand {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(operation, "operation");
        }
    }
}
