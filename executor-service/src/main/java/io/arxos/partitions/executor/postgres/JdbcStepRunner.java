package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.PreconditionFailed;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.StepRunner;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.executor.domain.Rejection;
import io.arxos.partitions.executor.domain.Step;
import io.arxos.partitions.inventory.FleetConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs each step in one transaction: {@code SET LOCAL lock_timeout}, the table's advisory lock, a probe that refuses
 * to queue an exclusive lock behind a long-running transaction (a queued ACCESS EXCLUSIVE request blocks every writer
 * that arrives after it), the precondition, the statements, and the ledger row, then commit.
 */
public final class JdbcStepRunner implements StepRunner {

    private static final Logger LOG = Logger.getLogger(JdbcStepRunner.class);
    /** Namespace of our advisory locks (first key), so they cannot collide with an application's. */
    static final int ADVISORY_NAMESPACE = 0x61727870; // "arxp"

    private final FleetConnections connections;
    private final LedgerMigrations ledger;
    private final Settings settings;
    private final Clock clock;

    /** Lock and timeout settings of every step transaction. */
    public record Settings(Duration lockTimeout, Duration statementTimeout, Duration longTransaction, String executor) {
    }

    public JdbcStepRunner(FleetConnections connections, LedgerMigrations ledger, Settings settings, Clock clock) {
        this.connections = connections;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long run(TableKey table, ExecutorCommand command, Step step, int attempt)
            throws StepFailure, PreconditionFailed {
        Instant started = clock.instant();
        try {
            ledger.ensure(table.database());
        } catch (SQLException e) {
            throw Jdbc.failure("installing the ledger in " + table.database(), e);
        }
        try (Connection c = connections.open(table.database())) {
            c.setAutoCommit(false);
            try {
                long moved = inTransaction(c, table, command, step, attempt, started);
                c.commit();
                LOG.infof("%s step %s committed (%s, partition command of run %s)", command.header().id(), step.name(),
                        table, command.header().runId());
                return moved;
            } catch (SQLException | PreconditionFailed | StepFailure e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("step " + step.name() + " of " + command.header().id(), e);
        }
    }

    private long inTransaction(Connection c, TableKey table, ExecutorCommand command, Step step, int attempt,
            Instant started) throws SQLException, PreconditionFailed, StepFailure {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
            s.execute("SET LOCAL statement_timeout = " + settings.statementTimeout().toMillis());
        }
        advisoryLock(c, table);
        if (!step.exclusiveLocks().isEmpty()) {
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
        for (int i = 0; i < statements.size(); i++) {
            LOG.infof("%s [%s] %s", command.header().id(), step.name(), statements.get(i));
            try (Statement s = c.createStatement()) {
                s.execute(statements.get(i));
                if (i == step.movedRowsStatement()) {
                    moved = Math.max(0, s.getUpdateCount());
                }
            }
        }
        LedgerRows.insert(c, ledger.schema(), settings.executor(), command, new LedgerRows.Row(step.name(),
                step.isFinal(), "applied", attempt, statements, moved, null, null, null, started));
        return moved;
    }

    private static void advisoryLock(Connection c, TableKey table) throws SQLException, StepFailure {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, ADVISORY_NAMESPACE);
            ps.setString(2, table.table().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new StepFailure("55P03", "another maintenance session holds the advisory lock of "
                            + table.table(), null);
                }
            }
        }
    }

    @Override
    public void compensate(TableKey table, ExecutorCommand command, List<String> statements) {
        // a constraint left on the default partition would refuse inserts for the month: try a few times, spaced
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (Connection c = connections.open(table.database())) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
                    advisoryLock(c, table);
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
