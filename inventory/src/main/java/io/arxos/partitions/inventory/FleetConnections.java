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
 * bounds print and parse the same everywhere; the password is resolved at connect time and never kept.
 */
public final class FleetConnections {

    private final FleetInventory inventory;
    private final String applicationName;
    private final Duration connectTimeout;
    private final UnaryOperator<String> environment;

    public FleetConnections(FleetInventory inventory, String applicationName, Duration connectTimeout,
            UnaryOperator<String> environment) {
        this.inventory = inventory;
        this.applicationName = applicationName;
        this.connectTimeout = connectTimeout;
        this.environment = environment;
    }

    public static FleetConnections fromEnvironment(FleetInventory inventory, String applicationName) {
        return new FleetConnections(inventory, applicationName, Duration.ofSeconds(10), System::getenv);
    }

    /** A new connection with auto-commit on and the session time zone set to UTC. */
    public Connection open(DatabaseId id) throws SQLException {
        FleetDatabase database = inventory.database(id)
                .orElseThrow(() -> new SQLException("database '" + id + "' is not in the inventory", "08001"));
        Properties props = new Properties();
        props.setProperty("user", database.user());
        String password = database.password().resolve(environment);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), props);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
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
