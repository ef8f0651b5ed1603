package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.migration.MigrationResult.Status;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.domain.migration.MigrationGuard;
import io.arxos.partitions.executor.domain.migration.MigrationNames;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** The dry run of a migration phase: its statements, rendered and returned, nothing run. */
record MigrationPreview(MigrationDatabase db, RetryPolicy retry, DoubleSupplier random,
        RunMigrationStep.Settings settings, Clock clock) {

    /**
     * A dry run of any phase, also before anything exists (for {@code --emit-sql}): the statements come from the
     * recorded migration when one is under way, else from the catalog, after the same refusals as a real PREPARE.
     */
    MigrationResult preview(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        Optional<MigrationState> state = Retrying.call(() -> db.state(database, table), retry, random)
                .filter(s -> s.phase().active());
        MigrationSql sql;
        MigrationPhase phase = state.map(MigrationState::phase).orElse(MigrationPhase.NONE);
        if (state.isPresent()) {
            if (r.step() == MigrationRequest.Step.PREPARE) {
                return MigrationResult.of(Status.ALREADY_APPLIED, phase, "migration " + state.get().migrationId()
                        + " of " + table + " is " + phase.label(), List.of());
            }
            sql = RecordedTable.sql(state.get(), r.partitionKey());
            sql = phase == MigrationPhase.SWAPPED ? sql.afterSwap() : sql;
        } else {
            SourceTable source = Retrying.call(() -> db.inspect(database, table, r.partitionKey()), retry, random);
            Optional<String> refusal = MigrationGuard.refusal(source, settings.headroomBytes());
            if (refusal.isPresent()) {
                return MigrationResult.rejected(refusal.get());
            }
            sql = new MigrationSql(source, MigrationNames.of(table));
        }
        List<String> statements = switch (r.step()) {
            case PREPARE -> sql.prepare(YearMonth.now(clock.withZone(ZoneOffset.UTC)), r.premake());
            case CAPTURE -> sql.capture();
            case COPY -> List.of(sql.copyBatch(true), sql.copyBatch(false), sql.copyBatchTolerant(false));
            case VERIFY -> List.of(sql.monthTally(false), sql.monthTally(true));
            case SWAP -> sql.swap(settings.lockTimeout().toMillis());
            case FINALIZE -> sql.afterSwap().finish();
            case ROLLBACK -> List.of(MigrationSql.rollbackCall(db.ledgerSchema(), table));
            case STATUS -> List.<String>of();
        };
        String step = r.step().name().toLowerCase(Locale.ROOT);
        return MigrationResult.of(Status.DRY_RUN, phase, "would run " + step + " for " + table
                + " (nothing was changed)", statements);
    }
}
