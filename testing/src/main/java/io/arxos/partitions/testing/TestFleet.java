package io.arxos.partitions.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A whole test fleet on real components: Kafka (in-process KRaft), the schema registry (child process) and
 * PostgreSQL (embedded) started in parallel, with the sample Arxos database loaded and an inventory file written.
 */
public final class TestFleet implements AutoCloseable {

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
        return start(workDir, rowsPerMonth, 0);
    }

    /** @param legacyRowsPerMonth rows per month of the legacy tables the analysis looks at (0: none) */
    public static TestFleet start(Path workDir, int rowsPerMonth, int legacyRowsPerMonth) {
        CompletableFuture<KafkaTestBroker> kafka = CompletableFuture.supplyAsync(KafkaTestBroker::start);
        CompletableFuture<SchemaRegistryProcess> registry = CompletableFuture.supplyAsync(SchemaRegistryProcess::start);
        CompletableFuture<PostgresTestServer> postgres = CompletableFuture.supplyAsync(PostgresTestServer::start);
        PostgresTestServer pg = postgres.join();
        Path inventory = SampleFleetSetup.create(pg, workDir, rowsPerMonth, legacyRowsPerMonth, PASSWORD);
        return new TestFleet(kafka.join(), registry.join(), pg, inventory);
    }

    /** Client settings for services under test (Confluent property names for the registry). */
    public Map<String, String> clientConfig() {
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "schema.registry.url", registry.url());
    }

    public Path inventory() {
        return inventory;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(SampleFleetSetup.DATABASE);
    }

    /** A connection as the database owner (the role the services use). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SampleFleetSetup.OWNER, PASSWORD);
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
