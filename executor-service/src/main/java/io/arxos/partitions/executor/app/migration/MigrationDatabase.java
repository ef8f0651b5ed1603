package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.MonthTally;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a migration needs from the target database; every method is one transaction. */
public interface MigrationDatabase {

    SourceTable inspect(DatabaseId database, TableRef table, Identifier partitionKey) throws StepFailure;

    Optional<MigrationState> state(DatabaseId database, TableRef table) throws StepFailure;

    /** Runs the statements and records the migration as {@code state} (inserted or replacing a rolled-back one). */
    void start(DatabaseId database, MigrationState state, List<String> statements) throws StepFailure;

    /**
     * Runs the statements under lock_timeout and moves the phase on, in one transaction.
     *
     * @return how long the transaction held its locks, from its first statement to commit
     */
    Duration advance(DatabaseId database, TableRef table, List<String> statements, MigrationPhase next,
            Duration lockTimeout) throws StepFailure;

    /**
     * Runs the capture statements under lock_timeout, then records the copy's end ({@code boundSql}: the highest key
     * now, all writes after it being captured) and the phase, in one transaction.
     */
    Duration capture(DatabaseId database, TableRef table, List<String> statements, String boundSql,
            Duration lockTimeout) throws StepFailure;

    /**
     * Copies one batch and records the progress, in one transaction that starts by locking the migration's row: two
     * copiers of one table take turns, and each resumes from the last committed key.
     *
     * @param sql the batch's forms: first or after the recorded last key, up to the recorded end; plain, or tolerant
     *            of rows the capture trigger already copied
     * @param tolerant start with the tolerant form (the last batch met rows copied already); the plain form falls
     *                 back to it by itself on a unique violation
     */
    CopiedBatch copy(CopySession session, TableRef table, MigrationSql.CopyStatements sql, int batchSize,
            boolean tolerant) throws StepFailure;

    /** A connection kept for the batches of one copy chunk (a new one per batch would cost more than the batch). */
    CopySession copySession(DatabaseId database);

    /** Holds the chunk's connection; after a failure the next batch opens a new one. */
    interface CopySession extends AutoCloseable {
        @Override
        void close();
    }

    /** Both tallies from one snapshot (REPEATABLE READ), so concurrent writes cannot make them disagree. */
    List<List<MonthTally>> tally(DatabaseId database, String originalSql, String partitionedSql) throws StepFailure;

    /** Calls the installed rollback function for the table; returns its lines and how long locks were held. */
    RolledBack rollback(DatabaseId database, TableRef table, Duration lockTimeout) throws StepFailure;

    /** The ledger schema, quoted, where the state and the rollback function live. */
    String ledgerSchema();

    /**
     * A copy batch: its last key and row count (0 at the end of the table), and whether it met rows the capture
     * trigger had copied already (then the next batch starts tolerant).
     */
    record CopiedBatch(Optional<String> lastKey, long rows, boolean metCopiedRows) {
    }

    /** What the rollback function reported. */
    record RolledBack(List<String> lines, Duration held) {
    }
}
