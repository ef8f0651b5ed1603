package io.arxos.partitions.executor.postgres.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.maintenance.PreconditionFailed;
import io.arxos.partitions.executor.domain.maintenance.CommandHeader;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Rejection;
import io.arxos.partitions.executor.domain.maintenance.Step;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.testing.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The step runner against a real PostgreSQL: preconditions, the ledger row in the step's transaction, locks. */
class JdbcStepRunnerIT {

    private static final TableKey TABLE = TableKey.parse("arxos/public.audit_logs");
    private static PostgresTestServer postgres;
    private static JdbcStepRunner runner;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresTestServer.start();
        postgres.createDatabase("arxos", "partman", "step-runner-it");
        Path secret = Files.createTempFile("password", ".txt");
        Files.writeString(secret, "step-runner-it");
        FleetInventory inventory = new InventoryLoader().parse("""
                databases:
                  - id: arxos
                    url: %s
                    user: partman
                    password: { file: %s }
                    tables: [{ name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }]
                """.formatted(postgres.jdbcUrl("arxos"), secret), "it");
        FleetConnections connections = FleetConnections.fromEnvironment(inventory, "step-runner-it");
        runner = new JdbcStepRunner(connections, new LedgerMigrations(connections, Identifier.of("partition_ops")),
                new JdbcStepRunner.Settings(Duration.ofMillis(40), Duration.ofMinutes(1), Duration.ofMillis(300),
                        "it"), Clock.systemUTC());
        execute("CREATE TABLE audit_logs_p2020_01 (created_at timestamptz)",
                "INSERT INTO audit_logs_p2020_01 VALUES ('2099-01-01+00')");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aFailedPreconditionRollsBackAndRunsNothing() {
        Step drop = Step.of("drop", List.of("DROP TABLE public.audit_logs_p2020_01"), Set.of())
                .withPrecondition(new Step.Precondition("SELECT count(*) FROM public.audit_logs_p2020_01",
                        Rejection.Rule.INSIDE_RETENTION, "%d rows are newer than the cutoff")).asFinal();

        assertThatThrownBy(() -> runner.run(TABLE, command("run-a"), drop, 1))
                .isInstanceOf(PreconditionFailed.class).hasMessage("1 rows are newer than the cutoff");

        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'audit_logs_p2020_01'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE run_id = 'run-a'")).isZero();
    }

    @Test
    void writesTheLedgerRowInTheStepsOwnTransaction() throws Exception {
        Step create = Step.of("create_table", List.of("CREATE TABLE public.ledger_probe (id int)"), Set.of())
                .asFinal();

        runner.run(TABLE, command("run-b"), create, 1);

        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE run_id = 'run-b' AND is_final"
                + " AND sql = ARRAY['CREATE TABLE public.ledger_probe (id int)']")).isEqualTo(1);
    }

    @Test
    void refusesToWorkWhileAnotherSessionHoldsTheTablesAdvisoryLock() throws Exception {
        try (Connection other = postgres.superuser("arxos"); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + JdbcStepRunner.ADVISORY_NAMESPACE
                    + ", hashtext('public.audit_logs'))");
            Step step = Step.of("noop", List.of("SELECT 1"), Set.of());

            assertThatThrownBy(() -> runner.run(TABLE, command("run-c"), step, 1))
                    .isInstanceOf(StepFailure.class).hasMessageContaining("advisory lock")
                    .extracting(e -> ((StepFailure) e).sqlState()).isEqualTo("55P03");
        }
    }

    @Test
    void doesNotQueueBehindATransactionHoldingTheTableForLong() throws Exception {
        try (Connection reader = postgres.superuser("arxos")) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("LOCK TABLE public.audit_logs_p2020_01 IN ACCESS SHARE MODE");
            }
            Thread.sleep(500);
            Step exclusive = Step.of("drop", List.of("DROP TABLE public.audit_logs_p2020_01"),
                    Set.of("audit_logs_p2020_01"));

            assertThatThrownBy(() -> runner.run(TABLE, command("run-d"), exclusive, 1))
                    .isInstanceOf(StepFailure.class).hasMessageContaining("not queueing an exclusive lock behind it");
            reader.rollback();
        }
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'audit_logs_p2020_01'")).isEqualTo(1);
    }

    private static ExecutorCommand command(String runId) {
        PartitionRange range = PartitionRange.ofMonth(YearMonth.of(2020, 1));
        return new ExecutorCommand.DropPartition(new CommandHeader(CommandId.forChange(TABLE,
                Operation.DROP_PARTITION, range), runId, TABLE, "it", false), Identifier.of("audit_logs_p2020_01"),
                range, KeyType.TIMESTAMPTZ);
    }

    private static void execute(String... sql) throws Exception {
        try (Connection c = postgres.superuser("arxos"); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
            s.execute("ALTER TABLE audit_logs_p2020_01 OWNER TO partman");
        }
    }

    private static long count(String sql) {
        try (Connection c = postgres.superuser("arxos"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
