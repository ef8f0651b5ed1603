package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.TableInspection;
import io.arxos.partitions.executor.domain.maintenance.TableState;

/** Reads a managed table's current state from its database (read-only). */
public interface TableInspector {

    /** The state a partition command starts from. */
    default TableState inspect(TableKey table, TablePolicy policy, ExecutorCommand.PartitionCommand command)
            throws StepFailure {
        return inspectAll(table, policy, java.util.List.of(command)).stateFor(command);
    }

    /** The table inspected once for several of its partition commands. */
    TableInspection inspectAll(TableKey table, TablePolicy policy,
            java.util.List<? extends ExecutorCommand.PartitionCommand> commands) throws StepFailure;

    /**
     * Everything validation looks at.
     *
     * @param rowsJustMoved rows were moved into partitions moments ago, so statistics may not show them yet: count
     *     exactly where the table is small enough
     */
    ValidationSnapshot snapshot(TableKey table, TablePolicy policy, boolean rowsJustMoved) throws StepFailure;
}
