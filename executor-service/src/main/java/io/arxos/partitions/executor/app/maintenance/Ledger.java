package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operations ledger in each target database: what was applied, and failed attempts for the audit trail. */
public interface Ledger {

    /**
     * The change this command (same id, same run, same content) committed, if it did: what a redelivery must
     * re-publish.
     *
     * @throws IdReused when the ledger holds a different command (operation, table, partition or bounds) under this
     *     id and run: answering it from the ledger would report another command's change as this one's
     */
    Optional<AppliedChange> findApplied(TableKey table, ExecutorCommand command) throws StepFailure, IdReused;

    /** The ledger binds a command id to its content; another command came under a known id. */
    final class IdReused extends Exception {
        public IdReused(String message) {
            super(message);
        }
    }

    /** Records a failed attempt in its own transaction; never blocks a later retry. Best effort. */
    void recordFailure(TableKey table, ExecutorCommand command, int attempt, String errorClass, String sqlState,
            String message, Instant startedAt);

    /** A change found in the ledger. */
    record AppliedChange(String runId, List<String> sql, long rowsMoved, Instant finishedAt) {
    }
}
