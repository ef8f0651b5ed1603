package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.migration.MigrationDatabase.CopiedBatch;
import io.arxos.partitions.executor.app.migration.MigrationState;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;

/**
 * One copy batch in one transaction: lock the migration's row, copy the next rows up to the capture-time bound
 * (plainly, or skipping rows the trigger copied already), record the last key, commit.
 */
final class JdbcCopyBatch {

    /** Reads the migration's state row, locking it. */
    @FunctionalInterface
    interface StateRead {
        Optional<MigrationState> read(Connection c, TableRef table, boolean lock) throws SQLException;
    }

    private final String ledgerSchema;
    private final StateRead states;

    JdbcCopyBatch(String ledgerSchema, StateRead state) {
        this.ledgerSchema = ledgerSchema;
        this.states = state;
    }

    CopiedBatch copy(Connection c, TableRef table, MigrationSql.CopyStatements sql, int batchSize,
            boolean tolerant) throws SQLException {
        try {
            MigrationState state = states.read(c, table, true).orElseThrow(() -> new SQLException("no migration of "
                    + table, "55000"));
            if (state.phase() != MigrationPhase.CAPTURING) {
                c.rollback();
                return new CopiedBatch(state.lastKey(), 0, false);
            }
            // durable with the progress in the same commit: a crash loses both together and the copy redoes them
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit = off");
            }
            Optional<String> until = copyUntil(c, table);
            if (until.isEmpty()) {
                c.commit(); // the table was empty when capture began: the trigger has everything
                return new CopiedBatch(state.lastKey(), 0, false);
            }
            boolean first = state.lastKey().isEmpty();
            Savepoint before = c.setSavepoint();
            String tolerantSql = first ? sql.firstTolerant() : sql.nextTolerant();
            CopiedBatch batch;
            if (tolerant) {
                batch = copyBatch(c, tolerantSql, state.lastKey(), until.get(), batchSize);
            } else {
                try {
                    batch = copyBatch(c, first ? sql.first() : sql.next(), state.lastKey(), until.get(), batchSize);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // the capture trigger copied some of these rows already: skip them this time
                    c.rollback(before);
                    CopiedBatch again = copyBatch(c, tolerantSql, state.lastKey(), until.get(), batchSize);
                    batch = new CopiedBatch(again.lastKey(), again.rows(), true);
                }
            }
            if (batch.rows() > 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + ledgerSchema + ".migrations SET "
                        + "last_key = ?, rows_copied = rows_copied + ?, updated_at = now() WHERE schema_name = ? AND "
                        + "table_name = ?")) {
                    ps.setString(1, batch.lastKey().orElseThrow());
                    ps.setLong(2, batch.rows());
                    ps.setString(3, table.schema().value());
                    ps.setString(4, table.table().value());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return batch;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException gone) {
                e.addSuppressed(gone); // the connection broke; the session opens a new one
            }
            throw e;
        }
    }

    private Optional<String> copyUntil(Connection c, TableRef table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT copy_until FROM " + ledgerSchema + ".migrations "
                + "WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, table.schema().value());
            ps.setString(2, table.table().value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static CopiedBatch copyBatch(Connection c, String sql, Optional<String> lastKey, String until,
            int batchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            if (lastKey.isPresent()) {
                ps.setString(p++, lastKey.get());
            }
            ps.setString(p++, until);
            ps.setInt(p, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CopiedBatch(Optional.ofNullable(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3) < rs.getLong(2));
            }
        }
    }
}
