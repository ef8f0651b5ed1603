package io.arxos.partitions.planner.config;

import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.planner.app.analysis.AnalyzeDatabases;
import io.arxos.partitions.planner.app.benchmark.BenchmarkPublisher;
import io.arxos.partitions.planner.app.benchmark.BenchmarkRequestSpec;
import io.arxos.partitions.planner.app.benchmark.PlanBenchmarkRun;
import io.arxos.partitions.planner.app.maintenance.PlanMaintenanceRun;
import io.arxos.partitions.planner.app.maintenance.RunDeadline;
import io.arxos.partitions.planner.app.maintenance.RunPublisher;
import io.arxos.partitions.planner.app.maintenance.RunRequest;
import io.arxos.partitions.planner.domain.analysis.AnalysisSettings;
import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.domain.maintenance.PlanScope;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.kafka.RequestLoop;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.planner.kafka.analysis.AnalysisRequests;
import io.arxos.partitions.planner.kafka.analysis.KafkaAnalysisPublisher;
import io.arxos.partitions.planner.kafka.benchmark.BenchmarkRequests;
import io.arxos.partitions.planner.kafka.benchmark.KafkaBenchmarkPublisher;
import io.arxos.partitions.planner.kafka.maintenance.KafkaRunPublisher;
import io.arxos.partitions.planner.kafka.maintenance.MaintenanceRequests;
import io.arxos.partitions.planner.postgres.analysis.JdbcTableProfiler;
import io.arxos.partitions.planner.postgres.benchmark.JdbcBenchmarkCatalog;
import io.arxos.partitions.planner.postgres.maintenance.JdbcPartitionCatalog;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoops;
import io.arxos.partitions.schemas.SchemaSubjects;
import io.arxos.partitions.schemas.TopicProvisioner;
import io.arxos.partitions.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Wires the planner: inventory, catalog reader, table profiler, benchmark catalog, transactional publisher, one
 * request loop per kind (maintenance, analysis, benchmark) and the schedules.
 */
@ApplicationScoped
public class PlannerApplication {

    private static final Logger LOG = Logger.getLogger(PlannerApplication.class);

    private PlanMaintenanceRun planner;
    private TransactionalPublisher transactions;
    /** Maintenance, analysis and benchmark requests. */
    private final PollLoops loops = new PollLoops(3);
    private PlanBenchmarkRun benchmarks;
    private ExecutorService workers;
    private PlannerConfig config;
    private MeterRegistry meters;

