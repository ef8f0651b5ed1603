package io.arxos.partitions.executor.postgres.migration;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.migration.MigrationDatabase;
import io.arxos.partitions.executor.app.migration.MigrationState;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.MonthTally;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import io.arxos.partitions.executor.postgres.Jdbc;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.DatabaseConnections;
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

    private final DatabaseConnections connections;
    private final LedgerMigrations ledger;
    private final JdbcMigrationStates states;

    public JdbcMigrationDatabase(DatabaseConnections connections, LedgerMigrations ledger) {
        this.connections = connections;
        this.ledger = ledger;
        this.states = new JdbcMigrationStates(ledger.schema().quoted());
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
            Optional<MigrationState> state = states.read(c, table, false);
            c.commit();
            return state;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the migration state of " + table, e);
        }
    }

    @Override
    public void start(DatabaseId database, MigrationState s, List<String> statements) throws StepFailure {
        try (Connection c = open(database)) {
            execute(c, statements);
            if (!states.insert(c, s)) {
                // another PREPARE won the race: nothing of ours may stay
                c.rollback();
                throw new StepFailure("55000", "a migration of " + s.names().source() + " is already under way",
                        null);
            }
            c.commit();
        } catch (SQLException e) {
            throw Jdbc.failure("preparing the migration of " + s.names().source(), e);
        }
    }

    @Override
    public Duration advance(DatabaseId database, TableRef table, List<String> statements, MigrationPhase next,
            Duration lockTimeout) throws StepFailure {
        return phaseChange(database, table, statements, next, Optional.empty(), lockTimeout);
    }

    @Override
    public Duration capture(DatabaseId database, TableRef table, List<String> statements, String boundSql,
            Duration lockTimeout) throws StepFailure {
        // the trigger exists before the bound is read: every row above it is written, and copied, by the trigger
        return phaseChange(database, table, statements, MigrationPhase.CAPTURING, Optional.of(boundSql),
                lockTimeout);
    }

    /**
     * Runs a phase's statements and records the new phase (and, for capture, where the copy ends) in one
     * transaction that first locks the migration's row: one phase change at a time per table.
     *
     * @return how long the transaction held its locks, from its first statement to commit
     */
    private Duration phaseChange(DatabaseId database, TableRef table, List<String> statements, MigrationPhase next,
            Optional<String> boundSql, Duration lockTimeout) throws StepFailure {
        try (Connection c = open(database)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
            }
            states.read(c, table, true);
            long start = System.nanoTime();
            execute(c, statements);
            Optional<String> bound = Optional.empty();
            if (boundSql.isPresent()) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(boundSql.get())) {
                    rs.next();
                    bound = Optional.ofNullable(rs.getString(1));
                }
            }
            states.setPhase(c, table, next, bound);
            c.commit();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SQLException e) {
            throw Jdbc.failure(next.label() + " of " + table, e);
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
            return new JdbcCopyBatch(states).copy(c, table, sql, batchSize, tolerant);
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

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
