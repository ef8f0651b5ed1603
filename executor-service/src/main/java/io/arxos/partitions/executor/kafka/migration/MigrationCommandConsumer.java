package io.arxos.partitions.executor.kafka.migration;

import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.executor.app.migration.MigrationResult;
import io.arxos.partitions.executor.app.migration.RunMigrationStep;
import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoop;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Runs migration commands one at a time, in arrival order, and answers each with one outcome before its offset is
 * committed: a crash re-runs the command, which every phase recognises from its recorded state. Phases are short by
 * design (a copy command works for one chunk), so one thread serves every table.
 */
public final class MigrationCommandConsumer extends PollLoop {

    private static final Logger LOG = Logger.getLogger(MigrationCommandConsumer.class);
    private static final String GROUP = "executor-service-migrations";

    private final Producer<String, MigrationOutcome> outcomes;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<MigrationCommand> commands;
    private final RunMigrationStep steps;
    private final Clock clock;

    public MigrationCommandConsumer(KafkaSettings settings, RunMigrationStep steps, Clock clock) {
        this(settings, steps, clock, new KafkaProducer<>(settings.producer("executor-migration-outcomes"),
                new StringSerializer(), Topics.MIGRATION_OUTCOMES.valueSerde(settings.registry()).serializer()),
                new KafkaProducer<>(settings.producer("executor-migration-dead-letters"), new ByteArraySerializer(),
                        new ByteArraySerializer()));
    }

    private MigrationCommandConsumer(KafkaSettings settings, RunMigrationStep steps, Clock clock,
            Producer<String, MigrationOutcome> outcomes, KafkaProducer<byte[], byte[]> deadLetters) {
        super("migration commands", consumer(settings), Duration.ofSeconds(1), List.of(outcomes, deadLetters));
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.commands = Topics.MIGRATION_COMMANDS.valueSerde(settings.registry()).deserializer();
        this.steps = steps;
        this.clock = clock;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
        Map<String, Object> config = settings.consumer(GROUP, "executor-migrations");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // a copy chunk is seconds, a swap waits for locks with retries: leave room for both
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        // a crashed executor's commands move to its successor within seconds, not the default 45
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    protected void start(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.subscribe(List.of(Topics.MIGRATION_COMMANDS.name()));
    }

    /** The outcome or the commit did not go out: subscribing again rewinds to the last committed command, which
     * runs again, and its phase knows what is done. */
    @Override
    protected void afterFailure(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.unsubscribe();
        start(consumer);
    }

    @Override
    protected void round(KafkaConsumer<byte[], byte[]> consumer) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            handle(record);
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        MigrationCommand command;
        try {
            command = commands.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warnf("undecodable migration command at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                    record.offset(), Topics.DEAD_LETTERS, e.getMessage());
            send(() -> deadLetters.send(DeadLetters.of(record, GROUP, e.getMessage())).get(30, TimeUnit.SECONDS));
            return;
        }
        MigrationOutcome outcome;
        try {
            var request = MigrationMapper.request(command);
            MigrationResult result = steps.run(request);
            LOG.infof("migration %s %s of %s: %s (%s)", request.migrationId(), request.step(), request.table(),
                    result.status(), result.message());
            outcome = MigrationMapper.outcome(command, result, clock.instant());
        } catch (IllegalArgumentException e) {
            outcome = MigrationMapper.rejected(command, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "migration command %s failed unexpectedly", command.getCommandId());
            outcome = MigrationMapper.rejected(command, "internal error: " + e.getMessage(), clock.instant());
            outcome.setStatus(io.arxos.partitions.events.OutcomeStatus.FAILED);
        }
        MigrationOutcome answer = outcome;
        send(() -> outcomes.send(new ProducerRecord<>(Topics.MIGRATION_OUTCOMES.name(), record.key() == null ? null
                : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8), answer)).get(30,
                        TimeUnit.SECONDS));
    }

    @FunctionalInterface
    private interface Send {
        Object run() throws Exception;
    }

    private static void send(Send send) {
        try {
            send.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("not published: " + e.getMessage(), e);
        }
    }
}
