package io.arxos.partitions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A whole test fleet on real components: Kafka (in-process KRaft), the schema registry (child process) and
 * PostgreSQL (embedded) started in parallel, with the sample Arxos database loaded and an inventory file written.
 */
public final class TestFleet implements AutoCloseable {

    public static final String DATABASE_ID = "arxos";
    public static final String DATABASE = "arxos";
    public static final String OWNER = "partman";
    /** A test-only password: written to a file the inventory points at, as a secret would be mounted. */
    private static final String PASSWORD = "partman-test-secret";

    private final KafkaTestBroker kafka;
    private final SchemaRegistryProcess registry;
    private final PostgresTestServer postgres;
    private final Path inventory;

    private TestFleet(KafkaTestBroker kafka, SchemaRegistryProcess registry, PostgresTestServer postgres,
            Path inventory) {
        this.kafka = kafka;
        this.registry = registry;
        this.postgres = postgres;
        this.inventory = inventory;
    }

    public static TestFleet start(Path workDir, int rowsPerMonth) {
        CompletableFuture<KafkaTestBroker> kafka = CompletableFuture.supplyAsync(KafkaTestBroker::start);
        CompletableFuture<SchemaRegistryProcess> registry = CompletableFuture.supplyAsync(SchemaRegistryProcess::start);
        CompletableFuture<PostgresTestServer> postgres = CompletableFuture.supplyAsync(PostgresTestServer::start);
        try {
            PostgresTestServer pg = postgres.join();
            pg.createDatabase(DATABASE, OWNER, PASSWORD);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(DATABASE), OWNER, PASSWORD)) {
                SampleArxosDatabase.create(c, YearMonth.now(ZoneOffset.UTC), rowsPerMonth);
            }
            Files.createDirectories(workDir);
            Path passwordFile = workDir.resolve("arxos.password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            Path inventory = workDir.resolve("fleet.yaml");
            Files.writeString(inventory, SampleArxosDatabase.inventoryYaml(DATABASE_ID, pg.jdbcUrl(DATABASE), OWNER,
                    passwordFile.toAbsolutePath().toString()));
            return new TestFleet(kafka.join(), registry.join(), pg, inventory);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the sample database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Client settings for services under test (Confluent property names for the registry). */
    public Map<String, String> clientConfig() {
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url());
    }

    public Path inventory() {
        return inventory;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    /** A connection as the database owner (the role the services use). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), OWNER, PASSWORD);
    }

    public KafkaTestBroker kafka() {
        return kafka;
    }

    public SchemaRegistryProcess registry() {
        return registry;
    }

    public PostgresTestServer postgres() {
        return postgres;
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
        postgres.close();
    }
}
