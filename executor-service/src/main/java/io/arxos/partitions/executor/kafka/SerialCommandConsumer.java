package io.arxos.partitions.executor.kafka;

import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoop;
import io.arxos.partitions.schemas.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
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
 * Runs commands of one kind one at a time, in arrival order, and answers each with one outcome (keyed as the
 * command was) before its offset is committed; a crash runs the command again. Undecodable records go to the
 * dead-letter topic. Subclasses only turn a command into its outcome.
 *
 * @param <C> the command
 * @param <O> its outcome
 */
public abstract class SerialCommandConsumer<C extends SpecificRecord, O extends SpecificRecord> extends PollLoop {

    private static final Logger LOG = Logger.getLogger(SerialCommandConsumer.class);

    private final String group;
    private final TopicSpec<C> commandTopic;
    private final TopicSpec<O> outcomeTopic;
    private final Producer<String, O> outcomes;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<C> commands;

    /** @param maxCommand the longest one command may take: the consumer's max.poll.interval */
    protected SerialCommandConsumer(String name, KafkaSettings settings, String group, TopicSpec<C> commandTopic,
            TopicSpec<O> outcomeTopic, Duration maxCommand) {
        this(name, settings, group, commandTopic, outcomeTopic, maxCommand,
                new KafkaProducer<>(settings.producer(group + "-outcomes"), new StringSerializer(),
                        outcomeTopic.valueSerde(settings.registry()).serializer()),
                new KafkaProducer<>(settings.producer(group + "-dead-letters"), new ByteArraySerializer(),
                        new ByteArraySerializer()));
    }

    private SerialCommandConsumer(String name, KafkaSettings settings, String group, TopicSpec<C> commandTopic,
            TopicSpec<O> outcomeTopic, Duration maxCommand, Producer<String, O> outcomes,
            KafkaProducer<byte[], byte[]> deadLetters) {
        super(name, consumer(settings, group, maxCommand), Duration.ofSeconds(1), List.of(outcomes, deadLetters));
        this.group = group;
        this.commandTopic = commandTopic;
        this.outcomeTopic = outcomeTopic;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.commands = commandTopic.valueSerde(settings.registry()).deserializer();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings, String group, Duration maxCommand) {
        Map<String, Object> config = settings.consumer(group, group);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxCommand.toMillis());
        // a crashed executor's commands move to its successor within seconds, not the default 45
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The outcome of {@code command}; must not throw for a bad command (answer it instead). */
    protected abstract O answer(C command);

    @Override
    protected void start(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.subscribe(List.of(commandTopic.name()));
    }

    /** The outcome or the commit did not go out: subscribing again rewinds to the last committed command. */
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
        C command;
        try {
            command = commands.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warnf("undecodable command at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                    record.offset(), io.arxos.partitions.schemas.Topics.DEAD_LETTERS, e.getMessage());
            send(() -> deadLetters.send(DeadLetters.of(record, group, e.getMessage())).get(30, TimeUnit.SECONDS));
            return;
        }
        O outcome = answer(command);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        send(() -> outcomes.send(new ProducerRecord<>(outcomeTopic.name(), key, outcome)).get(30, TimeUnit.SECONDS));
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
