package io.arxos.partitions.schemas;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.BenchmarkCommand;
import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.BenchmarkRequest;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.events.TableMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topic catalogue: every topic the services use, declared once with its key and value types. Table-scoped
 * topics are keyed {@code <database-id>/<schema>.<table>} so one table's operations stay ordered; run-scoped topics
 * are keyed by run id.
 */
public final class Topics {

    public static final TopicSpec<MaintenanceRequest> MAINTENANCE_REQUESTS = new TopicSpec<>(
            "partitions.maintenance-requests", "run id", MaintenanceRequest.class, 1, Duration.ofDays(30));
    /**
     * A run plan lists every command of its run (about 130 bytes each): 8 MB holds some 60,000 commands, where the
     * default 1 MB stopped a run at about 8,000 (2,000 tables of four commands).
     */
    public static final int PLAN_MAX_BYTES = 8 * 1024 * 1024;
    public static final TopicSpec<RunPlan> RUN_PLANS = new TopicSpec<>(
            "partitions.run-plans", "run id", RunPlan.class, 3, null, PLAN_MAX_BYTES);
    public static final TopicSpec<TableMetrics> TABLE_METRICS = new TopicSpec<>(
            "partitions.table-metrics", "<database-id>/<schema>.<table>", TableMetrics.class, 3, Duration.ofDays(90));
    public static final TopicSpec<PartitionCommand> COMMANDS = new TopicSpec<>(
            "partitions.commands", "<database-id>/<schema>.<table>", PartitionCommand.class, 6, null);
    public static final TopicSpec<CommandOutcome> OUTCOMES = new TopicSpec<>(
            "partitions.outcomes", "<database-id>/<schema>.<table>", CommandOutcome.class, 6, null);
    public static final TopicSpec<PartitionAlert> ALERTS = new TopicSpec<>(
            "partitions.alerts", "<database-id>/<schema>.<table>, or run id for run-level alerts",
            PartitionAlert.class, 3, Duration.ofDays(90));
    /** Reports carry whole rendered documents; the reporter's producer allows as much (max.request.size). */
    public static final int REPORT_MAX_BYTES = 8 * 1024 * 1024;

    public static final TopicSpec<RunReport> REPORTS = new TopicSpec<>(
            "partitions.reports", "run id", RunReport.class, 3, Duration.ofDays(400), REPORT_MAX_BYTES);
    /**
     * Pages of reports larger than {@link #REPORT_PAGE_BYTES}: a paged report's record carries its summary, the
     * pages carry the whole text, so no record approaches the topic limits however large the run.
     */
    public static final TopicSpec<RunReportPage> REPORT_PAGES = new TopicSpec<>(
            "partitions.report-pages", "run id", RunReportPage.class, 3, Duration.ofDays(400));
    /** The most UTF-8 bytes of text in one report record or page (the default 1 MB record limit, with room). */
    public static final int REPORT_PAGE_BYTES = 512 * 1024;
    public static final TopicSpec<AnalysisRequest> ANALYSIS_REQUESTS = new TopicSpec<>(
            "partitions.analysis-requests", "analysis id", AnalysisRequest.class, 1, Duration.ofDays(30));
    public static final TopicSpec<TableAnalysis> TABLE_ANALYSES = new TopicSpec<>(
            "partitions.table-analyses", "<database-id>/<schema>.<table>", TableAnalysis.class, 3,
            Duration.ofDays(400));
    public static final TopicSpec<AnalysisRun> ANALYSIS_RUNS = new TopicSpec<>(
            "partitions.analysis-runs", "analysis id", AnalysisRun.class, 3, Duration.ofDays(400));
    public static final TopicSpec<AnalysisReport> ANALYSIS_REPORTS = new TopicSpec<>(
            "partitions.analysis-reports", "analysis id", AnalysisReport.class, 3, Duration.ofDays(400),
            REPORT_MAX_BYTES);