    void start(@Observes StartupEvent event, PlannerConfig config, Config mp, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        FleetInventory inventory = new InventoryLoader().load(config.inventory());
        KafkaSettings kafka = KafkaSettings.from(mp.getPropertyNames(), name -> mp.getOptionalValue(name,
                String.class));
        TopicProvisioner.ensureTopics(kafka.admin(), config.topics().replicationFactor(),
                config.topics().auditRetention().orElse(null), Duration.ofSeconds(60));
        SchemaSubjects.govern(kafka);
        workers = Executors.newFixedThreadPool(config.parallelism());
        transactions = new TransactionalPublisher(kafka, config.instanceId());
        KafkaRunPublisher publisher = new KafkaRunPublisher(transactions);
        JdbcPartitionCatalog catalog = new JdbcPartitionCatalog(
                FleetConnections.fromEnvironment(inventory, "partitions-planner"), config.catalogStatementTimeout());
        Function<RunPublisher, PlanMaintenanceRun> plannerFor = target -> new PlanMaintenanceRun(inventory, catalog,
                counted(target), Clock.systemUTC(), workers);
        planner = plannerFor.apply(publisher);
        loops.start(new RequestLoop<>(kafka, "planner-service", "planner-requests", Topics.MAINTENANCE_REQUESTS,
                Map.of(), new MaintenanceRequests(publisher, plannerFor, Clock.systemUTC(), runDeadline())),
                "planner-request-listener");
        AnalyzeDatabases analysis = new AnalyzeDatabases(inventory, new JdbcTableProfiler(
                FleetConnections.fromEnvironment(inventory, "partitions-analysis"),
                config.analysis().statementTimeout()), analysisSettings(config.analysis()), Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()), workers);
        loops.start(new RequestLoop<>(kafka, "planner-service-analysis", "planner-analysis",
                Topics.ANALYSIS_REQUESTS, AnalysisRequests.CONSUMER_OVERRIDES,
                new AnalysisRequests(new KafkaAnalysisPublisher(transactions), analysis, Clock.systemUTC())),
                "planner-analysis-listener");
        startBenchmarks(kafka, inventory);
        LOG.infof("planner %s ready: %d databases, validation '%s', maintenance '%s' (%s)", config.instanceId(),
                inventory.databases().size(), config.schedule().validation(), config.schedule().maintenance(),
                config.schedule().timeZone());
    }

    private void startBenchmarks(KafkaSettings kafka, FleetInventory inventory) {
        JdbcBenchmarkCatalog catalog = new JdbcBenchmarkCatalog(
                FleetConnections.fromEnvironment(inventory, "partitions-benchmark"), config.catalogStatementTimeout());
        KafkaBenchmarkPublisher publisher = new KafkaBenchmarkPublisher(transactions);
        Function<BenchmarkPublisher, PlanBenchmarkRun> plannerFor =
                target -> new PlanBenchmarkRun(inventory, catalog, target, Clock.systemUTC());
        benchmarks = plannerFor.apply(publisher);
        loops.start(new RequestLoop<>(kafka, "planner-service-benchmark", "planner-benchmark",
                Topics.BENCHMARK_REQUESTS, Map.of(), new BenchmarkRequests(publisher, plannerFor, Clock.systemUTC())),
                "planner-benchmark-listener");
    }

    private static AnalysisSettings analysisSettings(PlannerConfig.Analysis a) {
        return new AnalysisSettings(optional(a.highBytes()), optional(a.mediumBytes()), optional(a.lowBytes()),
                a.partitionBudgetBytes(), a.maxPartitions());
    }

    private static OptionalLong optional(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Counts runs, commands and unreachable databases as they are published. */
    private RunPublisher counted(RunPublisher target) {
        return (run, metrics) -> {
            target.publish(run, metrics);
            meters.counter("partitions.planner.runs", "trigger", run.trigger().name()).increment();
            meters.counter("partitions.planner.commands").increment(run.commandCount());
            run.databases().stream().filter(d -> d.error().isPresent())
                    .forEach(d -> meters.counter("partitions.planner.databases.unreachable").increment());
        };
    }

    @Scheduled(identity = "validation", cron = "{planner.schedule.validation}",
            timeZone = "{planner.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledValidation() {
        scheduled(PlannedRun.Trigger.SCHEDULED_VALIDATION, PlanScope.VALIDATE_ONLY);
    }

    @Scheduled(identity = "maintenance", cron = "{planner.schedule.maintenance}",
            timeZone = "{planner.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMaintenance() {
        scheduled(PlannedRun.Trigger.SCHEDULED_MAINTENANCE, PlanScope.FULL);
    }

    @Scheduled(identity = "benchmark", cron = "{planner.schedule.benchmark}",
            timeZone = "{planner.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledBenchmark() {
        if (benchmarks == null) {
            return;
        }
        String runId = UUID.randomUUID().toString();
        LOG.infof("benchmark %s: scheduled", runId);
        benchmarks.plan(new BenchmarkRequestSpec(runId, "planner schedule", List.of(), List.of(),
                new Baseline.MigrationTwin(), new PlannedBenchmark.Settings(9, 2, 30_000, true),
                config.benchmarkDeadline()));
    }

    private RunDeadline runDeadline() {
        return new RunDeadline(config.runDeadline(), config.runDeadlinePerCommand());
    }

    private void scheduled(PlannedRun.Trigger trigger, PlanScope scope) {
        if (planner == null) {
            return;
        }
        String runId = UUID.randomUUID().toString();
        LOG.infof("run %s: scheduled %s", runId, trigger);
        planner.plan(new RunRequest(runId, trigger, scope, List.of(), List.of(), false, runDeadline()));
    }

    void stop(@Observes ShutdownEvent event) {
        loops.close();
        if (workers != null) {
            workers.shutdown();
        }
        if (transactions != null) {
            transactions.close();
        }
    }

    public boolean isListening() {
        return loops.polling();
    }
}
