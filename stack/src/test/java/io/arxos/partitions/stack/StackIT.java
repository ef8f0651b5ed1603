package io.arxos.partitions.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arxos.partitions.cli.Partctl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end: the three packaged services as separate processes, a Kafka broker and a schema registry as processes,
 * embedded PostgreSQL with the sample database, driven by partctl. Checks the database, the report and the ledger.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = ROOT.resolve("stack/target/e2e");
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.start(new Stack.Options(ROOT, WORK, 40, 5000, true), System.out);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aMaintenancePassLeavesTheDatabaseExactlyAsItsReportSays() throws Exception {
        Demo.Result result = Demo.run(stack, WORK.resolve("reports"), System.out);

        assertThat(result.verifier().failed()).isEmpty();
        assertThat(result.verifier().passed()).hasSizeGreaterThan(40);
        assertThat(result.maintainExitCode()).as("stuck rows stay in default partitions, so validation reports them")
                .isEqualTo(2);
        JsonNode summary = result.report().path("summary");
        assertThat(summary.path("partitionsCreated").asInt()).isEqualTo(10);
        assertThat(summary.path("partitionsDropped").asInt()).isEqualTo(4);
        assertThat(summary.path("partitionsDetached").asInt()).isEqualTo(1);
        assertThat(summary.path("rowsMovedFromDefault").asInt()).isEqualTo(40 + 20);
        String markdown = Files.readString(result.reportFile());
        assertThat(markdown).startsWith("# Partition Maintenance Report")
                .contains("- ✅ drop_partition: audit_logs_p" + month(M.minusMonths(14)) + " (14 months old)")
                .contains("- ✅ create_partition: audit_logs_p" + month(M.minusMonths(3)));
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT count(*) FROM partition_ops.operations WHERE is_final"
                    + " AND status = 'applied'")).isEqualTo(15);
        }
    }

    @Test
    @Order(0)
    void analysisFindsTheKnownShapesWithFiguresTakenFromTheData() throws Exception {
        Demo.Analysis analysis = Demo.analyze(stack, WORK.resolve("reports"), System.out);

        assertThat(analysis.verifier().failed()).isEmpty();
        assertThat(analysis.verifier().passed()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(analysis.analyzeExitCode()).isZero();
        String markdown = Files.readString(analysis.reportFile());
        assertThat(markdown).startsWith("# Partitioning analysis")
                .contains("## Executive summary", "## Estimates", "## Recommendations", "## Table details")
                .contains("### 1. arxos/public.audit_logs_legacy — HIGH")
                .contains("PRIMARY KEY (id) must become PRIMARY KEY (id, created_at)")
                .contains("message_reactions")
                .contains("created_at::text")
                .contains("CREATE TABLE \"public\".\"audit_logs_legacy_partitioned\"");
    }

    @Test
    @Order(2)
    void aSecondPassFindsNothingLeftToChange() throws Exception {
        Demo.Result result = Demo.run(stack, WORK.resolve("reports"), System.out);

        assertThat(result.verifier().failed()).isEmpty();
        JsonNode summary = result.report().path("summary");
        assertThat(summary.path("totalOperations").asInt()).as("only the four validations").isEqualTo(4);
        assertThat(summary.path("partitionsCreated").asInt()).isZero();
    }

    @Test
    @Order(3)
    void aDryRunPrintsTheDdlAndChangesNothing() throws Exception {
        Path json = WORK.resolve("reports/dry-run.json");
        int exit = Partctl.execute("maintain", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString(),
                "--dry-run", "--create-partitions", M.plusMonths(5).toString(), M.plusMonths(6).toString(),
                "--table", "public.chat_messages", "--output-format", "json", "--output-file", json.toString());

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> sql = new ArrayList<>();
        report.path("databases").get(0).path("operations").forEach(op -> {
            if (op.path("status").asText().equals("DRY_RUN")) {
                op.path("sql").forEach(s -> sql.add(s.asText()));
            }
        });
        assertThat(exit).isZero();
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(sql).anyMatch(s -> s.startsWith("ALTER TABLE \"public\".\"chat_messages\" ATTACH PARTITION"
                + " \"public\".\"chat_messages_p" + month(M.plusMonths(5)) + "\""));
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.relationExists(c, "public", "chat_messages_p" + month(M.plusMonths(5)))).isFalse();
        }
    }

    @Test
    @Order(4)
    void partctlSaysPlainlyWhenKafkaIsNotReachable() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Partctl.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "maintain", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", stack.registryUrl(),
                "--validate-only");
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("Kafka is not reachable at 127.0.0.1:1");
    }

    @Test
    @Order(6)
    void aLiveLegacyTableIsMigratedSwappedAndRolledBackWithoutLosingAWrite() throws Exception {
        MigrationDemo.Result result = MigrationDemo.run(stack, WORK.resolve("reports"), System.out);

        assertThat(result.failed()).isEmpty();
        assertThat(result.passed()).hasSize(7);
        assertThat(result.writes()).isPositive();
        assertThat(Files.readString(result.reportFile())).contains("public.audit_logs_legacy");
        BenchmarkDemo.Result benchmark = result.benchmark();
        assertThat(benchmark.failed()).isEmpty();
        assertThat(benchmark.passed()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(Files.readString(benchmark.reportFile())).startsWith("# Performance Benchmark Report")
                .contains("## Executive Summary", "migration-backup", "last_7_days", "one_user_id_any_time");
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT count(*) FROM partition_ops.migrations WHERE phase = "
                    + "'rolled_back'")).isEqualTo(1);
        }
    }

    @Test
    @Order(7)
    void aCopyWhoseExecutorIsKilledResumesAfterTheRestartAndMissesNothing() throws Exception {
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread migrate = new Thread(() -> exit.set(Partctl.execute("migrate", "--table",
                "public.audit_logs_legacy", "--batch-size", "500", "--batch-pause", "PT0.05S", "--chunk", "PT2S",
                "--quiet", "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.registryUrl(), "--inventory", stack.inventory().toString())), "partctl-migrate");
        migrate.start();
        long copiedAtCrash = awaitRowsCopied(5_000);
        stack.crashAndRestart("executor-service");
        migrate.join(Duration.ofMinutes(4).toMillis());

        assertThat(exit.get()).as("verified equal after the restart").isZero();
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT rows_copied FROM partition_ops.migrations WHERE table_name = "
                    + "'audit_logs_legacy' AND phase = 'verified'")).isGreaterThan(copiedAtCrash);
        }
        assertThat(Partctl.execute("migrate", "--rollback", "--table", "public.audit_logs_legacy", "--quiet",
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.registryUrl(),
                "--inventory", stack.inventory().toString())).isZero();
    }

    @Test
    @Order(8)
    void theBenchmarkGateRefusesASwapWhenTheVerifiedTableIsSlower() throws Exception {
        String table = "public.audit_logs_legacy";
        assertThat(partctl(new java.io.StringWriter(), "migrate", "--table", table, "--migration-id", "gate-it"))
                .isZero();
        // staged regression: the partitioned twin loses its user_id index, so a lookup of one user reads every row
        try (Connection c = stack.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ DECLARE i regclass; BEGIN
                      FOR i IN SELECT x.indexrelid::regclass FROM pg_index x JOIN pg_attribute a
                                 ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
                                WHERE x.indrelid = 'public.audit_logs_legacy_partitioned'::regclass
                                  AND a.attname = 'user_id' LOOP
                        EXECUTE 'DROP INDEX ' || i;
                      END LOOP;
                    END $$""");
        }
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = partctl(err, "migrate", "--swap", "--benchmark-gate", "10", "--table", table, "--migration-id",
                "gate-it");

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("swap refused by the benchmark gate (10.0 %)", "one_user_id_any_time",
                "nothing was changed");
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT count(*) FROM pg_class WHERE oid = '" + table
                    + "'::regclass AND relkind = 'r'")).as("still the original table").isEqualTo(1);
        }
        assertThat(partctl(new java.io.StringWriter(), "migrate", "--rollback", "--table", table, "--migration-id",
                "gate-it")).isZero();
    }

    @Test
    @Order(9)
    void anAaBenchmarkOfATableAgainstItselfFindsNoDifference() throws Exception {
        // the same relation on both sides, each through its own session: any verdict but "no significant
        // difference" would be the method's own bias or noise taken for an effect
        Path json = WORK.resolve("reports/benchmark-aa.json");
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = partctl(err, "benchmark", "--table", "public.audit_logs", "--baseline", "public.audit_logs",
                "--runs", "15", "--output-format", "json", "--output-file", json.toString(), "--quiet");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> verdicts = new ArrayList<>();
        report.path("tables").get(0).path("queries").forEach(q -> verdicts.add(q.path("name").asText() + " "
                + q.path("verdict").asText() + " " + q.path("changePercent").asDouble()));
        System.out.println("A/A benchmark: " + verdicts);
        assertThat(exit).as(err + " " + verdicts).isZero();
        assertThat(verdicts).hasSizeGreaterThanOrEqualTo(6).allMatch(v -> v.contains(" NO_DIFFERENCE "));
        assertThat(report.path("tables").get(0).path("baseline").asText()).isEqualTo("named");
    }

    @Test
    @Order(10)
    void aManagedTableIsComparedWithAScratchCopyThatIsGoneAfterwards() throws Exception {
        Path json = WORK.resolve("reports/benchmark-copy.json");
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = partctl(err, "benchmark", "--table", "public.chat_messages", "--baseline", "copy",
                "--output-format", "json", "--output-file", json.toString(), "--quiet");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode table = report.path("tables").get(0);
        assertThat(exit).as(err.toString()).isIn(0, 2);
        assertThat(report.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(table.path("baseline").asText()).isEqualTo("copy");
        assertThat(table.path("before").asText()).isEqualTo("partition_scratch.copy_public_chat_messages");
        assertThat(table.path("queries")).isNotEmpty().allMatch(q -> !q.path("verdict").asText().equals("VOID"));
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                    + " c.relnamespace WHERE n.nspname = 'partition_scratch'")).isZero();
        }
    }

    @Test
    @Order(11)
    void aScratchCopyLeftByAnExecutorKilledMidBenchmarkIsGoneOnceTheBenchmarkCompletes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        java.io.StringWriter err = new java.io.StringWriter();
        Path json = WORK.resolve("reports/benchmark-killed.json");
        Thread benchmark = new Thread(() -> exit.set(partctl(err, "benchmark", "--table", "public.audit_logs",
                "--baseline", "copy", "--runs", "60", "--output-format", "json", "--output-file", json.toString(),
                "--quiet")), "partctl-benchmark");
        benchmark.start();
        awaitScratchCopy();
        stack.crashAndRestart("executor-service");
        benchmark.join(Duration.ofMinutes(4).toMillis());

        assertThat(exit.get()).as(err.toString()).isIn(0, 2);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(report.path("tables").get(0).path("baseline").asText()).isEqualTo("copy");
        try (Connection c = stack.connect()) {
            assertThat(DatabaseFacts.count(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                    + " c.relnamespace WHERE n.nspname = 'partition_scratch'")).as("no copy, no leftover").isZero();
        }
    }

    /** Waits until the running benchmark's scratch copy exists (the executor is then mid-benchmark). */
    private static void awaitScratchCopy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = stack.connect()) {
                if (DatabaseFacts.count(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                        + " c.relnamespace WHERE n.nspname = 'partition_scratch' AND c.relkind = 'r'") > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the benchmark's scratch copy did not appear");
    }

    private static int partctl(java.io.StringWriter err, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.registryUrl(), "--inventory", stack.inventory().toString()));
        return Partctl.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    /** Waits until the running copy has committed at least {@code rows} rows; returns how many. */
    private static long awaitRowsCopied(long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = stack.connect()) {
                long copied = DatabaseFacts.count(c, "SELECT coalesce(max(rows_copied), 0) FROM "
                        + "partition_ops.migrations WHERE table_name = 'audit_logs_legacy' AND phase = 'capturing'");
                if (copied >= rows) {
                    return copied;
                }
            } catch (java.sql.SQLException e) {
                // the state table appears with the first migration
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the copy did not reach " + rows + " rows");
    }

    @Test
    @Order(5)
    void partctlSaysPlainlyWhenTheRegistryIsNotReachable() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Partctl.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "maintain", "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                "http://127.0.0.1:1/apis/ccompat/v7", "--validate-only");
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("the schema registry is not reachable at http://127.0.0.1:1");
    }

    private static String month(YearMonth m) {
        return String.format("%04d_%02d", m.getYear(), m.getMonthValue());
    }
}
