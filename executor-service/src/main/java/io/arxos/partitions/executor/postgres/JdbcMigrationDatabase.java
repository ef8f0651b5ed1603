package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.migration.MigrationDatabase;
import io.arxos.partitions.executor.app.migration.MigrationState;
import io.arxos.partitions.executor.domain.migration.MigrationNames;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.MonthTally;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import io.arxos.partitions.inventory.FleetConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration's database side: catalog reads about the table, the state row in the ledger schema, and each phase
 * in its own transaction with the state change inside it, so what is recorded is what happened.
 */
public final class JdbcMigrationDatabase implements MigrationDatabase {

    private final FleetConnections connections;
    private final LedgerMigrations ledger;

    public JdbcMigrationDatabase(FleetConnections connections, LedgerMigrations ledger) {
        this.connections = connections;
        this.ledger = ledger;
    }

    @Override
    public String ledgerSchema() {
        return ledger.schema().quoted();
    }

    private Connection open(DatabaseId database) throws SQLException {
        ledger.ensure(database);
        Connection c = connections.open(database);
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public SourceTable inspect(DatabaseId database, TableRef table, Identifier key) throws StepFailure {
        try (Connection c = open(database)) {
            SourceTable found = MigrationCatalog.read(c, table, key);
            c.commit();
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("inspecting " + table, e);
        }
    }

    @Override
    public Optional<MigrationState> state(DatabaseId database, TableRef table) throws StepFailure {
        try (Connection c = open(database)) {
            Optional<MigrationState> state = read(c, table, false);
            c.commit();
            return state;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the migration state of " + table, e);
        }
    }

    /** Reads the migration's state row, locking it when asked (one phase change or copy batch at a time). */
    Optional<MigrationState> read(Connection c, TableRef table, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT migration_id, phase, partition_key, primary_key, "
                + "primary_key_type, sequences, sequence_columns, last_key, rows_copied, rows_estimated, "
                + "identity_columns FROM "
                + ledgerSchema() + ".migrations WHERE schema_name = ? AND table_name = ?" + (lock ? " FOR UPDATE"
                : ""))) {
            ps.setString(1, table.schema().value());
            ps.setString(2, table.table().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] sequences = (String[]) rs.getArray(6).getArray();
                String[] columns = (String[]) rs.getArray(7).getArray();
                List<SourceTable.SequenceUse> uses = new ArrayList<>();
                for (int i = 0; i < sequences.length; i++) {
                    uses.add(new SourceTable.SequenceUse(sequences[i], Identifier.of(columns[i])));
                }
                List<Identifier> identity = new ArrayList<>();
                for (String column : (String[]) rs.getArray(11).getArray()) {
                    identity.add(Identifier.of(column));
                }
                return Optional.of(new MigrationState(rs.getString(1), MigrationPhase.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), MigrationNames.of(table), uses, identity,
                        Optional.ofNullable(rs.getString(8)), rs.getLong(9), rs.getLong(10)));
            }
        }
    }

    @Override
    public void start(DatabaseId database, MigrationState s, List<String> statements) throws StepFailure {
        try (Connection c = open(database)) {
            execute(c, statements);
            MigrationNames n = s.names();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ledgerSchema() + ".migrations (schema_name, "
                    + "table_name, migration_id, partition_key, primary_key, primary_key_type, target_name, "
                    + "backup_name, capture_function, reverse_function, trigger_name, sequences, sequence_columns, "
                    + "phase, rows_estimated, identity_columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (schema_name, table_name) DO UPDATE SET migration_id = EXCLUDED.migration_id, "
                    + "partition_key = EXCLUDED.partition_key, primary_key = EXCLUDED.primary_key, "
                    + "primary_key_type = EXCLUDED.primary_key_type, sequences = EXCLUDED.sequences, "
                    + "sequence_columns = EXCLUDED.sequence_columns, identity_columns = EXCLUDED.identity_columns, "
                    + "phase = EXCLUDED.phase, last_key = NULL, copy_until = NULL, "
                    + "rows_copied = 0, rows_estimated = EXCLUDED.rows_estimated, started_at = now(), "
                    + "updated_at = now() WHERE " + ledgerSchema() + ".migrations.phase = 'rolled_back'")) {
                ps.setString(1, n.source().schema().value());
                ps.setString(2, n.source().table().value());
                ps.setString(3, s.migrationId());
                ps.setString(4, s.partitionKey());
                ps.setString(5, s.primaryKey());
                ps.setString(6, s.primaryKeyType());
                ps.setString(7, n.target().table().value());
                ps.setString(8, n.backup().table().value());
                ps.setString(9, n.captureFunction().value());
                ps.setString(10, n.reverseFunction().value());
                ps.setString(11, n.trigger().value());
                ps.setArray(12, c.createArrayOf("text", s.sequences().stream().map(SourceTable.SequenceUse::sequence)
                        .toArray()));
                ps.setArray(13, c.createArrayOf("text", s.sequences().stream().map(u -> u.column().value())
                        .toArray()));
                ps.setString(14, s.phase().label());
                ps.setLong(15, s.rowsEstimated());
                ps.setArray(16, c.createArrayOf("text", s.identityColumns().stream().map(Identifier::value)
                        .toArray()));
                if (ps.executeUpdate() != 1) {
                    // another PREPARE won the race: nothing of ours may stay
                    c.rollback();
                    throw new StepFailure("55000", "a migration of " + n.source() + " is already under way", null);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw Jdbc.failure("preparing the migration of " + s.names().source(), e);
        }
    }

    @Override
    public Duration advance(DatabaseId database, TableRef table, List<String> statements, MigrationPhase next,
            Duration lockTimeout) throws StepFailure {
        try (Connection c = open(database)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
            }
            read(c, table, true); // one phase change at a time per table
            long start = System.nanoTime();
            execute(c, statements);
            setPhase(c, table, next);
            c.commit();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SQLException e) {
            throw Jdbc.failure(next.label() + " of " + table, e);
        }
    }

    @Override
    public Duration capture(DatabaseId database, TableRef table, List<String> statements, String boundSql,
            Duration lockTimeout) throws StepFailure {
        try (Connection c = open(database)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
            }
            read(c, table, true);
            long start = System.nanoTime();
            // the trigger exists before the bound is read: every row above it is written, and copied, by the trigger
            execute(c, statements);
            String bound;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(boundSql)) {
                rs.next();
                bound = rs.getString(1);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + ledgerSchema() + ".migrations SET phase = ?, "
                    + "copy_until = ?, updated_at = now() WHERE schema_name = ? AND table_name = ?")) {
                ps.setString(1, MigrationPhase.CAPTURING.label());
                ps.setString(2, bound);
                ps.setString(3, table.schema().value());
                ps.setString(4, table.table().value());
                ps.executeUpdate();
            }
            c.commit();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SQLException e) {
            throw Jdbc.failure("capture of " + table, e);
        }
    }

    @Override
    public CopySession copySession(DatabaseId database) {
        return new JdbcCopySession(database);
    }

    /** One connection for a chunk's batches; dropped after any failure so the retry starts on a fresh one. */
    private final class JdbcCopySession implements CopySession {
        private final DatabaseId database;
        private Connection connection;

        JdbcCopySession(DatabaseId database) {
            this.database = database;
        }

        Connection connection() throws SQLException {
            if (connection == null) {
                connection = open(database);
            }
            return connection;
        }

        void discard() {
            close();
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // already broken
                }
                connection = null;
            }
        }
    }

    @Override
    public CopiedBatch copy(CopySession session, TableRef table, MigrationSql.CopyStatements sql, int batchSize,
            boolean tolerant) throws StepFailure {
        JdbcCopySession copySession = (JdbcCopySession) session;
        try {
            Connection c = copySession.connection();
            return new JdbcCopyBatch(ledgerSchema(), this::read).copy(c, table, sql, batchSize, tolerant);
        } catch (SQLException e) {
            copySession.discard();
            throw Jdbc.failure("copying a batch of " + table, e);
        }
    }

    @Override
    public List<List<MonthTally>> tally(DatabaseId database, String originalSql, String partitionedSql)
            throws StepFailure {
        try (Connection c = open(database)) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            List<List<MonthTally>> both = List.of(tallyOf(c, originalSql), tallyOf(c, partitionedSql));
            c.commit();
            return both;
        } catch (SQLException e) {
            throw Jdbc.failure("comparing the tables", e);
        }
    }

    private static List<MonthTally> tallyOf(Connection c, String sql) throws SQLException {
        List<MonthTally> months = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                months.add(new MonthTally(rs.getString(1) == null ? "NULL" : rs.getString(1), rs.getLong(2),
                        rs.getString(3)));
            }
        }
        return months;
    }

    @Override
    public RolledBack rollback(DatabaseId database, TableRef table, Duration lockTimeout) throws StepFailure {
        try (Connection c = open(database)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
            }
            long start = System.nanoTime();
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + ledgerSchema()
                    + ".rollback_partitioning_migration(?, ?)")) {
                ps.setString(1, table.schema().value());
                ps.setString(2, table.table().value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
            c.commit();
            return new RolledBack(lines, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw Jdbc.failure("rolling back the migration of " + table, e);
        }
    }

    private void setPhase(Connection c, TableRef table, MigrationPhase next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + ledgerSchema() + ".migrations SET phase = ?, "
                + "updated_at = now() WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, next.label());
            ps.setString(2, table.schema().value());
            ps.setString(3, table.table().value());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no migration of " + table + " to move to " + next.label(), "55000");
            }
        }
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
