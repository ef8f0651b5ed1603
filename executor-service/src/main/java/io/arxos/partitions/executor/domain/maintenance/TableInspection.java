package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A managed parent inspected once for several commands of the same table: the facts every command shares, and per
 * command the facts about its own partition name and range, from which each command's {@link TableState} follows.
 *
 * @param defaultBytes size of the default partition's heap, 0 without one
 * @param relationsByName relations named like the commands' partitions, where they exist
 * @param defaultRowsByRange rows of the default partition inside each command's range
 * @param constraintStates the default partition's helper constraints by name (per-month and batch exclusions)
 * @param archivedNames partition names that already exist in the archive schema
 */
public record TableInspection(KeyType keyType, List<TableState.Child> children, List<String> columns,
        long defaultBytes, Map<String, TableState.SameNameTable> relationsByName,
        Map<PartitionRange, Long> defaultRowsByRange, Map<String, TableState.ConstraintState> constraintStates,
        Set<String> archivedNames) {

    public TableInspection {
        Objects.requireNonNull(keyType, "keyType");
        children = List.copyOf(children);
        columns = List.copyOf(columns);
        relationsByName = Map.copyOf(relationsByName);
        defaultRowsByRange = Map.copyOf(defaultRowsByRange);
        constraintStates = Map.copyOf(constraintStates);
        archivedNames = Set.copyOf(archivedNames);
    }

    /** The state one command starts from, as if the table had been inspected for it alone. */
    public TableState stateFor(ExecutorCommand.PartitionCommand command) {
        String name = command.partition().value();
        return new TableState(keyType, children, columns, Optional.ofNullable(relationsByName.get(name)),
                defaultRowsByRange.getOrDefault(command.range(), 0L),
                constraint(PartitionDdl.exclusionConstraint(command.partition()).value()),
                archivedNames.contains(name));
    }

    public TableState.ConstraintState constraint(String name) {
        return constraintStates.getOrDefault(name, TableState.ConstraintState.ABSENT);
    }

    public Optional<TableState.Child> defaultPartition() {
        return children.stream().filter(TableState.Child::isDefault).findFirst();
    }
}
