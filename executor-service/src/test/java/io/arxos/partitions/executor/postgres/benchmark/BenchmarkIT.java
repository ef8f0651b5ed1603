package io.arxos.partitions.executor.postgres.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession;
import io.arxos.partitions.executor.app.benchmark.BenchmarkSession.Side;
import io.arxos.partitions.executor.app.benchmark.RunBenchmark;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult.Measurement;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.testing.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's PostgreSQL side on a real server: a plain table with 4 months of rows and its partitioned twin
 * holding the same rows, a copy missing some rows, and a copy without indexes.
 */
class BenchmarkIT {

    private static final String PASSWORD = "benchmark-it";
    private static final String WEEK = "created_at >= '2026-11-20' AND created_at < '2026-11-27'";
    private static PostgresTestServer postgres;
    private static FleetConnections connections;
    private static FleetInventory inventory;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresTestServer.start();
        postgres.createDatabase("arxos", "partman", PASSWORD);
        Path secret = Files.createTempFile("password", ".txt");
        Files.writeString(secret, PASSWORD);
        inventory = new InventoryLoader().parse("""
                databases:
                  - id: arxos
                    url: %s
                    user: partman
                    password: { file: %s }
                    tables: [{ name: public.events_partitioned, partitionKey: created_at, retentionMonths: 120 }]
                    migrations: [{ name: public.events, partitionKey: created_at }]
                """.formatted(postgres.jdbcUrl("arxos"), secret), "it");
        connections = FleetConnections.fromEnvironment(inventory, "benchmark-it");
        try (Connection c = connections.open(DatabaseId.of("arxos")); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, action text NOT NULL,
                        created_at timestamptz NOT NULL);
                    INSERT INTO events SELECT i, i % 400, CASE WHEN i % 97 = 0 THEN 'delete' ELSE 'login' END,
                        timestamptz '2026-09-01' + i * interval '1 minute' FROM generate_series(1, 160000) i;
                    CREATE INDEX ON events (created_at);
                    CREATE INDEX ON events (account);
                    CREATE TABLE events_partitioned (LIKE events) PARTITION BY RANGE (created_at);
                    CREATE TABLE events_p2026_09 PARTITION OF events_partitioned
                        FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
                    CREATE TABLE events_p2026_10 PARTITION OF events_partitioned
                        FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
                    CREATE TABLE events_p2026_11 PARTITION OF events_partitioned
                        FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
                    CREATE TABLE events_p2026_12 PARTITION OF events_partitioned
                        FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
                    ALTER TABLE events_partitioned ADD PRIMARY KEY (id, created_at);
                    CREATE INDEX ON events_partitioned (created_at);
                    CREATE INDEX ON events_partitioned (account);
                    INSERT INTO events_partitioned SELECT * FROM events;
                    CREATE TABLE events_fewer AS SELECT * FROM events WHERE id % 1000 <> 0;
                    CREATE TABLE events_bare AS SELECT * FROM events;
                    """);
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void pruningIsFoundOnThePartitionedSideAndNotOnThePlainOne() {
        BenchmarkResult result = run("public.events", "migration-original",
                query("last_week", "SELECT count(*), min(created_at), max(created_at) FROM {relation} WHERE " + WEEK));

        assertThat(result.status()).isEqualTo(BenchmarkResult.Status.SUCCEEDED);
        assertThat(result.vacuumed()).isTrue();
        assertThat(result.partitionsInTable()).isEqualTo(4);
        Measurement m = result.measurements().get(0);
        assertThat(m.after().plan().partitionsScanned()).isEqualTo(1);
        assertThat(m.after().plan().scanNodes()).allMatch(n -> n.contains("events_p2026_11"));
        assertThat(m.before().plan().partitionsScanned()).isZero();
        assertThat(m.before().plan().scanNodes()).allMatch(n -> n.contains("on events "));
        assertThat(m.before().checksum()).isEqualTo(m.after().checksum());
        assertThat(m.before().timesMillis()).hasSize(5);
        assertThat(m.after().timesMillis()).hasSize(5).allMatch(t -> t > 0);
    }

    @Test
    void theResultCheckCatchesABaselineHoldingDifferentRows() {
        BenchmarkResult result = run("public.events_fewer", "named",
                query("by_action", "SELECT action, count(*) FROM {relation} GROUP BY 1"),
                query("one_account", "SELECT * FROM {relation} WHERE account = 7 ORDER BY created_at DESC, id DESC"
                        + " LIMIT 100"));

        Measurement grouped = result.measurements().get(0);
        assertThat(grouped.before().rows()).as("same groups").isEqualTo(grouped.after().rows());
        assertThat(grouped.before().checksum()).as("different counts").isNotEqualTo(grouped.after().checksum());
    }

    @Test
    void aSideWithoutItsIndexesIsMeasuredSlower() {
        BenchmarkResult result = run("public.events_bare", "named",
                query("one_account_week", "SELECT * FROM {relation} WHERE account = 7 AND " + WEEK
                        + " ORDER BY created_at DESC, id DESC LIMIT 100"));

        Measurement m = result.measurements().get(0);
        assertThat(m.before().checksum()).isEqualTo(m.after().checksum());
        assertThat(median(m.before().timesMillis())).as("seq scan of 160,000 rows vs one partition's index")
                .isGreaterThan(2 * median(m.after().timesMillis()));
    }

    @Test
    void theSessionsCannotWriteEvenIfAWriteGotPastTheGuard() throws Exception {
        try (BenchmarkSession session = database().open(job("public.events", "migration-original", List.of()),
                Instant.now().plusSeconds(5))) {
            assertThatThrownBy(() -> session.time(Side.AFTER, "DELETE FROM events_partitioned"))
                    .hasMessageContaining("read-only transaction");
        }
        try (Connection c = connections.open(DatabaseId.of("arxos")); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM events_partitioned");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(160_000);
        }
    }

    @Test
    void oneBenchmarkAtATimePerDatabase() throws Exception {
        BenchmarkJob job = job("public.events", "migration-original", List.of());
        try (BenchmarkSession first = database().open(job, Instant.now().plusSeconds(5))) {
            assertThatThrownBy(() -> database().open(job, Instant.now().plusMillis(600)))
                    .hasMessageContaining("another benchmark held database arxos's benchmark lock");
        }
        database().open(job, Instant.now().plusSeconds(5)).close();
    }

    @Test
    void aCopyBaselineHoldsTheSameRowsAndIsGoneAfterwardsAsAreLeftovers() throws Exception {
        TableRef copy = TableRef.parse("partition_scratch.copy_public_events_partitioned");
        // what a benchmark killed mid-run leaves behind
        try (Connection c = connections.open(DatabaseId.of("arxos")); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS partition_scratch");
            s.execute("CREATE TABLE partition_scratch.copy_public_stale (x int)");
        }
        BenchmarkJob job = new BenchmarkJob("benchmark:copy", "it", new TableKey(DatabaseId.of("arxos"),
                TableRef.parse("public.events_partitioned")), copy, TableRef.parse("public.events_partitioned"),
                "copy", List.of(query("by_action", "SELECT action, count(*) FROM {relation} GROUP BY 1")),
                new BenchmarkJob.Settings(3, 0, 10_000, true), Instant.now().plusSeconds(120));

        BenchmarkResult result = new RunBenchmark(inventory, database(), Clock.systemUTC()).run(job);

        assertThat(result.status()).as(result.error().orElse("")).isEqualTo(BenchmarkResult.Status.SUCCEEDED);
        Measurement m = result.measurements().get(0);
        assertThat(m.before().checksum()).isEqualTo(m.after().checksum());
        assertThat(m.before().plan().partitionsScanned()).isZero();
        assertThat(m.after().plan().partitionsScanned()).isEqualTo(4);
        try (Connection c = connections.open(DatabaseId.of("arxos")); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'partition_scratch'");
            rs.next();
            assertThat(rs.getLong(1)).as("no copy, no leftover, no index of either").isZero();
        }
        BenchmarkResult refused = new RunBenchmark(inventory, database(), Clock.systemUTC(), 1024).run(job);
        assertThat(refused.error()).get().asString().contains("above the configured 0 MiB");
    }

    private static JdbcBenchmarkDatabase database() {
        return new JdbcBenchmarkDatabase(connections, Clock.systemUTC(), Duration.ofMillis(200));
    }

    private static BenchmarkResult run(String before, String baseline, BenchmarkJob.BenchmarkQuery... queries) {
        return new RunBenchmark(inventory, database(), Clock.systemUTC()).run(job(before, baseline, List.of(queries)));
    }

    private static BenchmarkJob job(String before, String baseline, List<BenchmarkJob.BenchmarkQuery> queries) {
        return new BenchmarkJob("benchmark:it", "it", new TableKey(DatabaseId.of("arxos"), TableRef.parse(
                "public.events")), TableRef.parse(before), TableRef.parse("public.events_partitioned"), baseline,
                queries, new BenchmarkJob.Settings(5, 1, 10_000, true), Instant.now().plusSeconds(120));
    }

    private static BenchmarkJob.BenchmarkQuery query(String name, String sql) {
        return new BenchmarkJob.BenchmarkQuery(name, "time_range", name, sql);
    }

    private static double median(List<Double> times) {
        return times.stream().sorted().toList().get(times.size() / 2);
    }
}
