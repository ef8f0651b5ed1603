package io.arxos.partitions.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's embedded binaries) listening on TCP only, with helpers to create databases and
 * password-authenticated roles the way a fleet database would have them.
 */
public final class PostgresTestServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresTestServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresTestServer start() {
        return start(null, 0);
    }

    /** Starts a server in {@code dataDirectory} (a fresh temporary one when null) on {@code port} (0 = any). */
    public static PostgresTestServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // keep the server off /tmp sockets: TCP only
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setServerConfig("shared_buffers", "32MB")
                    // the analysis reads query patterns from it; CREATE EXTENSION per database
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            PostgresTestServer server = new PostgresTestServer(builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A superuser connection (user postgres, trust auth) to the given database. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    /**
     * Creates a login role with a password and a database it owns, as a fleet database would be set up for this
     * tool, including {@code pg_read_all_stats} for the executor's lock probe.
     */
    public void createDatabase(String database, String owner, String password) {
        requirePlain(database);
        requirePlain(owner);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + owner + "') THEN "
                    + "CREATE ROLE " + owner + " LOGIN PASSWORD '" + password.replace("'", "''") + "'; END IF; END$$");
            s.execute("CREATE DATABASE " + database + " OWNER " + owner);
            // lets the executor see how long other roles' transactions have held locks (its lock probe)
            s.execute("GRANT pg_read_all_stats TO " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static void requirePlain(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain identifier");
        }
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // already stopped
        }
    }
}
