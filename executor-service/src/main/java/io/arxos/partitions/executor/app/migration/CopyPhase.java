package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.migration.MigrationResult.Status;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The copy: batches in primary-key order, each its own transaction with its progress, for about one chunk of time;
 * then the command ends with the progress so far and the next COPY command goes on from the recorded last key.
 * After a crash or a terminated backend the same holds: the last committed batch is where it resumes.
 */
record CopyPhase(MigrationDatabase db, RetryPolicy retry, DoubleSupplier random) {

    MigrationResult copy(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        Optional<MigrationState> found = Retrying.call(() -> db.state(database, table), retry, random)
                .filter(s -> s.phase().active());
        if (found.isEmpty() || found.get().phase() == MigrationPhase.PREPARED) {
            // without capture, rows written during the copy would be lost
            return MigrationResult.of(Status.REJECTED, found.map(MigrationState::phase).orElse(MigrationPhase.NONE),
                    "capture is not on for " + table + ": run PREPARE and CAPTURE first", List.of());
        }
        MigrationState state = found.get();
        if (state.phase() != MigrationPhase.CAPTURING) {
            return MigrationResult.of(Status.ALREADY_APPLIED, state.phase(), "the copy of " + table + " is complete",
                    List.of()).withProgress(state.rowsCopied(), state.rowsEstimated(), true, 0);
        }
        MigrationSql sql = RecordedTable.sql(state, r.partitionKey());
        long start = System.nanoTime();
        long copied = 0;
        boolean done = false;
        boolean tolerant = false;
        try (MigrationDatabase.CopySession session = db.copySession(database)) {
            while (System.nanoTime() - start < r.chunk().toNanos()) {
                boolean tolerantNow = tolerant;
                MigrationDatabase.CopiedBatch batch = Retrying.call(() -> db.copy(session, table,
                        sql.copyStatements(), r.batchSize(), tolerantNow), retry, random);
                // where the application is busy, rows ahead of the copy were copied by the trigger: stay tolerant
                tolerant = batch.metCopiedRows();
                copied += batch.rows();
                if (batch.rows() == 0) {
                    Retrying.call(() -> db.advance(database, table, List.of(), MigrationPhase.COPIED,
                            Duration.ofSeconds(5)), retry, random);
                    done = true;
                    break;
                }
                if (!r.batchPause().isZero()) {
                    Thread.sleep(r.batchPause().toMillis());
                }
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        MigrationState after = Retrying.call(() -> db.state(database, table), retry, random).orElseThrow();
        return MigrationResult.of(Status.SUCCEEDED, done ? MigrationPhase.COPIED : MigrationPhase.CAPTURING,
                (done ? "copy complete: " : "copied ") + after.rowsCopied() + " rows so far", List.of())
                .withProgress(after.rowsCopied(), after.rowsEstimated(), done, copied / seconds);
    }
}
