package io.arxos.partitions.executor.kafka;

import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.executor.app.AttemptContext;
import io.arxos.partitions.executor.app.AttemptResult;
import io.arxos.partitions.executor.app.ExecuteCommand;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.executor.domain.Outcome;
import io.arxos.partitions.executor.domain.Rejection;
import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * The life of one command record in its lane: decode (undecodable → dead letter), map (invalid → rejected outcome),
 * attempt until finished, publish the outcome, and only then release the offset.
 */
final class CommandTask implements KeyedLanes.LaneTask {

    private static final Logger LOG = Logger.getLogger(CommandTask.class);
    private static final Duration KAFKA_RETRY = Duration.ofSeconds(2);

    /** What every task needs, shared. */
    record Dependencies(ExecuteCommand execute, Producer<byte[], byte[]> producer,
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

    CommandTask(ConsumerRecord<byte[], byte[]> record, Dependencies deps) {
        this.record = record;
        this.deps = deps;
        this.key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    String laneKey() {
        return key;
    }

    @Override
    public Optional<Duration> runOnce() {
        if (context == null) {
            context = new AttemptContext(deps.clock().instant());
        }
        if (pending == null) {
            Optional<Duration> wait = decideOutcome();
            if (wait.isPresent() || pending == null) {
                return wait;
            }
        }
        return publish();
    }

    /** Sets {@link #pending}, or asks to wait; returns empty with no pending outcome when the record is done. */
    private Optional<Duration> decideOutcome() {
        if (event == null) {
            try {
                event = deps.commands().deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                return deadLetter(e.getMessage());
            } catch (KafkaException e) {
                LOG.warnf("cannot decode %s@%d yet (schema registry?): %s", record.topic(), record.offset(),
                        e.getMessage());
                return Optional.of(KAFKA_RETRY);
            }
            if (event == null) {
                return deadLetter("empty command value (tombstone)");
            }
            try {
                command = CommandMapper.toDomain(key, event);
            } catch (CommandMapper.InvalidCommand e) {
                LOG.warnf("command %s rejected as invalid: %s", event.getCommandId(), e.getMessage());
                pending = Outcome.rejected(new Rejection(Rejection.Rule.INVALID_COMMAND, e.getMessage()), 0, 1);
                return Optional.empty();
            }
        }
        AttemptResult result = deps.execute().attempt(command, context);
        if (result instanceof AttemptResult.RetryLater retry) {
            return Optional.of(retry.delay());
        }
        pending = ((AttemptResult.Finished) result).outcome();
        return Optional.empty();
    }

    private Optional<Duration> publish() {
        CommandOutcome outcome = OutcomeMapper.toEvent(event, pending, deps.clock().instant());
        try {
            byte[] value = deps.outcomes().serialize(Topics.OUTCOMES.name(), outcome);
            deps.producer().send(new ProducerRecord<>(Topics.OUTCOMES.name(), record.key(), value))
                    .get(30, TimeUnit.SECONDS);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            LOG.warnf("outcome of %s not published yet: %s", event.getCommandId(), e.getMessage());
            return Optional.of(KAFKA_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(KAFKA_RETRY);
        }
        LOG.infof("%s -> %s (%s, %d attempts, %d ms)", event.getCommandId(), pending.status(), key,
                pending.attempts(), pending.durationMillis());
        deps.outcomeListener().accept(pending.status().name());
        done();
        return Optional.empty();
    }

    private Optional<Duration> deadLetter(String reason) {
        try {
            deps.producer().send(DeadLetters.of(record, CommandConsumer.GROUP, reason)).get(30, TimeUnit.SECONDS);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            return Optional.of(KAFKA_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(KAFKA_RETRY);
        }
        LOG.warnf("undecodable command at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                record.offset(), Topics.DEAD_LETTERS, reason);
        deps.outcomeListener().accept("DEAD_LETTER");
        done();
        return Optional.empty();
    }

    private void done() {
        deps.offsets().finished(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
}
