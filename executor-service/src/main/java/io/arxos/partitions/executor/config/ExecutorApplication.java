package io.arxos.partitions.executor.config;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.executor.app.benchmark.RunBenchmark;
import io.arxos.partitions.executor.app.maintenance.ExecuteCommand;
import io.arxos.partitions.executor.app.maintenance.ExecuteTableCommands;
import io.arxos.partitions.executor.app.migration.RunMigrationStep;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.kafka.benchmark.BenchmarkCommandConsumer;
import io.arxos.partitions.executor.kafka.maintenance.CommandConsumer;
import io.arxos.partitions.executor.kafka.migration.MigrationCommandConsumer;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.executor.postgres.benchmark.JdbcBenchmarkDatabase;
import io.arxos.partitions.executor.postgres.maintenance.JdbcLedger;
import io.arxos.partitions.executor.postgres.maintenance.JdbcStepRunner;
import io.arxos.partitions.executor.postgres.maintenance.JdbcTableInspector;
import io.arxos.partitions.executor.postgres.migration.JdbcMigrationDatabase;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.inventory.PooledConnections;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoops;
import io.arxos.partitions.schemas.SchemaSubjects;
import io.arxos.partitions.schemas.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Wires the executor at start-up: inventory, ledger migrations, adapters, and the command, migration and benchmark
 * consumer threads.
 */
@ApplicationScoped
public class ExecutorApplication {

    private static final Logger LOG = Logger.getLogger(ExecutorApplication.class);

    /** Maintenance, migration and benchmark commands. */
    private final PollLoops loops = new PollLoops(3);
    private PooledConnections connections;

    void start(@Observes StartupEvent event, ExecutorConfig config, Config mp, MeterRegistry meters) {
        FleetInventory inventory = new InventoryLoader().load(config.inventory());
        KafkaSettings kafka = KafkaSettings.from(mp.getPropertyNames(), name -> mp.getOptionalValue(name,
                String.class));
        TopicProvisioner.ensureTopics(kafka.admin(), config.topics().replicationFactor(),
                config.topics().auditRetention().orElse(null), Duration.ofSeconds(60));
        SchemaSubjects.govern(kafka);

        FleetConnections direct = FleetConnections.fromEnvironment(inventory, "partitions-executor");
        LedgerMigrations migrations = new LedgerMigrations(direct, Identifier.of(config.ledgerSchema()));
        installLedgers(inventory, migrations);
        // every session below comes from the pool: reused per database, at most maxConnections open at once
        connections = new PooledConnections(direct, new PooledConnections.Settings(config.maxConnections(),
                config.connectionIdleTimeout(), Duration.ofMinutes(30), Duration.ofSeconds(30)));
        Clock clock = Clock.systemUTC();
        JdbcTableInspector inspector = new JdbcTableInspector(connections, migrations, config.exactCountBelowBytes());
        JdbcStepRunner runner = new JdbcStepRunner(connections, migrations, new JdbcStepRunner.Settings(
                config.lockTimeout(), config.statementTimeout(), config.longTransaction(), config.instanceId()), clock);
        ExecuteCommand execute = new ExecuteCommand(inventory, inspector, runner,
                new JdbcLedger(connections, migrations, config.instanceId()),
                new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(),
                        config.retry().maxBackoff()),
                clock, () -> ThreadLocalRandom.current().nextDouble());
        ExecuteTableCommands executeTable = new ExecuteTableCommands(inventory, inspector, runner, execute, clock,
                config.attachScanBelowBytes());
        loops.start(new CommandConsumer(kafka, executeTable, clock, config.workers(), config.maxParallelPerDatabase(),
                config.maxInFlight(),
                status -> meters.counter("partitions.executor.outcomes", "status", status).increment()),
                "executor-command-consumer");
        meters.gauge("partitions.executor.connections.open", connections, PooledConnections::openConnections);
        RunMigrationStep migrate = new RunMigrationStep(inventory, new JdbcMigrationDatabase(connections, migrations),
                new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(),
                        config.retry().maxBackoff()),
                new RunMigrationStep.Settings(config.migration().lockTimeout(), config.migration().headroomBytes()),
                clock, () -> ThreadLocalRandom.current().nextDouble());
        loops.start(new MigrationCommandConsumer(kafka, migrate, clock), "executor-migration-consumer");
        // benchmarks open their own two sessions per database, outside the pool maintenance draws on
        loops.start(new BenchmarkCommandConsumer(kafka, new RunBenchmark(inventory,
                new JdbcBenchmarkDatabase(FleetConnections.fromEnvironment(inventory, "partitions-benchmark"), clock,
                        Duration.ofSeconds(1)), clock, config.benchmark().copyMaxBytes()), clock,
                config.benchmark().maxCommandDuration()), "executor-benchmark-consumer");
        LOG.infof("executor %s consuming commands for %d databases (ledger schema %s)", config.instanceId(),
                inventory.databases().size(), config.ledgerSchema());
    }

    /** Installs ledgers up front where possible; a database that is down now is migrated on its first command. */
    private static void installLedgers(FleetInventory inventory, LedgerMigrations migrations) {
        for (var database : inventory.databases()) {
            DatabaseId id = database.id();
            try {
                migrations.ensure(id);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("ledger of %s not installed yet (%s); will retry on its first command", id,
                        e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.close();
        if (connections != null) {
            connections.close();
        }
    }

    public boolean isConsuming() {
        return loops.polling();
    }
}
