package io.arxos.partitions.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The fleet benchmark's private cluster: its role, its databases, and the untimed upkeep before each pass. Every
 * side connects as {@link #ROLE}, as an operator's tool would; pg_partman's maintenance runs as the superuser.
 */
final class BenchmarkCluster {

    static final String ROLE = "partman_bench";

    private final SystemPostgres postgres;
    private final String rolePassword;

    private BenchmarkCluster(SystemPostgres postgres, String rolePassword) {
        this.postgres = postgres;
        this.rolePassword = rolePassword;
    }

    /** Creates the benchmark role (it reads other roles' transaction start times: the lock probe's needs). */
    static BenchmarkCluster on(SystemPostgres postgres) throws SQLException {
        String password = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(12));
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            s.execute("GRANT pg_read_all_stats TO " + ROLE);
        }
        return new BenchmarkCluster(postgres, password);
    }

    SystemPostgres postgres() {
        return postgres;
    }

    String rolePassword() {
        return rolePassword;
    }

    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(db), ROLE, rolePassword);
    }

    void recreateDatabase(String db) throws SQLException {
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db + " OWNER " + ROLE);
        }
    }

    /**
     * Before a timed pass: what autovacuum and the checkpointer would do in the background is done now, untimed, in
     * every benchmark database (dropped partitions leave dead catalog rows that would slow the next pass's lookups).
     */
    void quiesce() throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'bench%'")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        for (String db : databases) {
            try (Connection c = postgres.superuser(db); Statement s = c.createStatement()) {
                s.execute("VACUUM pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_depend,"
                        + " pg_catalog.pg_type, pg_catalog.pg_index, pg_catalog.pg_inherits, pg_catalog.pg_constraint,"
                        + " pg_catalog.pg_attrdef, pg_catalog.pg_statistic");
            }
        }
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** Lets exiting backends be reaped, so their CPU time is in the postmaster's children total. */
    static void settle() {
        Stack.pause(300);
    }

    /** Writes a secret readable by its owner only (the inventory's password file). */
    static void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server settings for the benchmark: quiet background work, room for many connections and locks. */
    static Map<String, String> serverSettings(FleetOptions options) {
        // autovacuum off and no timed checkpoints: their work would land in whichever pass happens to run; the
        // untimed reset before every pass vacuums the catalogs and checkpoints instead (quiesce)
        Map<String, String> server = new java.util.LinkedHashMap<>(Map.of("max_connections", "300", "autovacuum",
                "off", "max_locks_per_transaction", "128", "checkpoint_timeout", "1h", "max_wal_size", "8GB",
                "shared_buffers", options.sharedBuffers()));
        if (options.statements()) {
            // diagnosis only: where this tool's server time goes, per statement (costs a little CPU itself)
            server.putAll(Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning",
                    "on", "pg_stat_statements.track", "top"));
        }
        return server;
    }
}
