package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.maintenance.PreconditionFailed;
import io.arxos.partitions.executor.app.maintenance.StepRunner;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Rejection;
import io.arxos.partitions.executor.domain.maintenance.Step;
import io.arxos.partitions.executor.postgres.Jdbc;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.DatabaseConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs each step in one transaction: lock and statement timeouts and the table's advisory lock (one round trip), a
 * probe that refuses to queue an exclusive lock on the parent behind a long-running transaction (a queued ACCESS
 * EXCLUSIVE request blocks every writer that arrives after it), the precondition, the statements, and one ledger row
 * per command taking part, then commit.
 */
public final class JdbcStepRunner implements StepRunner {

    private static final Logger LOG = Logger.getLogger(JdbcStepRunner.class);
    /** Namespace of our advisory locks (first key), so they cannot collide with an application's. */
    static final int ADVISORY_NAMESPACE = 0x61727870; // "arxp"

    private final DatabaseConnections connections;
    private final LedgerMigrations ledger;
    private final Settings settings;
    private final Clock clock;

    /** Lock and timeout settings of every step transaction. */
    public record Settings(Duration lockTimeout, Duration statementTimeout, Duration longTransaction, String executor) {
    }

    public JdbcStepRunner(DatabaseConnections connections, LedgerMigrations ledger, Settings settings, Clock clock) {
        this.connections = connections;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long runTogether(TableKey table, List<LedgerEntry> entries, Step step)
            throws StepFailure, PreconditionFailed {
        Instant started = clock.instant();
        String what = entries.size() == 1 ? entries.get(0).command().header().id().value()
                : entries.size() + " commands of " + table;
        try {
            ledger.ensure(table.database());
        } catch (SQLException e) {
            throw Jdbc.failure("installing the ledger in " + table.database(), e);
        }
        try (Connection c = connections.open(table.database())) {
            c.setAutoCommit(false);
            try {
                long moved = inTransaction(c, table, entries, step, started, what);
                c.commit();
                LOG.infof("%s step %s committed (%s, run %s)", what, step.name(), table,
                        entries.get(0).command().header().runId());
                return moved;
            } catch (SQLException e) {
                c.rollback();
                if (LedgerRows.ID_REUSED.equals(e.getSQLState())) {
                    // another command holds this id in the ledger; the DDL went with the rollback
                    throw new PreconditionFailed(new Rejection(Rejection.Rule.COMMAND_ID_REUSED,
                            e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                                    ? p.getServerErrorMessage().getMessage() : e.getMessage()));
                }
                explainLockTimeout(c, table, step, e);
                throw e;
            } catch (PreconditionFailed | StepFailure e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("step " + step.name() + " of " + what, e);
        }
    }

    /**
     * A step that would queue for a lock on the parent itself stalls every writer behind it, so it looks for
     * long-running holders first. Any other step just tries under lock_timeout and looks only once it timed out, to
     * say who held the lock: one query fewer per step where nobody is in the way, which is nearly always.
     */
    private static boolean probesFirst(TableKey table, Step step) {
        return step.exclusiveLocks().contains(table.table().table().value());
    }

    private long inTransaction(Connection c, TableKey table, List<LedgerEntry> entries, Step step, Instant started,
            String what) throws SQLException, PreconditionFailed, StepFailure {
        setUp(c, table);
        if (probesFirst(table, step)) {
            LockProbe.refuseIfHeldTooLong(c, table.table().schema().value(), step.exclusiveLocks(),
                    settings.longTransaction());
        }
        if (step.precondition().isPresent()) {
            Step.Precondition check = step.precondition().get();
            long count = Jdbc.count(c, check.countQuery());
            if (count > 0) {
                throw new PreconditionFailed(new Rejection(check.rule(), check.message(count)));
            }
        }
        long moved = 0;
        List<String> statements = step.statements();
        // every statement is logged, in one record per step: a batch of months would otherwise write dozens of lines
        LOG.infof("%s [%s] %s", what, step.name(), String.join(";\n  ", statements));
        // one round trip for the whole step: the driver sends every statement before it waits for the first answer,
        // and PostgreSQL stops at the first error (the transaction is then rolled back as a whole anyway)
        try (Statement s = c.createStatement()) {
            boolean isResultSet = s.execute(String.join(";\n", statements));
            for (int i = 0; i < statements.size(); i++) {
                if (i == step.movedRowsStatement() && !isResultSet) {
                    moved = Math.max(0, s.getUpdateCount());
                }
                isResultSet = s.getMoreResults();
            }
        }
        List<LedgerRows.Entry> rows = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            rows.add(new LedgerRows.Entry(entry.command(), new LedgerRows.Row(step.name(), step.isFinal(), "applied",
                    entry.attempt(), entry.statements(), moved, null, null, null, started)));
        }
        LedgerRows.insertAll(c, ledger.schema(), settings.executor(), rows);
        return moved;
    }

    /** Time limits and the table's advisory lock, in one round trip. */
    private void setUp(Connection c, TableKey table) throws SQLException, StepFailure {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, true),"
                + " set_config('statement_timeout', ?, true), pg_try_advisory_xact_lock(?, hashtext(?))")) {
            ps.setString(1, settings.lockTimeout().toMillis() + "ms");
            ps.setString(2, settings.statementTimeout().toMillis() + "ms");
            ps.setInt(3, ADVISORY_NAMESPACE);
            ps.setString(4, table.table().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(3)) {
                    throw new StepFailure("55P03", "another maintenance session holds the advisory lock of "
                            + table.table(), null);
                }
            }
        }
    }

    /**
     * After a lock timeout of a step that did not probe first: names the session that has held the lock for long,
     * if one did (as a retriable failure, like the probe would have); otherwise the lock timeout stands.
     */
    private void explainLockTimeout(Connection c, TableKey table, Step step, SQLException e) throws StepFailure {
        if (!"55P03".equals(e.getSQLState()) || step.exclusiveLocks().isEmpty() || probesFirst(table, step)) {
            return;
        }
        try {
            LockProbe.refuseIfHeldTooLong(c, table.table().schema().value(), step.exclusiveLocks(),
                    settings.longTransaction());
        } catch (SQLException probeFailed) {
            LOG.debugf("lock probe after a timeout failed: %s", probeFailed.getMessage());
        } finally {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the pool rolls back again before reuse
            }
        }
    }

    @Override
    public void compensate(TableKey table, ExecutorCommand command, List<String> statements) {
        // a constraint left on the default partition would refuse inserts for the month: try a few times, spaced
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (Connection c = connections.open(table.database())) {
                c.setAutoCommit(false);
                setUp(c, table);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        LOG.infof("%s [compensate] %s", command.header().id(), sql);
                        s.execute(sql);
                    }
                }
                c.commit();
                return;
            } catch (SQLException | StepFailure e) {
                LOG.warnf("%s: clean-up attempt %d failed: %s", command.header().id(), attempt, e.getMessage());
                try {
                    Thread.sleep(250L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.errorf("%s: clean-up did not complete; the next create of this month removes the leftovers",
                command.header().id());
    }
}
