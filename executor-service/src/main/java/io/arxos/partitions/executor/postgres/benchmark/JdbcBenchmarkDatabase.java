package io.arxos.partitions.executor.postgres.benchmark;

import io.arxos.partitions.core.BenchmarkScratch;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.benchmark.BenchmarkDatabase;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession.BenchmarkException;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import io.arxos.partitions.inventory.FleetConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Opens a benchmark's two sessions outside the executor's pool (a benchmark holds them for minutes and must not
 * starve maintenance), after taking the database's benchmark advisory lock on the first, so that one benchmark at a
 * time runs per database whichever executor holds the command.
 */
public record JdbcBenchmarkDatabase(FleetConnections connections, Clock clock,
        Duration lockPoll) implements BenchmarkDatabase {

    /** The advisory lock key every executor uses for "a benchmark runs on this database". */
    static final long LOCK_KEY = 0x6172_786f_7342_656eL;
    private static final Logger LOG = Logger.getLogger(JdbcBenchmarkDatabase.class);

    @Override
    public BenchmarkSession open(BenchmarkJob job, Instant waitUntil) throws BenchmarkException {
        Connection before = null;
        Connection after = null;
        try {
            before = connections.open(job.table().database());
            lock(before, job, waitUntil);
            after = connections.open(job.table().database());
            JdbcBenchmarkSession.configure(before, job.settings().statementTimeoutMillis(), job.pruningOff());
            JdbcBenchmarkSession.configure(after, job.settings().statementTimeoutMillis(), false);
            dropLeftovers(before);
            return new JdbcBenchmarkSession(before, after);
        } catch (SQLException e) {
            close(before);
            close(after);
            throw new BenchmarkException("database " + job.table().database() + ": " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", true, e);
        } catch (BenchmarkException | RuntimeException e) {
            close(before);
            close(after);
            throw e;
        }
    }

    private void lock(Connection c, BenchmarkJob job, Instant waitUntil) throws SQLException, BenchmarkException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (!clock.instant().plus(lockPoll).isBefore(waitUntil)) {
                    throw new BenchmarkException("another benchmark held database " + job.table().database()
                            + "'s benchmark lock until the deadline " + waitUntil, false, null);
                }
                try {
                    Thread.sleep(lockPoll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchmarkException("interrupted while waiting for the benchmark lock", true, e);
                }
            }
        }
    }

    /**
     * Scratch copies that exist while this executor holds the database's benchmark lock are left over from a
     * benchmark that died (a killed executor): no other benchmark can be using them.
     */
    static List<TableRef> dropLeftovers(Connection c) throws SQLException {
        List<TableRef> leftovers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"
                + " AND starts_with(c.relname, ?)")) {
            ps.setString(1, BenchmarkScratch.SCHEMA);
            ps.setString(2, BenchmarkScratch.PREFIX);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Identifier.isPlain(rs.getString(1))) {
                        leftovers.add(TableRef.of(BenchmarkScratch.SCHEMA, rs.getString(1)));
                    }
                }
            }
        }
        for (TableRef leftover : leftovers) {
            JdbcBenchmarkSession.dropScratch(c, leftover);
            LOG.warnf("dropped %s, a scratch copy left over by a benchmark that did not finish", leftover);
        }
        return leftovers;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after a failure; the failure is what gets reported
            }
        }
    }
}
