package io.arxos.partitions.executor.app;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.executor.domain.Step;
import java.util.List;

/**
 * Runs one step in its own transaction under the table's advisory lock and lock_timeout, and writes the step's ledger
 * row in that same transaction.
 */
public interface StepRunner {

    /** @return rows moved by the step (0 when it moves none) */
    long run(TableKey table, ExecutorCommand command, Step step, int attempt) throws StepFailure, PreconditionFailed;

    /** Best-effort clean-up after a command failed for good; errors are logged, not thrown. */
    void compensate(TableKey table, ExecutorCommand command, List<String> statements);
}
