package io.arxos.partitions.executor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.CreatePartition;
import io.arxos.partitions.events.FindingKind;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.PartitionKeyType;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executor against a real broker, a real registry and a real PostgreSQL holding the sample database. Every
 * assertion that matters looks at the database itself, not only at the outcome event.
 */
@QuarkusTest
@QuarkusTestResource(FleetResource.class)
class ExecutorIT {

    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static CommandBus bus;

    @BeforeAll
    static void connect() {
        bus = new CommandBus(FleetResource.fleet.clientConfig());
    }

    @AfterAll
    static void disconnect() {
        bus.close();
    }

    @Test
    void movesEveryDefaultRowIntoTheNewPartition() throws Exception {
        String range = rangeSql("created_at", M.minusMonths(3));
        List<Long> idsInDefault = ids("SELECT id FROM public.audit_logs_p_default WHERE " + range);
        assertThat(idsInDefault).hasSize(20);

        CommandOutcome outcome = run(CommandBus.create("audit_logs", M.minusMonths(3), run(), false));

        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(outcome.getRowsMoved()).isEqualTo(20);
        assertThat(ids("SELECT id FROM public." + name("audit_logs", M.minusMonths(3)))).isEqualTo(idsInDefault);
        assertThat(ids("SELECT id FROM public.audit_logs_p_default WHERE " + range)).isEmpty();
        assertThat(count("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'public."
                + name("audit_logs", M.minusMonths(3)) + "'::regclass")).isEqualTo(1);
    }

    @Test
    void aRedeliveredCommandRunsItsSqlOnce() throws Exception {
        String runId = run();
        PartitionCommand command = CommandBus.create("audit_logs", M.plusMonths(2), runId, false);

        CommandOutcome first = run(command);
        bus.send(command);
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.outcomes(command.getCommandId()).size() == 2);
        CommandOutcome again = bus.outcomes(command.getCommandId()).get(1);
        CommandOutcome laterRun = run(CommandBus.create("audit_logs", M.plusMonths(2), run(), false));

