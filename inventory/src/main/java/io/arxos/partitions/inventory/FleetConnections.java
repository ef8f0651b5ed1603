package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Opens JDBC connections to fleet databases as the inventory describes them. Every session runs in UTC so partition
 * bounds print and parse the same everywhere, and with statement, lock and socket time limits so no read can hang a
 * worker forever; the password is resolved at connect time and never kept.
 */
public final class FleetConnections implements DatabaseConnections {

    /** Time limits of every session; a transaction may tighten them with SET LOCAL. */
    public record Limits(Duration connect, Duration statement, Duration lock, Duration socket) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofMinutes(6));
    }

    private final FleetInventory inventory;
    private final String applicationName;
    private final Limits limits;
    private final UnaryOperator<String> environment;

    public FleetConnections(FleetInventory inventory, String applicationName, Limits limits,
            UnaryOperator<String> environment) {
        this.inventory = inventory;
        this.applicationName = applicationName;
        this.limits = limits;
        this.environment = environment;
    }

    public static FleetConnections fromEnvironment(FleetInventory inventory, String applicationName) {
        return new FleetConnections(inventory, applicationName, Limits.DEFAULT, System::getenv);
    }

    /** A new connection with auto-commit on and the session time zone set to UTC. */
    @Override
    public Connection open(DatabaseId id) throws SQLException {
        FleetDatabase database = inventory.database(id)
                .orElseThrow(() -> new SQLException("database '" + id + "' is not in the inventory", "08001"));
        Properties props = new Properties();
        props.setProperty("user", database.user());
        String password;
        try {
            password = database.password().resolve(environment);
        } catch (RuntimeException e) {
            // a missing secret is this database's problem, reported like a failed login, not a crash
            throw new SQLException("password of database '" + id + "' unavailable: " + e.getMessage(), "28000", e);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", Long.toString(Math.max(1, limits.connect().toSeconds())));
        props.setProperty("socketTimeout", Long.toString(Math.max(1, limits.socket().toSeconds())));
        props.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), props);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET statement_timeout = " + limits.statement().toMillis());
            s.execute("SET lock_timeout = " + limits.lock().toMillis());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    public FleetInventory inventory() {
        return inventory;
    }
}
