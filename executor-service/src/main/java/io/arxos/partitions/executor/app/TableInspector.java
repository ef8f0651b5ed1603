package io.arxos.partitions.executor.app;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.executor.domain.TableState;
import io.arxos.partitions.executor.domain.ValidationSnapshot;

/** Reads a managed table's current state from its database (read-only). */
public interface TableInspector {

    /** The state a partition command starts from. */
    TableState inspect(TableKey table, TablePolicy policy, ExecutorCommand.PartitionCommand command)
            throws StepFailure;

    /** Everything validation looks at. */
    ValidationSnapshot snapshot(TableKey table, TablePolicy policy) throws StepFailure;
}