    public static final TopicSpec<MigrationCommand> MIGRATION_COMMANDS = new TopicSpec<>(
            "partitions.migration-commands", "<database-id>/<schema>.<table>", MigrationCommand.class, 3, null);
    public static final TopicSpec<MigrationOutcome> MIGRATION_OUTCOMES = new TopicSpec<>(
            "partitions.migration-outcomes", "<database-id>/<schema>.<table>", MigrationOutcome.class, 3, null);

    public static final TopicSpec<BenchmarkRequest> BENCHMARK_REQUESTS = new TopicSpec<>(
            "partitions.benchmark-requests", "benchmark id", BenchmarkRequest.class, 1, Duration.ofDays(30));
    public static final TopicSpec<BenchmarkRun> BENCHMARK_RUNS = new TopicSpec<>(
            "partitions.benchmark-runs", "benchmark id", BenchmarkRun.class, 3, Duration.ofDays(400));
    public static final TopicSpec<BenchmarkCommand> BENCHMARK_COMMANDS = new TopicSpec<>(
            "partitions.benchmark-commands", "<database-id>/<schema>.<table>", BenchmarkCommand.class, 3, null);
    public static final TopicSpec<BenchmarkOutcome> BENCHMARK_OUTCOMES = new TopicSpec<>(
            "partitions.benchmark-outcomes", "<database-id>/<schema>.<table>", BenchmarkOutcome.class, 3, null,
            REPORT_MAX_BYTES);
    public static final TopicSpec<BenchmarkReport> BENCHMARK_REPORTS = new TopicSpec<>(
            "partitions.benchmark-reports", "benchmark id", BenchmarkReport.class, 3, Duration.ofDays(400),
            REPORT_MAX_BYTES);

    /** Records no consumer could decode: original key and value bytes, the reason in headers. */
    public static final String DEAD_LETTERS = "partitions.dead-letters";
    public static final int DEAD_LETTER_PARTITIONS = 3;
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(90);

    /** Header names on dead letters. */
    public static final String HEADER_DLQ_REASON = "dlq.reason";
    public static final String HEADER_DLQ_SOURCE_TOPIC = "dlq.source.topic";
    public static final String HEADER_DLQ_SOURCE_PARTITION = "dlq.source.partition";
    public static final String HEADER_DLQ_SOURCE_OFFSET = "dlq.source.offset";
    public static final String HEADER_DLQ_CONSUMER = "dlq.consumer";

    /** Topics whose records are the audit trail (kept forever unless configured otherwise). */
    public static final List<TopicSpec<?>> AUDIT_TRAIL = List.of(RUN_PLANS, COMMANDS, OUTCOMES, MIGRATION_COMMANDS,
            MIGRATION_OUTCOMES, BENCHMARK_COMMANDS, BENCHMARK_OUTCOMES);

    public static final List<TopicSpec<?>> ALL = List.of(
            MAINTENANCE_REQUESTS, RUN_PLANS, TABLE_METRICS, COMMANDS, OUTCOMES, ALERTS, REPORTS, REPORT_PAGES,
            ANALYSIS_REQUESTS, TABLE_ANALYSES, ANALYSIS_RUNS, ANALYSIS_REPORTS, MIGRATION_COMMANDS, MIGRATION_OUTCOMES,
            BENCHMARK_REQUESTS, BENCHMARK_RUNS, BENCHMARK_COMMANDS, BENCHMARK_OUTCOMES, BENCHMARK_REPORTS);

    private Topics() {
    }

    /** Every topic to create, dead letters included; audit topics take {@code auditRetention} when it is set. */
    public static List<NewTopic> newTopics(short replicationFactor,
            Duration auditRetention) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec<?> spec : ALL) {
            topics.add(spec.newTopic(replicationFactor, AUDIT_TRAIL.contains(spec) ? auditRetention : null));
        }
        topics.add(new NewTopic(DEAD_LETTERS, DEAD_LETTER_PARTITIONS, replicationFactor)
                .configs(Map.of("retention.ms", Long.toString(DEAD_LETTER_RETENTION.toMillis()))));
        return topics;
    }
}
