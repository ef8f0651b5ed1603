package io.arxos.partitions.executor.kafka.maintenance;

import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.executor.app.maintenance.AttemptContext;
import io.arxos.partitions.executor.app.maintenance.ExecuteTableCommands;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Outcome;
import io.arxos.partitions.executor.domain.maintenance.Rejection;
import io.arxos.partitions.executor.kafka.KeyedLanes;
import io.arxos.partitions.executor.kafka.OffsetTracker;
import io.arxos.partitions.schemas.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * The life of one command record in its lane: decoded (undecodable → dead letter, invalid → rejected outcome), then
 * attempted with the other commands waiting for the same table ({@link CommandBatch}) until it has an outcome, which
 * is published before the offset is released.
 */
final class CommandTask implements KeyedLanes.LaneTask {

    private static final Logger LOG = Logger.getLogger(CommandTask.class);

    /** What every task needs, shared. */
    record Dependencies(ExecuteTableCommands execute, Producer<byte[], byte[]> producer,
            Deserializer<PartitionCommand> commands, Serializer<CommandOutcome> outcomes, Clock clock,
            OffsetTracker offsets, Consumer<String> outcomeListener) {
    }

    private final ConsumerRecord<byte[], byte[]> record;
    private final Dependencies deps;
    private final String key;
    private AttemptContext context;
    private PartitionCommand event;
    private ExecutorCommand command;
    private Outcome pending;
    private String deadLetter;

    CommandTask(ConsumerRecord<byte[], byte[]> record, Dependencies deps) {
        this.record = record;
        this.deps = deps;
        this.key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    String laneKey() {
        return key;
    }

    /** Runs this task alone (lanes without a batch). */
    @Override
    public Optional<Duration> runOnce() {
        KeyedLanes.Progress progress = new CommandBatch(deps).runTogether(java.util.List.of(this), () -> {});
        return progress.finished() == 1 ? Optional.empty() : progress.retryAfter();
    }

    /**
     * Decodes the record once. Empty when the task can go on (with a command to run, an outcome to publish or a dead
     * letter to send); a delay when the schema registry cannot be asked yet.
     */
    Optional<Duration> prepare() {
        if (context == null) {
            context = new AttemptContext(deps.clock().instant());
        }
        if (event != null || deadLetter != null) {
            return Optional.empty();
        }
        try {
            event = deps.commands().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            deadLetter = e.getMessage();
            return Optional.empty();
        } catch (KafkaException e) {
            LOG.warnf("cannot decode %s@%d yet (schema registry?): %s", record.topic(), record.offset(),
                    e.getMessage());
            return Optional.of(CommandBatch.KAFKA_RETRY);
        }
        if (event == null) {
            deadLetter = "empty command value (tombstone)";
            return Optional.empty();
        }
        try {
            command = CommandMapper.toDomain(key, event);
        } catch (CommandMapper.InvalidCommand e) {
            LOG.warnf("command %s rejected as invalid: %s", event.getCommandId(), e.getMessage());
            pending = Outcome.rejected(new Rejection(Rejection.Rule.INVALID_COMMAND, e.getMessage()), 0, 1);
        }
        return Optional.empty();
    }

    /** The command still to be attempted, if this task has one. */
    Optional<ExecuteTableCommands.Attempt> attempt() {
        return pending == null && deadLetter == null && command != null
                ? Optional.of(new ExecuteTableCommands.Attempt(command, context)) : Optional.empty();
    }

    void decided(Outcome outcome) {
        pending = outcome;
    }

    boolean readyToPublish() {
        return pending != null || deadLetter != null;
    }

    /** Sends the outcome or the dead letter; the caller waits for the returned future. */
    Future<RecordMetadata> send() {
        if (deadLetter != null) {
            return deps.producer().send(DeadLetters.of(record, CommandConsumer.GROUP, deadLetter));
        }
        CommandOutcome outcome = OutcomeMapper.toEvent(event, pending, deps.clock().instant());
        byte[] value = deps.outcomes().serialize(io.arxos.partitions.schemas.Topics.OUTCOMES.name(), outcome);
        return deps.producer().send(new ProducerRecord<>(io.arxos.partitions.schemas.Topics.OUTCOMES.name(),
                record.key(), value));
    }

    /** The send succeeded: count it, log it and release the offset. */
    void published() {
        if (deadLetter != null) {
            LOG.warnf("undecodable command at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                    record.offset(), io.arxos.partitions.schemas.Topics.DEAD_LETTERS, deadLetter);
            deps.outcomeListener().accept("DEAD_LETTER");
        } else {
            LOG.infof("%s -> %s (%s, %d attempts, %d ms)", event.getCommandId(), pending.status(), key,
                    pending.attempts(), pending.durationMillis());
            deps.outcomeListener().accept(pending.status().name());
        }
        deps.offsets().finished(new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    String describe() {
        return event != null ? event.getCommandId().toString() : record.topic() + "@" + record.offset();
    }
}