        assertThat(first.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(again.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(again.getDetail()).contains("re-published from the ledger");
        assertThat(laterRun.getStatus()).isEqualTo(OutcomeStatus.ALREADY_APPLIED);
        assertThat(laterRun.getSqlStatements()).isEmpty();
        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE command_id = '"
                + command.getCommandId() + "' AND is_final AND status = 'applied'")).isEqualTo(1);
    }

    @Test
    void aDifferentCommandUnderAKnownIdIsRejectedAndRunsNothing() throws Exception {
        String runId = run();
        PartitionCommand create = CommandBus.create("slow_query_log", M.plusMonths(30), runId, false);
        assertThat(run(create).getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        String expired = "slow_query_log_p" + M.minusMonths(7).toString().replace("-", "_");
        // a drop of an expired partition that exists, sent under the create's id and run
        PartitionCommand forged = CommandBus.drop("slow_query_log", M.minusMonths(7), runId);
        forged.setCommandId(create.getCommandId());
        // and a drop of a partition that is already gone (answered from the ledger before this check existed)
        PartitionCommand gone = CommandBus.drop("slow_query_log", M.minusMonths(30), runId);
        gone.setCommandId(create.getCommandId());

        CommandOutcome refused = run(forged);
        CommandOutcome refusedToo = run(gone);

        assertThat(refused.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(refused.getErrorMessage()).contains("already used for create_partition of public.slow_query_log",
                "this drop_partition of public.slow_query_log " + expired + " is a different command");
        assertThat(refused.getSqlStatements()).isEmpty();
        assertThat(refusedToo.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(refusedToo.getErrorMessage()).contains("different command under the same id");
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = '" + expired + "'")).as("not dropped")
                .isEqualTo(1);
    }

    @Test
    void rejectedCommandsRunNoSqlAndChangeNothing() throws Exception {
        PartitionCommand insideRetention = CommandBus.drop("audit_logs", M.minusMonths(1), run());
        TableKey users = TableKey.parse("arxos/public.users");
        PartitionRange dec = PartitionRange.ofMonth(M.plusMonths(1));
        PartitionCommand unmanaged = CommandBus.command(users, Operation.CREATE_PARTITION,
                CommandId.forChange(users, Operation.CREATE_PARTITION, dec), run(), false,
                CreatePartition.newBuilder().setPartitionName("users_p2099_01").setBounds(CoreTypes.bounds(dec))
                        .setKeyType(PartitionKeyType.TIMESTAMPTZ).build());
        PartitionCommand injection = CommandBus.create("audit_logs", M.plusMonths(3), run(), false);
        ((CreatePartition) injection.getPayload()).setPartitionName("x\"; DROP TABLE audit_logs; --");
        injection.setCommandId("create_partition:arxos/public.audit_logs:injection");

        for (PartitionCommand command : List.of(insideRetention, unmanaged, injection)) {
            CommandOutcome outcome = run(command);
            assertThat(outcome.getStatus()).as(command.getCommandId()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(outcome.getSqlStatements()).isEmpty();
            assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE command_id = '"
                    + command.getCommandId().replace("'", "''") + "'")).isZero();
        }
        assertThat(run(insideRetention).getErrorMessage()).contains("after the retention cutoff");
        assertThat(bus.outcomes(unmanaged.getCommandId()).get(0).getErrorMessage()).contains("not managed");
        assertThat(bus.outcomes(injection.getCommandId()).get(0).getErrorClass()).isEqualTo("invalid_command");
        assertThat(exists("audit_logs", M.minusMonths(1))).isTrue();
        assertThat(count("SELECT count(*) FROM public.audit_logs")).isPositive();
    }

    @Test
    void aLockedTableRetriesThenFailsWhileOtherTablesComplete() throws Exception {
        YearMonth expired = M.minusMonths(8);
        try (Connection reader = FleetResource.fleet.connect()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("LOCK TABLE public.slow_query_log IN ACCESS SHARE MODE");
            }
            PartitionCommand locked = CommandBus.drop("slow_query_log", expired, run());
            PartitionCommand other = CommandBus.create("chat_messages", M.plusMonths(1), run(), false);
            bus.send(locked);
            bus.send(other);

            CommandOutcome otherOutcome = firstOutcome(other);
            CommandOutcome lockedOutcome = firstOutcome(locked);

            assertThat(otherOutcome.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
            assertThat(lockedOutcome.getStatus()).isEqualTo(OutcomeStatus.FAILED);
            assertThat(lockedOutcome.getSqlState()).isEqualTo("55P03");
            assertThat(lockedOutcome.getErrorClass()).isEqualTo("retriable");
            assertThat(lockedOutcome.getAttempts()).isEqualTo(4);
            assertThat(bus.arrival(other.getCommandId())).as("the other table finished while the locked one waited")
                    .isLessThan(bus.arrival(locked.getCommandId()));
            assertThat(exists("slow_query_log", expired)).isTrue();
            reader.rollback();
        }
        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE status = 'failed' AND sql_state = '55P03'"
                + " AND table_name = 'slow_query_log'")).isEqualTo(4);
        CommandOutcome retried = run(CommandBus.drop("slow_query_log", expired, run()));
        assertThat(retried.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(exists("slow_query_log", expired)).isFalse();
    }

    @Test
    void dropsExpiredPartitionsAndKeepsEveryRowNewerThanTheCutoff() throws Exception {
        String newer = "SELECT count(*) FROM public.audit_logs WHERE created_at >= now() - interval '12 months'";
        long before = count(newer);

        CommandOutcome oldest = run(CommandBus.drop("audit_logs", M.minusMonths(14), run()));
        CommandOutcome next = run(CommandBus.drop("audit_logs", M.minusMonths(13), run()));

        assertThat(oldest.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(next.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(exists("audit_logs", M.minusMonths(14))).isFalse();
        assertThat(exists("audit_logs", M.minusMonths(13))).isFalse();
        assertThat(count(newer)).isEqualTo(before);
    }

    @Test
    void detachesAnExpiredPartitionIntoTheArchiveSchema() throws Exception {
        CommandOutcome outcome = run(CommandBus.detach("object_history", M.minusMonths(13), run()));

        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(outcome.getDetail()).contains("partition_archive." + name("object_history", M.minusMonths(13)));
        assertThat(count("SELECT count(*) FROM partition_archive." + name("object_history", M.minusMonths(13))))
                .isEqualTo(20);
        assertThat(exists("object_history", M.minusMonths(13))).isFalse();
    }

    @Test
    void validationReportsFindingsAndPartitionSizes() throws Exception {
        CommandOutcome outcome = run(CommandBus.validate("slow_query_log", run()));

        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
        assertThat(outcome.getFindings()).extracting(f -> f.getKind())
                .contains(FindingKind.DEFAULT_ROWS_NULL_KEY, FindingKind.RUNWAY_SHORT);
        assertThat(outcome.getPartitions()).anySatisfy(p -> {
            assertThat(p.getIsDefault()).isTrue();
            assertThat(p.getRowEstimate()).isEqualTo(4);
        });
        assertThat(count("SELECT count(*) FROM partition_ops.v_partition_sizes WHERE parent_table = 'slow_query_log'"))
                .isEqualTo(outcome.getPartitions().size());
    }

    @Test
    void aDryRunRendersTheSqlAndChangesNothing() throws Exception {
        PartitionCommand command = CommandBus.create("chat_messages", M.plusMonths(3), run(), true);

        CommandOutcome outcome = run(command);

        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.DRY_RUN);
        assertThat(outcome.getSqlStatements()).anyMatch(s -> s.contains("ATTACH PARTITION"));
        assertThat(exists("chat_messages", M.plusMonths(3))).isFalse();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = '" + name("chat_messages", M.plusMonths(3))
                + "'")).isZero();
        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE command_id = '"
                + command.getCommandId() + "'")).isZero();
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopic() throws Exception {
        bus.sendRaw("arxos/public.audit_logs", "not avro".getBytes(StandardCharsets.UTF_8));
        try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(
                io.arxos.partitions.schemas.KafkaSettings.from(FleetResource.fleet.clientConfig())
                        .consumer("it-dlq-" + UUID.randomUUID(), "it-dlq"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(Topics.DEAD_LETTERS));
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals("not avro"));
            });
            ConsumerRecord<byte[], byte[]> letter = seen.get(0);
            assertThat(new String(letter.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(),
                    StandardCharsets.UTF_8)).contains("magic byte");
        }
    }

    @Test
    void createsSeveralFutureMonthsOfATableInOneTransaction() throws Exception {
        String runId = run();
        List<PartitionCommand> months = List.of(CommandBus.create("chat_messages", M.plusMonths(24), runId, false),
                CommandBus.create("chat_messages", M.plusMonths(25), runId, false),
                CommandBus.create("chat_messages", M.plusMonths(26), runId, false));

        bus.sendAll(months);
        List<CommandOutcome> outcomes = months.stream().map(ExecutorIT::firstOutcome).toList();

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
            assertThat(o.getDetail()).contains("together with 2 other month(s)");
        });
        assertThat(outcomes.get(0).getSqlStatements()).hasSize(2).allMatch(sql -> sql.contains(
                name("chat_messages", M.plusMonths(24))), "each outcome shows its own month's statements");
        for (int k = 24; k <= 26; k++) {
            assertThat(exists("chat_messages", M.plusMonths(k))).isTrue();
        }
        assertThat(count("SELECT count(*) FROM partition_ops.operations WHERE run_id = '" + runId
                + "' AND status = 'applied' AND is_final")).isEqualTo(3);
        assertThat(count("SELECT count(DISTINCT xmin::text) FROM partition_ops.operations WHERE run_id = '" + runId
                + "'")).as("one transaction wrote every ledger row").isEqualTo(1);
    }

    @Test
    void aLargeDefaultPartitionIsFencedOffOnceForAllTheMonthsCreatedTogether() throws Exception {
        // rows of a far year land in the default partition and make it larger than ATTACH may scan under its lock
        execute("INSERT INTO public.object_history (object_id, object_type, change, changed_by, changed_at)"
                + " SELECT i, 'room', jsonb_build_object('pad', repeat('x', 80)), 1,"
                + " '2090-01-01'::timestamptz + i * interval '1 minute' FROM generate_series(1, 12000) AS i");
        try {
            assertThat(count("SELECT pg_relation_size('public.object_history_p_default')")).isGreaterThan(1 << 20);
            String runId = run();
            List<PartitionCommand> months = List.of(CommandBus.create("object_history", M.plusMonths(20), runId, false),
                    CommandBus.create("object_history", M.plusMonths(21), runId, false));

            bus.sendAll(months);
            List<CommandOutcome> outcomes = months.stream().map(ExecutorIT::firstOutcome).toList();

            assertThat(outcomes).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED));
            assertThat(outcomes.get(1).getSqlStatements()).anyMatch(sql -> sql.contains("ADD CONSTRAINT"
                    + " \"object_history_p_default_batch_excl\"") && sql.endsWith("NOT VALID"))
                    .anyMatch(sql -> sql.contains("VALIDATE CONSTRAINT \"object_history_p_default_batch_excl\""))
                    .anyMatch(sql -> sql.contains("DROP CONSTRAINT IF EXISTS \"object_history_p_default_batch_excl\""));
            assertThat(exists("object_history", M.plusMonths(20))).isTrue();
            assertThat(exists("object_history", M.plusMonths(21))).isTrue();
            assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'object_history_p_default%excl'"))
                    .as("no helper constraint is left on the default partition").isZero();
            assertThat(count("SELECT count(*) FROM public.object_history_p_default WHERE changed_at >= '2090-01-01'"))
                    .isEqualTo(12000);
        } finally {
            execute("DELETE FROM public.object_history_p_default WHERE changed_at >= '2090-01-01'");
        }
    }

    @Test
    void validationFindsPartitionsLackingAnIndexOfTheParent() throws Exception {
        // an index made on the parent only, as one does before building it partition by partition: it stays invalid
        execute("CREATE INDEX slow_query_log_duration_idx ON ONLY public.slow_query_log (duration_ms)");
        try {
            CommandOutcome outcome = run(CommandBus.validate("slow_query_log", run()));

            assertThat(outcome.getFindings()).filteredOn(f -> f.getKind() == FindingKind.CHILD_MISSING_INDEX)
                    .isNotEmpty().allMatch(f -> f.getDetail().contains("slow_query_log_duration_idx"));
        } finally {
            execute("DROP INDEX public.slow_query_log_duration_idx");
        }
    }

    private static CommandOutcome run(PartitionCommand command) {
        int before = bus.outcomes(command.getCommandId()).size();
        bus.send(command);
        await().atMost(Duration.ofSeconds(60)).until(() -> bus.outcomes(command.getCommandId()).size() > before);
        return bus.outcomes(command.getCommandId()).get(before);
    }

    private static CommandOutcome firstOutcome(PartitionCommand command) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !bus.outcomes(command.getCommandId()).isEmpty());
        return bus.outcomes(command.getCommandId()).get(0);
    }

    private static String run() {
        return UUID.randomUUID().toString();
    }

    private static String name(String table, YearMonth month) {
        return String.format("%s_p%04d_%02d", table, month.getYear(), month.getMonthValue());
    }

    private static boolean exists(String table, YearMonth month) throws SQLException {
        return count("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = '"
                + name(table, month) + "'") == 1;
    }

    private static String rangeSql(String key, YearMonth month) {
        return key + " >= '" + month.atDay(1) + " 00:00:00+00' AND " + key + " < '" + month.plusMonths(1).atDay(1)
                + " 00:00:00+00'";
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = FleetResource.fleet.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = FleetResource.fleet.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = FleetResource.fleet.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql + " ORDER BY 1")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
