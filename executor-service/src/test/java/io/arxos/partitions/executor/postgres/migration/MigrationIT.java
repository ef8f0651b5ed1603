package io.arxos.partitions.executor.postgres.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.migration.MigrationRequest;
import io.arxos.partitions.executor.app.migration.MigrationRequest.Step;
import io.arxos.partitions.executor.app.migration.MigrationResult;
import io.arxos.partitions.executor.app.migration.MigrationResult.Status;
import io.arxos.partitions.executor.app.migration.RunMigrationStep;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.testing.LiveTableWriter;
import io.arxos.partitions.testing.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Online migration against real PostgreSQL while an application inserts, updates and deletes throughout: the copy is
 * interrupted (its backend terminated, the executor replaced) and resumed, verified, swapped and rolled back, and
 * after each the table is compared row by row with what the application's committed writes say it must hold.
 */
class MigrationIT {

    private static final String PASSWORD = "migration-it";
    private static final LiveTableWriter.Shape SHAPE = new LiveTableWriter.Shape("created_at", "account, payload",
            "(random() * 50)::int, md5(random()::text)", "n = n + 1, payload = md5(random()::text)");
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
                    tables: [{ name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }]
                    migrations:
                      - { name: public.events_legacy, partitionKey: created_at }
                      - { name: public.no_key, partitionKey: created_at }
                      - { name: public.referenced, partitionKey: created_at }
                      - { name: public.small_a, partitionKey: created_at }
                      - { name: public.small_b, partitionKey: created_at }
                      - { name: public.owned_legacy, partitionKey: created_at }
                      - { name: public.small_c, partitionKey: created_at }
                """.formatted(postgres.jdbcUrl("arxos"), secret), "it");
        connections = FleetConnections.fromEnvironment(inventory, "migration-it");
        execute("""
                CREATE TABLE events_legacy (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL,
                    account int NOT NULL, payload text, n int NOT NULL DEFAULT 0)""",
                "CREATE INDEX events_legacy_account_idx ON events_legacy (account)",
                """
                INSERT INTO events_legacy (created_at, account, payload)
                SELECT now() - (i * interval '13 minutes'), i % 50, md5(i::text) FROM generate_series(1, 40000) i""",
                "ANALYZE events_legacy");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void liveTableIsCopiedVerifiedSwappedAndRolledBackWithoutLosingAWrite() throws Exception {
        LiveTableWriter writer = new LiveTableWriter(MigrationIT::connect, "public.events_legacy", SHAPE,
                rows("public.events_legacy"));
        writer.start();
        String id = UUID.randomUUID().toString();

        assertThat(run(id, Step.PREPARE).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(run(id, Step.CAPTURE).status()).isEqualTo(Status.SUCCEEDED);
        AtomicInteger terminated = new AtomicInteger();
        MigrationResult copied = copyToTheEnd(id, terminated);
        assertThat(terminated.get()).as("a copy batch's backend was terminated mid-way").isPositive();
        assertThat(copied.copyDone()).isTrue();
        assertThat(copied.rowsCopied()).as("rows present when capture began, less those deleted since")
                .isBetween(35_000L, 40_000L + writer.committed());

        MigrationResult verified = run(id, Step.VERIFY);
        assertThat(verified.differences()).as("original and copy from one snapshot, writes running").isEmpty();
        assertThat(verified.phase()).isEqualTo(MigrationPhase.VERIFIED);
        assertThat(verified.months()).hasSizeGreaterThanOrEqualTo(13);

        MigrationResult swapped = run(id, Step.SWAP);
        assertThat(swapped.status()).as(swapped.message()).isEqualTo(Status.SUCCEEDED);
        assertThat(swapped.blocked()).isLessThan(Duration.ofSeconds(2));
        Thread.sleep(1000);
        assertThat(run(id, Step.VERIFY).differences()).as("backup kept up to date after the swap").isEmpty();
        writer.stop();

        assertThat(isPartitioned("events_legacy")).isTrue();
        assertThat(rows("public.events_legacy")).as("partitioned table row by row")
                .isEqualTo(writer.expected());
        assertThat(rows("public.events_legacy_backup")).as("backup row by row").isEqualTo(writer.expected());
        assertThat(writer.committed()).isGreaterThan(100);

        LiveTableWriter after = new LiveTableWriter(MigrationIT::connect, "public.events_legacy", SHAPE,
                writer.expected());
        after.start();
        Thread.sleep(500);
        MigrationResult rolledBack = run(id, Step.ROLLBACK);
        assertThat(rolledBack.status()).as(rolledBack.message()).isEqualTo(Status.SUCCEEDED);
        Thread.sleep(500);
        after.stop();
        assertThat(isPartitioned("events_legacy")).isFalse();
        assertThat(rows("public.events_legacy")).as("the original, with every write made meanwhile")
                .isEqualTo(after.expected());
        assertThat(exists("events_legacy_partitioned")).isFalse();
        assertThat(exists("events_legacy_backup")).isFalse();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // the sequence went back with the table: a new row gets a fresh id
            s.execute("INSERT INTO events_legacy (created_at, account) VALUES (now(), 1)");
        }
        assertThat(run(id, Step.ROLLBACK).status()).as("twice is harmless").isEqualTo(Status.ALREADY_APPLIED);
    }

    @Test
    void refusesBeforeTouchingAnythingAndNamesWhy() throws Exception {
        execute("CREATE TABLE no_key (created_at timestamptz NOT NULL, v int)",
                "CREATE TABLE referenced (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL)",
                "CREATE TABLE referencing (id bigserial PRIMARY KEY, ref bigint REFERENCES referenced (id))");

        MigrationResult noKey = run("x", Step.PREPARE, "no_key");
        assertThat(noKey.status()).isEqualTo(Status.REJECTED);
        assertThat(noKey.message()).contains("no primary key to apply captured updates and deletes by");
        MigrationResult fk = run("x", Step.PREPARE, "referenced");
        assertThat(fk.message()).contains("referencing_ref_fkey of referencing");
        assertThat(run("x", Step.PREPARE, "audit_logs").message()).contains("not listed under migrations:");
        assertThat(exists("no_key_partitioned")).isFalse();
        assertThat(exists("referenced_partitioned")).isFalse();
    }

    @Test
    void phasesOutOfOrderAreRefusedAndDryRunsChangeNothing() throws Exception {
        execute("CREATE TABLE small_a (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())",
                "INSERT INTO small_a (created_at) SELECT now() - i * interval '1 day' FROM generate_series(1, 100) i");

        assertThat(run("a", Step.COPY, "small_a").status()).isEqualTo(Status.REJECTED);
        MigrationResult dry = run(new MigrationRequest("a", "dry", TableKey.parse("arxos/public.small_a"),
                Step.PREPARE, Identifier.of("created_at"), 2, 1000, Duration.ZERO, Duration.ofSeconds(1), true));
        assertThat(dry.status()).isEqualTo(Status.DRY_RUN);
        assertThat(dry.statements().get(0)).startsWith("CREATE TABLE \"public\".\"small_a_partitioned\"");
        assertThat(exists("small_a_partitioned")).isFalse();
        MigrationResult swapPreview = run(new MigrationRequest("a", "dry-swap", TableKey.parse("arxos/public.small_a"),
                Step.SWAP, Identifier.of("created_at"), 2, 1000, Duration.ZERO, Duration.ofSeconds(1), true));
        assertThat(swapPreview.status()).as("the whole plan can be reviewed before anything exists")
                .isEqualTo(Status.DRY_RUN);
        assertThat(swapPreview.statements()).anySatisfy(sql -> assertThat(sql).contains(
                "RENAME TO \"small_a_backup\""));

        assertThat(run("a", Step.PREPARE, "small_a").status()).isEqualTo(Status.SUCCEEDED);
        assertThat(run("a", Step.PREPARE, "small_a").status()).isEqualTo(Status.ALREADY_APPLIED);
        assertThat(run("a", Step.SWAP, "small_a").message()).contains("VERIFY must find both tables equal first");
        assertThat(run("a", Step.COPY, "small_a").message()).contains("capture is not on");
    }

    @Test
    void oneCallOfTheInstalledFunctionRollsBackEveryMigration() throws Exception {
        execute("CREATE TABLE small_b (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())",
                "INSERT INTO small_b (created_at) SELECT now() - i * interval '1 day' FROM generate_series(1, 100) i");
        for (Step step : List.of(Step.PREPARE, Step.CAPTURE, Step.COPY, Step.VERIFY, Step.SWAP)) {
            assertThat(run("b", step, "small_b").status()).as(step.name()).isEqualTo(Status.SUCCEEDED);
        }
        assertThat(isPartitioned("small_b")).isTrue();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT * FROM partition_ops.rollback_partitioning_migration()");
        }

        assertThat(isPartitioned("small_b")).isFalse();
        assertThat(count("SELECT count(*) FROM small_b")).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM partition_ops.migrations "
                + "WHERE phase NOT IN ('rolled_back', 'finalized')")).isZero();
    }

    @Test
    void ownerGrantsAndIdentityFollowTheTableThroughSwapAndRollback() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("arxos"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE app_owner NOLOGIN");
            s.execute("CREATE ROLE reporting NOLOGIN");
            s.execute("GRANT app_owner TO partman");
            s.execute("GRANT CREATE ON SCHEMA public TO app_owner"); // an owner that can create next to its table
            s.execute("CREATE TABLE owned_legacy (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "created_at timestamptz NOT NULL, v int)");
            s.execute("ALTER TABLE owned_legacy OWNER TO app_owner");
            s.execute("GRANT SELECT ON owned_legacy TO reporting");
            s.execute("CREATE INDEX owned_legacy_double_v ON owned_legacy ((v * 2))");
            s.execute("INSERT INTO owned_legacy (created_at, v) SELECT now() - i * interval '1 day', i "
                    + "FROM generate_series(1, 500) i");
        }
        for (Step step : List.of(Step.PREPARE, Step.CAPTURE, Step.COPY, Step.VERIFY, Step.SWAP)) {
            MigrationResult result = run("o", step, "owned_legacy");
            assertThat(result.status()).as(step + ": " + result.message()).isEqualTo(Status.SUCCEEDED);
            if (step == Step.PREPARE) {
                assertThat(result.message()).contains("recreate by hand", "owned_legacy_double_v", "(v * 2)");
            }
        }

        assertThat(isPartitioned("owned_legacy")).isTrue();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'owned_legacy%' AND relkind IN ('r', 'p') "
                + "AND pg_get_userbyid(relowner) <> 'app_owner'")).as("the copy and its partitions").isZero();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'owned_legacy' AND "
                + "has_table_privilege('reporting', oid, 'SELECT')")).isEqualTo(1);
        assertThat(count("INSERT INTO owned_legacy (created_at, v) VALUES (now(), 0) RETURNING id"))
                .as("the identity goes on after the original's").isGreaterThan(500);

        assertThat(run("o", Step.ROLLBACK, "owned_legacy").status()).isEqualTo(Status.SUCCEEDED);
        assertThat(isPartitioned("owned_legacy")).isFalse();
        assertThat(count("SELECT count(*) FROM owned_legacy")).isEqualTo(501);
        assertThat(count("INSERT INTO owned_legacy (created_at, v) VALUES (now(), 0) RETURNING id"))
                .as("and goes on after the partitioned table's").isGreaterThan(501);
    }

    @Test
    void finalizingStopsTheReverseCaptureKeepsTheBackupAndRefusesALaterRollback() throws Exception {
        execute("CREATE TABLE small_c (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())",
                "INSERT INTO small_c (created_at) SELECT now() - i * interval '1 day' FROM generate_series(1, 100) i");
        assertThat(run("c", Step.FINALIZE, "small_c").status()).as("nothing swapped yet").isEqualTo(Status.REJECTED);
        for (Step step : List.of(Step.PREPARE, Step.CAPTURE, Step.COPY, Step.VERIFY, Step.SWAP, Step.FINALIZE)) {
            assertThat(run("c", step, "small_c").status()).as(step.name()).isEqualTo(Status.SUCCEEDED);
        }
        execute("INSERT INTO small_c (created_at) VALUES (now())");

        assertThat(count("SELECT count(*) FROM small_c")).isEqualTo(101);
        assertThat(count("SELECT count(*) FROM small_c_backup")).as("kept, no longer written").isEqualTo(100);
        assertThat(count("SELECT count(*) FROM pg_trigger WHERE tgname = 'small_c_migration'")).isZero();
        MigrationResult rollback = run("c", Step.ROLLBACK, "small_c");
        assertThat(rollback.status()).isEqualTo(Status.REJECTED);
        assertThat(rollback.message()).contains("finalized");
        assertThat(run("c", Step.FINALIZE, "small_c").status()).isEqualTo(Status.ALREADY_APPLIED);
    }

    /** COPY commands until the end, each by a fresh executor (as after a restart); one batch's backend is killed. */
    private static MigrationResult copyToTheEnd(String id, AtomicInteger terminated) throws Exception {
        Thread killer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("arxos"), "postgres", "postgres");
                    Statement s = c.createStatement()) {
                while (terminated.get() == 0 && !Thread.currentThread().isInterrupted()) {
                    var rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM "
                            + "pg_stat_activity WHERE query LIKE 'WITH batch AS%' AND state = 'active'");
                    rs.next();
                    terminated.addAndGet(rs.getInt(1));
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                // done
            }
        }, "backend-killer");
        killer.start();
        MigrationResult result;
        int commands = 0;
        do {
            result = run(new MigrationRequest(id, "copy", TableKey.parse("arxos/public.events_legacy"), Step.COPY,
                    Identifier.of("created_at"), 2, 2000, Duration.ZERO, Duration.ofMillis(100), false));
            assertThat(result.status()).as(result.message()).isIn(Status.SUCCEEDED, Status.ALREADY_APPLIED);
            commands++;
        } while (!result.copyDone());
        killer.interrupt();
        killer.join();
        assertThat(commands).as("the copy resumed across several commands").isGreaterThan(2);
        return result;
    }

    private static MigrationResult run(String id, Step step) {
        return run(id, step, "events_legacy");
    }

    private static MigrationResult run(String id, Step step, String table) {
        return run(new MigrationRequest(id, step + ":" + table, TableKey.parse("arxos/public." + table), step,
                Identifier.of("created_at"), 2, 5000, Duration.ZERO, Duration.ofSeconds(30), false));
    }

    /** A new use case and adapter every time: nothing but the database carries state between commands. */
    private static MigrationResult run(MigrationRequest request) {
        long t0 = System.nanoTime();
        MigrationResult result = fresh(request);
        System.out.printf("%s %s: %s in %d ms (%s)%n", request.table(), request.step(), result.status(),
                (System.nanoTime() - t0) / 1_000_000, result.message());
        return result;
    }

    private static MigrationResult fresh(MigrationRequest request) {
        RunMigrationStep steps = new RunMigrationStep(inventory, new JdbcMigrationDatabase(connections,
                new LedgerMigrations(connections, Identifier.of("partition_ops"))),
                new RetryPolicy(8, Duration.ofMillis(50), Duration.ofSeconds(1)),
                new RunMigrationStep.Settings(Duration.ofSeconds(1), 1L << 40), Clock.systemUTC(), () -> 0.5);
        return steps.run(request);
    }

    private static Map<Long, String> rows(String table) throws SQLException {
        try (Connection c = connect()) {
            return LiveTableWriter.rows(c, table);
        }
    }

    private static boolean isPartitioned(String table) throws SQLException {
        return count("SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind = 'p'") == 1;
    }

    private static boolean exists(String table) throws SQLException {
        return count("SELECT count(*) FROM pg_class WHERE relname = '" + table + "'") == 1;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(postgres.jdbcUrl("arxos"), "partman", PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
