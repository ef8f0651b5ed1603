package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Step;
import java.util.List;

/**
 * Runs one step in its own transaction under the table's advisory lock and lock_timeout, and writes the step's ledger
 * row in that same transaction.
 */
public interface StepRunner {

    /** @return rows moved by the step (0 when it moves none) */
    default long run(TableKey table, ExecutorCommand command, Step step, int attempt)
            throws StepFailure, PreconditionFailed {
        return runTogether(table, List.of(new LedgerEntry(command, attempt, step.statements())), step);
    }

    /**
     * Runs a step shared by several commands of one table (one transaction), writing one ledger row per command
     * with the statements that belong to it.
     *
     * @return rows moved by the step (0 when it moves none)
     */
    long runTogether(TableKey table, List<LedgerEntry> entries, Step step) throws StepFailure, PreconditionFailed;

    /** One command's share of a step: its attempt number and the statements its ledger row records. */
    record LedgerEntry(ExecutorCommand command, int attempt, List<String> statements) {
        public LedgerEntry {
            statements = List.copyOf(statements);
        }
    }

    /** Best-effort clean-up after a command failed for good; errors are logged, not thrown. */
    void compensate(TableKey table, ExecutorCommand command, List<String> statements);
}
