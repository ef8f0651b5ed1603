package io.arxos.partitions.executor.postgres.migration;

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

    private final JdbcMigrationStates states;

    JdbcCopyBatch(JdbcMigrationStates states) {
        this.states = states;
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
            Optional<String> until = state.copyUntil();
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
                states.recordBatch(c, table, batch.lastKey().orElseThrow(), batch.rows());
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
