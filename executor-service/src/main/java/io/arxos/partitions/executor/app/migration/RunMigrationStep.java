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
import io.arxos.partitions.executor.domain.migration.MonthComparison;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.MigrationTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Use case: run one phase of a table's online migration. Each phase checks the recorded state first, so a command
 * delivered twice, or a phase asked for out of order, gets ALREADY_APPLIED or a REJECTED outcome saying what comes
 * first; only tables the inventory lists under {@code migrations:} are touched. Retriable failures (lock timeouts,
 * a terminated backend) are retried with backoff; the copy then resumes from the last committed batch.
 */
public record RunMigrationStep(FleetInventory inventory, MigrationDatabase db, RetryPolicy retry, Settings settings,
        Clock clock, DoubleSupplier random) {

    private static final Logger LOG = Logger.getLogger(RunMigrationStep.class);

    /** Limits of the migration phases. */
    public record Settings(Duration lockTimeout, long headroomBytes) {
    }

    public MigrationResult run(MigrationRequest request) {
        long start = System.nanoTime();
        MigrationResult result;
        try {
            result = guarded(request);
        } catch (StepFailure e) {
            LOG.warnf("migration %s %s of %s failed: %s", request.migrationId(), request.step(), request.table(),
                    e.getMessage());
            result = MigrationResult.of(Status.FAILED, MigrationPhase.NONE, request.step() + " failed: "
                    + e.getMessage() + " (SQLSTATE " + e.sqlState() + ")", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = MigrationResult.of(Status.FAILED, MigrationPhase.NONE, "interrupted", List.of());
        }
        return result.took(Duration.ofNanos(System.nanoTime() - start));
    }

    private MigrationResult guarded(MigrationRequest request) throws StepFailure, InterruptedException {
        DatabaseId database = request.table().database();
        TableRef table = request.table().table();
        Optional<MigrationTarget> target = inventory.database(database).flatMap(d -> d.migration(table));
        if (target.isEmpty()) {
            return rejected("table " + request.table() + " is not listed under migrations: in the executor's "
                    + "inventory; add { name: " + table + ", partitionKey: " + request.partitionKey() + " }");
        }
        if (!target.get().partitionKey().equals(request.partitionKey())) {
            return rejected("the inventory migrates " + table + " by " + target.get().partitionKey() + ", not by "
                    + request.partitionKey());
        }
        if (request.dryRun()) {
            return new MigrationPreview(db, retry, random, settings, clock).preview(request, database, table);
        }
        return switch (request.step()) {
            case PREPARE -> prepare(request, database, table);
            case CAPTURE -> capture(request, database, table);
            case COPY -> new CopyPhase(db, retry, random).copy(request, database, table);
            case VERIFY -> verify(request, database, table);
            case SWAP -> swap(request, database, table);
            case FINALIZE -> finish(request, database, table);
            case ROLLBACK -> rollback(request, database, table);
            case STATUS -> status(database, table);
        };
    }

    private MigrationResult prepare(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        Optional<MigrationState> state = withRetry(() -> db.state(database, table));
        if (state.isPresent() && state.get().phase().active()) {
            return MigrationResult.of(Status.ALREADY_APPLIED, state.get().phase(), "migration "
                    + state.get().migrationId() + " of " + table + " is " + state.get().phase().label(), List.of());
        }
        SourceTable source = withRetry(() -> db.inspect(database, table, r.partitionKey()));
        Optional<String> refusal = MigrationGuard.refusal(source, settings.headroomBytes());
        if (refusal.isPresent()) {
            return rejected(refusal.get());
        }
        MigrationNames names = MigrationNames.of(table);
        List<String> sql = new MigrationSql(source, names).prepare(YearMonth.now(clock.withZone(ZoneOffset.UTC)),
                r.premake());
        MigrationState started = new MigrationState(r.migrationId(), MigrationPhase.PREPARED,
                r.partitionKey().value(), source.primaryKey().get(0), source.primaryKeyType(), names,
                source.sequences(), source.identityColumns(), Optional.empty(), Optional.empty(), 0,
                source.estimatedRows());
        withRetry(() -> {
            db.start(database, started, sql);
            return null;
        });
        long partitions = sql.stream().filter(statement -> statement.contains(" PARTITION OF ")).count();
        String byHand = source.indexesByHand().isEmpty() ? "" : "; recreate by hand on " + names.target() + ": "
                + String.join("; ", source.indexesByHand());
        return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.PREPARED, "created " + names.target() + " with "
                + partitions + " partitions" + byHand, sql)
                .withProgress(0, source.estimatedRows(), false, 0);
    }

    private MigrationResult capture(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        MigrationState state = current(database, table).orElse(null);
        if (state == null) {
            return rejected("nothing prepared for " + table + ": run PREPARE first");
        }
        if (state.phase() != MigrationPhase.PREPARED) {
            return MigrationResult.of(Status.ALREADY_APPLIED, state.phase(), "capture of " + table + " is on",
                    List.of());
        }
        SourceTable source = withRetry(() -> db.inspect(database, table, r.partitionKey()));
        List<String> sql = new MigrationSql(source, state.names()).capture();
        String bound = new MigrationSql(source, state.names()).copyBound();
        Duration held = withRetry(() -> db.capture(database, table, sql, bound, settings.lockTimeout()));
        return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.CAPTURING, "every write to " + table
                + " now reaches " + state.names().target(), sql).withBlocked(held);
    }

    private MigrationResult verify(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        MigrationState state = current(database, table).orElse(null);
        if (state == null || state.phase() == MigrationPhase.PREPARED) {
            return rejected("nothing to compare for " + table + ": the copy has not started");
        }
        MigrationSql sql = sqlFor(state, r);
        if (state.phase() == MigrationPhase.SWAPPED) {
            sql = sql.afterSwap();
        }
        List<String> statements = List.of(sql.monthTally(false), sql.monthTally(true));
        var tallies = withRetry(() -> db.tally(database, statements.get(0), statements.get(1)));
        List<MonthComparison> compared = MonthComparison.compare(tallies.get(0), tallies.get(1));
        List<String> differences = MonthComparison.differences(compared);
        MigrationPhase phase = state.phase();
        if (differences.isEmpty() && phase == MigrationPhase.COPIED) {
            withRetry(() -> db.advance(database, table, List.of(), MigrationPhase.VERIFIED, settings.lockTimeout()));
            phase = MigrationPhase.VERIFIED;
        }
        long rows = compared.stream().mapToLong(MonthComparison::sourceRows).sum();
        String message = differences.isEmpty() ? "equal: " + compared.size() + " months, " + rows + " rows"
                : differences.size() + " of " + compared.size() + " months differ"
                        + (state.phase() == MigrationPhase.CAPTURING ? " (the copy is still running)" : "");
        return MigrationResult.of(Status.SUCCEEDED, phase, message, statements).withComparison(compared, differences);
    }

    private MigrationResult swap(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        MigrationState state = current(database, table).orElse(null);
        if (state == null) {
            return rejected("nothing to swap for " + table + ": no migration under way");
        }
        if (state.phase() == MigrationPhase.SWAPPED) {
            return MigrationResult.of(Status.ALREADY_APPLIED, state.phase(), table + " is partitioned already",
                    List.of());
        }
        if (state.phase() != MigrationPhase.VERIFIED) {
            return rejected(table + " is " + state.phase().label() + ": VERIFY must find both tables equal first");
        }
        List<String> sql = sqlFor(state, r).swap(settings.lockTimeout().toMillis());
        Duration held = withRetry(() -> db.advance(database, table, sql, MigrationPhase.SWAPPED,
                settings.lockTimeout()));
        return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.SWAPPED, table + " is partitioned; the original is "
                + state.names().backup() + " and receives every write until the migration is rolled back or the "
                + "backup dropped", sql).withBlocked(held);
    }

    private MigrationResult finish(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        Optional<MigrationState> recorded = withRetry(() -> db.state(database, table));
        if (recorded.isPresent() && recorded.get().phase() == MigrationPhase.FINALIZED) {
            return MigrationResult.of(Status.ALREADY_APPLIED, MigrationPhase.FINALIZED, "the migration of " + table
                    + " is finalized", List.of());
        }
        MigrationState state = recorded.filter(s -> s.phase() == MigrationPhase.SWAPPED).orElse(null);
        if (state == null) {
            return rejected(table + " is " + recorded.map(s -> s.phase().label()).orElse("not migrated")
                    + ": only a swapped migration can be finalized");
        }
        List<String> sql = sqlFor(state, r).afterSwap().finish();
        Duration held = withRetry(() -> db.advance(database, table, sql, MigrationPhase.FINALIZED,
                settings.lockTimeout()));
        return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.FINALIZED, "writes no longer reach "
                + state.names().backup() + "; drop it when satisfied (rollback is no longer possible)", sql)
                .withBlocked(held);
    }

    private MigrationResult rollback(MigrationRequest r, DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        Optional<MigrationState> recorded = withRetry(() -> db.state(database, table));
        if (recorded.isPresent() && recorded.get().phase() == MigrationPhase.FINALIZED) {
            return rejected("the migration of " + table + " is finalized: writes no longer reach "
                    + recorded.get().names().backup() + ", so rolling back would lose them");
        }
        MigrationState state = recorded.filter(s -> s.phase().active()).orElse(null);
        if (state == null) {
            return MigrationResult.of(Status.ALREADY_APPLIED, MigrationPhase.NONE, "nothing to roll back for "
                    + table, List.of());
        }
        List<String> sql = List.of(MigrationSql.rollbackCall(db.ledgerSchema(), table));
        MigrationDatabase.RolledBack done = withRetry(() -> db.rollback(database, table, settings.lockTimeout()));
        return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.ROLLED_BACK, String.join("; ", done.lines()), sql)
                .withBlocked(done.held());
    }

    private MigrationResult status(DatabaseId database, TableRef table) throws StepFailure, InterruptedException {
        Optional<MigrationState> state = withRetry(() -> db.state(database, table));
        if (state.isEmpty()) {
            return MigrationResult.of(Status.SUCCEEDED, MigrationPhase.NONE, "no migration of " + table, List.of());
        }
        MigrationState s = state.get();
        boolean copied = s.phase().ordinal() >= MigrationPhase.COPIED.ordinal()
                && s.phase() != MigrationPhase.ROLLED_BACK;
        return MigrationResult.of(Status.SUCCEEDED, s.phase(), "migration " + s.migrationId() + " is "
                + s.phase().label(), List.of()).withProgress(s.rowsCopied(), s.rowsEstimated(), copied, 0);
    }

    /** The active migration's state; a rolled-back one counts as none. */
    private Optional<MigrationState> current(DatabaseId database, TableRef table)
            throws StepFailure, InterruptedException {
        return withRetry(() -> db.state(database, table)).filter(s -> s.phase().active());
    }

    private static MigrationSql sqlFor(MigrationState s, MigrationRequest r) {
        return RecordedTable.sql(s, r.partitionKey());
    }

    private static MigrationResult rejected(String why) {
        return MigrationResult.rejected(why);
    }

    /** A database call that may fail retriably. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws StepFailure;
    }

    private <T> T withRetry(Call<T> call) throws StepFailure, InterruptedException {
        return Retrying.call(call, retry, random);
    }
}
