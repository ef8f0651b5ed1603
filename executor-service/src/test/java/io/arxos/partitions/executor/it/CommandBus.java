package io.arxos.partitions.executor.it;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.CreatePartition;
import io.arxos.partitions.events.DetachPartition;
import io.arxos.partitions.events.DropPartition;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.PartitionKeyType;
import io.arxos.partitions.events.ValidateTable;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends commands the way the planner does and collects every outcome, for assertions. */
final class CommandBus implements AutoCloseable {

    private final KafkaSettings settings;
    private final KafkaProducer<String, PartitionCommand> producer;
    private final KafkaProducer<String, byte[]> raw;
    private final Map<String, List<CommandOutcome>> outcomes = new ConcurrentHashMap<>();
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final Thread collector;
    private volatile boolean running = true;

    CommandBus(Map<String, String> clientConfig) {
        settings = KafkaSettings.from(clientConfig);
        producer = new KafkaProducer<>(settings.producer("it-commands"), new StringSerializer(),
                Topics.COMMANDS.valueSerde(settings.registry()).serializer());
        raw = new KafkaProducer<>(settings.producer("it-raw"), new StringSerializer(), new ByteArraySerializer());
        collector = new Thread(this::collect, "it-outcome-collector");
        collector.setDaemon(true);
        collector.start();
    }

    private void collect() {
        Properties props = new Properties();
        props.putAll(settings.consumer("it-" + UUID.randomUUID(), "it-outcomes"));
        try (KafkaConsumer<String, CommandOutcome> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                Topics.OUTCOMES.valueSerde(settings.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.OUTCOMES.name()));
            while (running) {
                for (ConsumerRecord<String, CommandOutcome> r : consumer.poll(Duration.ofMillis(200))) {
                    outcomes.computeIfAbsent(r.value().getCommandId(), k -> new CopyOnWriteArrayList<>())
                            .add(r.value());
                    arrivals.add(r.value().getCommandId());
                }
            }
        }
    }

    /** Position of the command's first outcome among all outcomes received, in arrival order. */
    int arrival(String commandId) {
        return arrivals.indexOf(commandId);
    }

    List<CommandOutcome> outcomes(String commandId) {
        return outcomes.getOrDefault(commandId, List.of());
    }

    void send(PartitionCommand command) {
        String key = command.getTable().getDatabase() + "/" + command.getTable().getSchemaName() + "."
                + command.getTable().getTableName();
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, command));
        producer.flush();
    }

    /** Sends the commands in one go, as the planner publishes a run, so the executor polls them together. */
    void sendAll(List<PartitionCommand> commands) {
        for (PartitionCommand command : commands) {
            String key = command.getTable().getDatabase() + "/" + command.getTable().getSchemaName() + "."
                    + command.getTable().getTableName();
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, command));
        }
        producer.flush();
    }

    void sendRaw(String key, byte[] value) {
        raw.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, value));
        raw.flush();
    }

    static PartitionCommand create(String table, YearMonth month, String runId, boolean dryRun) {
        TableKey key = TableKey.parse("arxos/public." + table);
        PartitionRange range = PartitionRange.ofMonth(month);
        return command(key, Operation.CREATE_PARTITION, CommandId.forChange(key, Operation.CREATE_PARTITION, range),
                runId, dryRun, CreatePartition.newBuilder()
                        .setPartitionName(PartitionNaming.monthly(Identifier.of(table), month).value())
                        .setBounds(CoreTypes.bounds(range)).setKeyType(PartitionKeyType.TIMESTAMPTZ)
                        .setDefaultRowsToMove(0).build());
    }

    static PartitionCommand drop(String table, YearMonth month, String runId) {
        TableKey key = TableKey.parse("arxos/public." + table);
        PartitionRange range = PartitionRange.ofMonth(month);
        return command(key, Operation.DROP_PARTITION, CommandId.forChange(key, Operation.DROP_PARTITION, range), runId,
                false, DropPartition.newBuilder()
                        .setPartitionName(PartitionNaming.monthly(Identifier.of(table), month).value())
                        .setBounds(CoreTypes.bounds(range)).setKeyType(PartitionKeyType.TIMESTAMPTZ)
                        .setRetentionCutoff(LocalDateTime.now()).setAgeMonths(13).build());
    }

    static PartitionCommand detach(String table, YearMonth month, String runId) {
        TableKey key = TableKey.parse("arxos/public." + table);
        PartitionRange range = PartitionRange.ofMonth(month);
        return command(key, Operation.DETACH_PARTITION, CommandId.forChange(key, Operation.DETACH_PARTITION, range),
                runId, false, DetachPartition.newBuilder()
                        .setPartitionName(PartitionNaming.monthly(Identifier.of(table), month).value())
                        .setBounds(CoreTypes.bounds(range)).setKeyType(PartitionKeyType.TIMESTAMPTZ)
                        .setRetentionCutoff(LocalDateTime.now()).setAgeMonths(13)
                        .setArchiveSchema("partition_archive").build());
    }

    static PartitionCommand validate(String table, String runId) {
        TableKey key = TableKey.parse("arxos/public." + table);
        return command(key, Operation.VALIDATE_TABLE, CommandId.forValidation(key, runId), runId, false,
                ValidateTable.newBuilder().build());
    }

    static PartitionCommand command(TableKey key, Operation op, CommandId id, String runId, boolean dryRun,
            Object payload) {
        return PartitionCommand.newBuilder()
                .setEnvelope(CoreTypes.envelope(runId, "executor-it", Instant.now()))
                .setCommandId(id.value())
                .setTable(CoreTypes.tableId(key))
                .setOperation(CoreTypes.operation(op))
                .setReason("integration test")
                .setDryRun(dryRun)
                .setPayload(payload)
                .build();
    }

    @Override
    public void close() {
        running = false;
        producer.close();
        raw.close();
    }
}
