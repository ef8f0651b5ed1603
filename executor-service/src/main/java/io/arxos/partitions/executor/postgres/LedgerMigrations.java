package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.inventory.FleetConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Installs and upgrades the ledger schema (operations table, v_partition_sizes view, migrations state and the
 * rollback function) in a fleet database with
 * Flyway, once per database per process. Migrations are Java classes reading SQL resources, so they work inside a
 * packaged Quarkus application without classpath scanning.
 */
public final class LedgerMigrations {

    private static final Logger LOG = Logger.getLogger(LedgerMigrations.class);

    private final FleetConnections connections;
    private final Identifier ledgerSchema;
    private final Set<DatabaseId> migrated = ConcurrentHashMap.newKeySet();

    public LedgerMigrations(FleetConnections connections, Identifier ledgerSchema) {
        this.connections = connections;
        this.ledgerSchema = ledgerSchema;
    }

    public Identifier schema() {
        return ledgerSchema;
    }

    /** Migrates the database unless this process already did; safe to call before every ledger use. */
    public void ensure(DatabaseId database) throws SQLException {
        if (migrated.contains(database)) {
            return;
        }
        synchronized (this) {
            if (migrated.contains(database)) {
                return;
            }
            try {
                Flyway.configure(LedgerMigrations.class.getClassLoader())
                        .dataSource(new FleetDataSource(connections, database))
                        .schemas(ledgerSchema.value())
                        .table("flyway_schema_history")
                        .locations("classpath:io/arxos/partitions/executor/postgres/none")
                        .javaMigrations(new V1__Operations_ledger(), new V2__Partition_sizes_view(),
                                new V3__Migrations())
                        .placeholders(Map.of("ledger_schema", ledgerSchema.quoted()))
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof SQLException)) {
                    cause = cause.getCause();
                }
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException("ledger migration of " + database + " failed: " + e.getMessage(), "58000", e);
            }
            warnIfLockProbeIsBlind(database);
            migrated.add(database);
        }
    }

    /**
     * Without pg_read_all_stats, pg_stat_activity hides other roles' transaction start times, so the lock probe
     * cannot tell a long-running reader from a short writer; lock_timeout alone then caps each stall.
     */
    private void warnIfLockProbeIsBlind(DatabaseId database) throws SQLException {
        try (Connection c = connections.open(database); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "SELECT pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')")) {
            if (rs.next() && !rs.getBoolean(1)) {
                LOG.warnf("database %s: the executor's role lacks pg_read_all_stats, so it cannot see how long other "
                        + "roles hold locks; GRANT pg_read_all_stats TO it (lock_timeout still caps each wait)",
                        database);
            }
        }
    }

    /** Runs one SQL resource with the ledger schema substituted. */
    abstract static class SqlResourceMigration extends BaseJavaMigration {
        private final String resource;

        SqlResourceMigration(String resource) {
            this.resource = resource;
        }

        @Override
        public void migrate(Context context) throws Exception {
            String sql;
            try (InputStream in = LedgerMigrations.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("missing migration resource " + resource);
                }
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String schema = context.getConfiguration().getPlaceholders().get("ledger_schema");
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(sql.replace("${ledger_schema}", schema));
            }
        }
    }

    /** Creates the operations ledger. */
    static final class V1__Operations_ledger extends SqlResourceMigration {
        V1__Operations_ledger() {
            super("db/ledger/V1__operations_ledger.sql");
        }
    }

    /** Creates the v_partition_sizes view. */
    static final class V2__Partition_sizes_view extends SqlResourceMigration {
        V2__Partition_sizes_view() {
            super("db/ledger/V2__partition_sizes_view.sql");
        }
    }

    /** Creates the migrations state table and rollback_partitioning_migration(). */
    static final class V3__Migrations extends SqlResourceMigration {
        V3__Migrations() {
            super("db/ledger/V3__migrations.sql");
        }
    }

    /** Flyway needs a DataSource; this one opens connections exactly as the executor does. */
    private record FleetDataSource(FleetConnections connections, DatabaseId database) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return connections.open(database);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // connect timeout comes from FleetConnections
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
