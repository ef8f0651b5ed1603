package io.arxos.partitions.executor.postgres.benchmark;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession;
import io.arxos.partitions.executor.domain.benchmark.PlanFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A benchmark's two sessions, autocommit and read-only by default, so every query is its own read-only transaction
 * under the statement_timeout. Queries are sent as plain statements, planned on every run as an application's
 * ad-hoc query would be; the timed part is sending the query and reading every row.
 */
final class JdbcBenchmarkSession implements BenchmarkSession {

    private final Connection before;
    private final Connection after;

    JdbcBenchmarkSession(Connection before, Connection after) {
        this.before = before;
        this.after = after;
    }

    static void configure(Connection c, int statementTimeoutMillis, boolean pruningOff) throws SQLException {
        c.setAutoCommit(true);
        set(c, "statement_timeout", Integer.toString(statementTimeoutMillis));
        set(c, "default_transaction_read_only", "on");
        if (pruningOff) {
            set(c, "enable_partition_pruning", "off");
        }
    }

    static void set(Connection c, String setting, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
            ps.setString(1, setting);
            ps.setString(2, value);
            ps.executeQuery().close();
        }
    }

    @Override
    public boolean vacuumAnalyze(TableRef relation) throws BenchmarkException {
        // VACUUM cannot run in a read-only transaction: lift the default for this one statement
        try {
            set(before, "default_transaction_read_only", "off");
            try (Statement s = before.createStatement()) {
                s.execute("VACUUM (ANALYZE) " + relation.quoted());
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (w.getMessage() != null && w.getMessage().contains("skipping")) {
                        return false;
                    }
                }
                return true;
            } finally {
                set(before, "default_transaction_read_only", "on");
            }
        } catch (SQLException e) {
            throw failure("VACUUM ANALYZE " + relation, e, before);
        }
    }

    @Override
    public void copy(TableRef source, TableRef copy, long maxBytes) throws BenchmarkException {
        try {
            long bytes;
            try (PreparedStatement ps = before.prepareStatement("SELECT coalesce(sum(pg_total_relation_size("
                    + "t.relid)), 0) FROM pg_partition_tree(?::regclass) t")) {
                ps.setString(1, source.quoted());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
            }
            if (bytes > maxBytes) {
                throw new BenchmarkException("a copy of " + source + " would take about " + bytes / (1 << 20)
                        + " MiB, above the configured " + maxBytes / (1 << 20) + " MiB "
                        + "(executor.benchmark.copy-max-bytes): refused", false, null);
            }
            set(before, "default_transaction_read_only", "off");
            try (Statement s = before.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + copy.schema().quoted());
                // one snapshot: the copy holds the rows the table held at one instant
                before.setAutoCommit(false);
                before.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                s.execute("CREATE TABLE " + copy.quoted() + " (LIKE " + source.quoted() + " INCLUDING ALL)");
                s.execute("INSERT INTO " + copy.quoted() + " SELECT * FROM " + source.quoted());
                before.commit();
            } finally {
                if (!before.getAutoCommit()) {
                    before.rollback();
                    before.setAutoCommit(true);
                }
                before.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                set(before, "default_transaction_read_only", "on");
            }
        } catch (SQLException e) {
            throw failure("copying " + source + " to " + copy, e, before);
        }
    }

    @Override
    public void dropCopy(TableRef copy) {
        try {
            dropScratch(before, copy);
        } catch (SQLException e) {
            // the next benchmark of this database drops leftovers before it starts
        }
    }

    /** Drops one scratch copy, read-only default lifted for the statement. */
    static void dropScratch(Connection c, TableRef copy) throws SQLException {
        set(c, "default_transaction_read_only", "off");
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + copy.quoted());
        } finally {
            set(c, "default_transaction_read_only", "on");
        }
    }

    @Override
    public int partitions(TableRef relation) throws BenchmarkException {
        try (PreparedStatement ps = after.prepareStatement("SELECT count(*) FROM pg_partition_tree(?::regclass) t"
                + " WHERE t.isleaf AND t.relid <> ?::regclass")) {
            ps.setString(1, relation.quoted());
            ps.setString(2, relation.quoted());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("counting the partitions of " + relation, e, after);
        }
    }

    @Override
    public double time(Side side, String sql) throws BenchmarkException {
        Connection c = connection(side);
        try (Statement s = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    // every row crosses the wire, as it would to an application
                }
            }
            return (System.nanoTime() - start) / 1_000_000.0;
        } catch (SQLException e) {
            throw failure(side.name().toLowerCase(java.util.Locale.ROOT) + " side", e, c);
        }
    }

    @Override
    public Digest digest(Side side, String sql) throws BenchmarkException {
        Connection c = connection(side);
        // order-independent: a sum of per-row hashes, so both sides agree whatever order their plans return rows in
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum("
                + "hashtextextended(r::text, 0)::numeric), 0)::text FROM (" + sql + ") r")) {
            rs.next();
            return new Digest(rs.getLong(1), rs.getString(2));
        } catch (SQLException e) {
            throw failure("result check on the " + side.name().toLowerCase(java.util.Locale.ROOT) + " side", e, c);
        }
    }

    @Override
    public PlanFacts explain(Side side, String sql, TableRef relation) throws BenchmarkException {
        Connection c = connection(side);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            rs.next();
            return ExplainReader.read(rs.getString(1), relation.table().value());
        } catch (SQLException e) {
            throw failure("EXPLAIN on the " + side.name().toLowerCase(java.util.Locale.ROOT) + " side", e, c);
        }
    }

    private Connection connection(Side side) {
        return side == Side.BEFORE ? before : after;
    }

    private static BenchmarkException failure(String what, SQLException e, Connection c) {
        boolean lost = e.getSQLState() != null && e.getSQLState().startsWith("08");
        try {
            lost = lost || c.isClosed();
        } catch (SQLException ignored) {
            lost = true;
        }
        String message = "57014".equals(e.getSQLState()) ? what + ": statement_timeout reached"
                : what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")";
        return new BenchmarkException(message, lost, e);
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {before, after}) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the lock goes with the session; nothing else to release
            }
        }
    }
}
