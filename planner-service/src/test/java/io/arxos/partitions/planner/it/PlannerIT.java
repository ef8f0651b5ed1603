package io.arxos.partitions.planner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.arxos.partitions.events.AdviceKind;
import io.arxos.partitions.events.AnalysisPriority;
import io.arxos.partitions.events.AnalysisRecommendation;
import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.DatabaseAnalysis;
import io.arxos.partitions.events.DatabasePlan;
import io.arxos.partitions.events.FindingKind;
import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.events.MonthRowCount;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.PlannedCommand;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.events.TableMetrics;
import io.arxos.partitions.events.TablePlan;
import io.arxos.partitions.events.TimeColumnProfile;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicProvisioner;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.schemas.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The planner reading the sample database's real catalog and publishing through a real broker and registry. */
@QuarkusTest
@QuarkusTestResource(PlannerFleetResource.class)
class PlannerIT {

    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);

    @Test
    void plansAFullRunFromTheCatalogAndIsolatesAnUnreachableDatabase() {
        String runId = request(true, true, true, null, null, false);

        RunPlan plan = awaitOne(Topics.RUN_PLANS, runId);

        DatabasePlan offline = database(plan, "offline");
        assertThat(offline.getReachable()).isFalse();
        assertThat(offline.getError()).contains("offline");
        DatabasePlan arxos = database(plan, "arxos");
        assertThat(arxos.getReachable()).isTrue();
        assertThat(commandIds(table(arxos, "audit_logs"))).containsExactly(
                create("audit_logs", M.minusMonths(3)), create("audit_logs", M.plusMonths(2)),
                create("audit_logs", M.plusMonths(3)), "drop_partition:arxos/public.audit_logs:" + M.minusMonths(14),
                "drop_partition:arxos/public.audit_logs:" + M.minusMonths(13),
                "validate_table:arxos/public.audit_logs:run=" + runId);
        assertThat(table(arxos, "audit_logs").getCommands().get(0).getSummary()).contains("moving 20 rows");
        assertThat(table(arxos, "audit_logs").getNotes()).extracting(n -> n.getKind())
                .containsExactly(FindingKind.DEFAULT_ROWS_EXPIRED, FindingKind.DEFAULT_ROWS_FUTURE);
        assertThat(commandIds(table(arxos, "object_history"))).containsExactly(
                "detach_partition:arxos/public.object_history:" + M.minusMonths(13),
                "validate_table:arxos/public.object_history:run=" + runId);
        assertThat(table(arxos, "slow_query_log").getNotes()).singleElement()
                .satisfies(n -> assertThat(n.getRows()).isEqualTo(4L));
        assertThat(commandIds(table(arxos, "chat_messages"))).startsWith(create("chat_messages", M.minusMonths(1)),
                create("chat_messages", M.plusMonths(1)));

        List<PartitionCommand> commands = awaitAll(Topics.COMMANDS, runId, plan.getCommandCount());
        assertThat(commands).extracting(PartitionCommand::getCommandId)
                .containsExactlyInAnyOrderElementsOf(plan.getDatabases().stream()
                        .flatMap(d -> d.getTables().stream()).flatMap(t -> t.getCommands().stream())
                        .map(PlannedCommand::getCommandId).toList());
        List<TableMetrics> metrics = awaitAll(Topics.TABLE_METRICS, runId, 4);
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.getTable().getTableName()).isEqualTo("audit_logs");
            assertThat(m.getDefaultPartitionRows()).isEqualTo(28);
        });
    }

    @Test
    void analysesTheLegacyTablesFromRealDataAndPublishesEveryTableWithItsSummary() throws Exception {
        String id = UUID.randomUUID().toString();
        String partition = "audit_logs_p" + String.format("%04d_%02d", M.minusMonths(1).getYear(),
                M.minusMonths(1).getMonthValue());
        try (Connection c = PlannerFleetResource.fleet.connect(); Statement s = c.createStatement()) {
            // an index someone made on one partition only: the parent and the other partitions lack it
            s.execute("CREATE INDEX IF NOT EXISTS " + partition + "_action_idx ON " + partition + " (action)");
        }
        Thread writer = new Thread(PlannerIT::writeLegacyAuditRowsForFiveSeconds, "legacy-writer");
        writer.start();
        analysisRequest(id, List.of(), 3);
        writer.join();

        AnalysisRun run = awaitOne(Topics.ANALYSIS_RUNS, id);
        assertThat(run.getError()).isNull();
        DatabaseAnalysis offline = run.getDatabases().stream().filter(d -> d.getDatabase().equals("offline"))
                .findFirst().orElseThrow();
        assertThat(offline.getError()).contains("offline");
        DatabaseAnalysis arxos = run.getDatabases().stream().filter(d -> d.getDatabase().equals("arxos"))
                .findFirst().orElseThrow();
        assertThat(arxos.getError()).isNull();
        assertThat(arxos.getQueryStatistics()).startsWith("installed");
        assertThat(arxos.getObservedMillis()).isBetween(3000L, 60_000L);
        assertThat(arxos.getServerVersion()).startsWith("16");

        List<TableAnalysis> tables = awaitAll(Topics.TABLE_ANALYSES, id, run.getTableCount());
        assertThat(tables).hasSize(arxos.getTableCount());
        assertThat(tables).extracting(t -> t.getTable().getTableName()).contains("audit_logs", "audit_logs_legacy",
                "chat_messages_legacy", "event_types", "message_reactions").doesNotContain("operations");

        TableAnalysis audit = analysed(tables, "audit_logs_legacy");
        AnalysisRecommendation r = audit.getRecommendation();
        assertThat(r.getPriority()).as("advice %s", r.getAdvice()).isEqualTo(AnalysisPriority.HIGH);
        assertThat(r.getPartitionKey()).isEqualTo("created_at");
        assertThat(r.getInterval()).isEqualTo("1 month");
        assertThat(r.getRetentionMonths()).as("the DELETE keeps 12 months").isEqualTo(12);
        assertThat(audit.getActivity().getInserts()).as("rows written during the window").isPositive();
        assertThat(audit.getActivity().getDeadRows()).as("the retention DELETE's dead rows").isPositive();
        assertThat(audit.getQueries()).anySatisfy(q -> assertThat(q.getText()).contains("created_at::text LIKE"));
        assertThat(r.getAdvice()).anySatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(AdviceKind.REQUIRED_CHANGE);
            assertThat(a.getMessage()).contains("PRIMARY KEY (id) must become PRIMARY KEY (id, created_at)");
        }).anySatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(AdviceKind.QUERY_REWRITE);
            assertThat(a.getMessage()).contains("created_at::text");
        }).anySatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(AdviceKind.INDEX);
            assertThat(a.getSql()).contains("(\"user_id\", \"created_at\")");
        });
        TimeColumnProfile createdAt = audit.getTimeColumns().get(0);
        assertThat(createdAt.getSource()).isEqualTo("statistics");
        long counted = createdAt.getRowsByMonth().stream().mapToLong(MonthRowCount::getRows).sum();
        assertThat((double) counted).as("months from statistics add up to the live rows")
                .isCloseTo(12 * 5000, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(r.getMigrationStatements()).anySatisfy(s -> assertThat(s).contains("PARTITION BY RANGE"));
        assertThat(r.getEstimates()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("partition_count");
            assertThat(e.getValue()).isEqualTo(12 + 2 + 1);
        });

        TableAnalysis slow = analysed(tables, "slow_query_log_legacy");
        TimeColumnProfile timestamp = slow.getTimeColumns().get(0);
        assertThat(timestamp.getSource()).as("never analysed: sampled").isEqualTo("sample");
        assertThat(timestamp.getNullFraction()).isBetween(0.0, 0.05);
        assertThat(slow.getRecommendation().getAdvice()).filteredOn(a -> a.getKind() == AdviceKind.QUERY_REWRITE)
                .hasSize(2);

        TableAnalysis chat = analysed(tables, "chat_messages_legacy");
        assertThat(chat.getRecommendation().getPriority()).isEqualTo(AnalysisPriority.BLOCKED);
        assertThat(chat.getRecommendation().getAdvice()).anySatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(AdviceKind.BLOCKER);
            assertThat(a.getMessage()).contains("message_reactions");
        });
        assertThat(analysed(tables, "event_types").getRecommendation().getPriority())
                .isEqualTo(AnalysisPriority.NOT_RECOMMENDED);
        TableAnalysis managed = analysed(tables, "audit_logs");
        assertThat(managed.getPartitioned()).isTrue();
        assertThat(managed.getManaged()).isTrue();
        assertThat(managed.getRecommendation().getPriority()).isEqualTo(AnalysisPriority.NOT_RECOMMENDED);
        assertThat(managed.getIndexes()).anySatisfy(i -> {
            assertThat(i.getName()).isEqualTo(partition + "_action_idx");
            assertThat(i.getOnPartitionsOnly()).isTrue();
        });
        assertThat(managed.getRecommendation().getAdvice()).anySatisfy(a -> {
            assertThat(a.getKind()).isEqualTo(AdviceKind.INDEX);
            assertThat(a.getMessage()).contains("exists on single partitions only");
            assertThat(a.getSql()).isEqualTo("CREATE INDEX ON \"public\".\"audit_logs\" USING btree (action);");
        });
    }

    @Test
    void refusesAnAnalysisWithAnOverlongWindow() {
        String id = UUID.randomUUID().toString();
        analysisRequest(id, List.of(), 3600);

        AnalysisRun run = awaitOne(Topics.ANALYSIS_RUNS, id);

        assertThat(run.getError()).contains("PT1H");
        assertThat(run.getTableCount()).isZero();
    }

    private static TableAnalysis analysed(List<TableAnalysis> tables, String name) {
        return tables.stream().filter(t -> t.getTable().getTableName().equals(name)).findFirst().orElseThrow();
    }

    /** New connections each time: a backend flushes its statistics when it exits. */
    private static void writeLegacyAuditRowsForFiveSeconds() {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            try (Connection c = PlannerFleetResource.fleet.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO public.audit_logs_legacy (user_id, event_type_id, action) "
                        + "SELECT i, 1, 'login' FROM generate_series(1, 20) i");
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void analysisRequest(String id, List<String> databases, int observationSeconds) {
        KafkaSettings settings = settings();
        AnalysisRequest request = AnalysisRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "planner-it", Instant.now()))
                .setRequestedBy("planner-it")
                .setDatabases(databases)
                .setObservationSeconds(observationSeconds)
                .build();
        try (KafkaProducer<String, AnalysisRequest> producer = new KafkaProducer<>(settings.producer("planner-it"),
                new StringSerializer(), Topics.ANALYSIS_REQUESTS.valueSerde(settings.registry()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), id, request));
        }
    }

    @Test
    void marksEveryCommandOfADryRun() {
        String runId = request(false, true, false, null, null, true);

        RunPlan plan = awaitOne(Topics.RUN_PLANS, runId);
        List<PartitionCommand> commands = awaitAll(Topics.COMMANDS, runId, plan.getCommandCount());

        assertThat(plan.getDryRun()).isTrue();
        assertThat(commands).isNotEmpty().allMatch(PartitionCommand::getDryRun);
    }

    @Test
    void refusesAMalformedRequestWithAReasonInsteadOfSilence() {
        String runId = request(false, false, false, "2025-12", "2025-01", false);

        RunPlan plan = awaitOne(Topics.RUN_PLANS, runId);

        assertThat(plan.getCommandCount()).isZero();
        assertThat(plan.getError()).contains("2025-12").contains("ends before it starts");
    }

    @Test
    void aRequestReadAfterItsRequesterStoppedWaitingIsRefusedNotPlanned() {
        String runId = request(true, true, true, null, null, false, Instant.now().minus(Duration.ofMinutes(6)), 60);

        RunPlan plan = awaitOne(Topics.RUN_PLANS, runId);

        assertThat(plan.getCommandCount()).isZero();
        assertThat(plan.getDatabases()).isEmpty();
        assertThat(plan.getError()).contains("after its requester stopped waiting for the plan",
                "refused, not planned");
    }

    @Test
    void validatesTablesNothingChangesFromItsOwnCatalogReadInsteadOfSendingValidateCommands() throws Exception {
        try (Connection c = PlannerFleetResource.fleet.connect(); Statement s = c.createStatement()) {
            // made on the parent only: it stays invalid and the partitions lack it
            s.execute("CREATE INDEX object_history_changed_by_idx ON ONLY public.object_history (changed_by)");
        }
        try {
            String runId = request(true, false, false, null, null, false);

            RunPlan plan = awaitOne(Topics.RUN_PLANS, runId);

            assertThat(plan.getCommandCount()).isZero();
            DatabasePlan arxos = database(plan, "arxos");
            TablePlan slow = table(arxos, "slow_query_log");
            assertThat(slow.getCommands()).isEmpty();
            assertThat(slow.getValidation().getCommandId())
                    .isEqualTo("validate_table:arxos/public.slow_query_log:run=" + runId);
            assertThat(slow.getValidation().getFindings()).anySatisfy(f -> {
                assertThat(f.getKind()).isEqualTo(FindingKind.DEFAULT_ROWS_NULL_KEY);
                assertThat(f.getRows()).isEqualTo(4L);
            });
            assertThat(slow.getValidation().getPartitions()).anySatisfy(p -> {
                assertThat(p.getIsDefault()).isTrue();
                assertThat(p.getRowEstimate()).as("counted, not estimated").isEqualTo(4);
            });
            assertThat(table(arxos, "object_history").getValidation().getFindings())
                    .filteredOn(f -> f.getKind() == FindingKind.CHILD_MISSING_INDEX).isNotEmpty()
                    .allMatch(f -> f.getDetail().contains("object_history_changed_by_idx"));
            assertThat(arxos.getTables()).allSatisfy(t -> assertThat(t.getValidation()).isNotNull());
        } finally {
            try (Connection c = PlannerFleetResource.fleet.connect(); Statement s = c.createStatement()) {
                s.execute("DROP INDEX public.object_history_changed_by_idx");
            }
        }
    }

    private static String request(boolean validate, boolean create, boolean drop, String from, String to,
            boolean dryRun) {
        return request(validate, create, drop, from, to, dryRun, Instant.now(), 0);
    }

    private static String request(boolean validate, boolean create, boolean drop, String from, String to,
            boolean dryRun, Instant madeAt, int planWithinSeconds) {
        String runId = UUID.randomUUID().toString();
        KafkaSettings settings = settings();
        MaintenanceRequest request = MaintenanceRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(runId, "planner-it", madeAt))
                .setPlanWithinSeconds(planWithinSeconds)
                .setRequestedBy("planner-it")
                .setScope(MaintenanceScope.newBuilder().setValidate(validate).setCreateMissing(create)
                        .setDropExpired(drop).setCreateFrom(from).setCreateTo(to).build())
                .setDatabases(List.of())
                .setDryRun(dryRun)
                .build();
        try (KafkaProducer<String, MaintenanceRequest> producer = new KafkaProducer<>(settings.producer("planner-it"),
                new StringSerializer(), Topics.MAINTENANCE_REQUESTS.valueSerde(settings.registry()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.MAINTENANCE_REQUESTS.name(), runId, request));
        }
        return runId;
    }

    private static <V extends SpecificRecord> V awaitOne(TopicSpec<V> topic, String runId) {
        return awaitAll(topic, runId, 1).get(0);
    }

    private static <V extends SpecificRecord> List<V> awaitAll(TopicSpec<V> topic, String runId, int count) {
        KafkaSettings settings = settings();
        List<V> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                settings.consumer("planner-it-" + UUID.randomUUID(), "planner-it"), new StringDeserializer(),
                topic.valueSerde(settings.registry()).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (runIdOf(r.value()).equals(runId)) {
                        found.add(r.value());
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String runIdOf(SpecificRecord record) {
        return ((io.arxos.partitions.events.EventEnvelope) record.get(0)).getRunId();
    }

    @Test
    void raisesTheRecordLimitOfATopicCreatedWithASmallerOneAndNeverLowersOne() throws Exception {
        KafkaSettings settings = settings();
        ConfigResource plans = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RUN_PLANS.name());
        ConfigResource reports = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REPORTS.name());
        try (Admin admin = Admin.create(settings.admin())) {
            // as a cluster set up before run plans could be 8 MB has it; and a report limit raised by hand
            admin.incrementalAlterConfigs(Map.of(
                    plans, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            "1048588"), AlterConfigOp.OpType.SET)),
                    reports, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            "16777216"), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);

            TopicProvisioner.ensureTopics(settings.admin(), (short) 1, null, Duration.ofSeconds(30));

            Map<ConfigResource, Config> configs = admin
                    .describeConfigs(List.of(plans, reports)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(plans).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())
                    .isEqualTo(Integer.toString(Topics.PLAN_MAX_BYTES));
            assertThat(configs.get(reports).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).isEqualTo("16777216");
        }
    }

    private static KafkaSettings settings() {
        return KafkaSettings.from(PlannerFleetResource.fleet.clientConfig());
    }

    private static DatabasePlan database(RunPlan plan, String id) {
        return plan.getDatabases().stream().filter(d -> d.getDatabase().equals(id)).findFirst().orElseThrow();
    }

    private static TablePlan table(DatabasePlan database, String table) {
        return database.getTables().stream().filter(t -> t.getTableName().equals(table)).findFirst().orElseThrow();
    }

    private static List<String> commandIds(TablePlan table) {
        return table.getCommands().stream().map(PlannedCommand::getCommandId).toList();
    }

    private static String create(String table, YearMonth month) {
        return "create_partition:arxos/public." + table + ":" + month;
    }

}
