package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Consumes a request topic one record at a time. The handler publishes its answer in a Kafka transaction that also
 * commits the request's offset, so a crash can neither lose a request nor answer it twice. A record no one can
 * decode goes to the dead-letter topic; a request that keeps failing is refused after {@link #MAX_FAILURES}
 * attempts, so one bad request cannot hold up every request behind it.
 *
 * @param <T> the request type
 */
public final class RequestLoop<T extends SpecificRecord> implements Runnable, AutoCloseable {

    /** Answers requests; both methods must commit {@code consumed} in the transaction that publishes the answer. */
    public interface Handler<T> {
        void handle(T request, Map<TopicPartition, OffsetAndMetadata> consumed, ConsumerGroupMetadata group);

        void refuse(T request, String reason, Map<TopicPartition, OffsetAndMetadata> consumed,
                ConsumerGroupMetadata group);
    }

    private static final Logger LOG = Logger.getLogger(RequestLoop.class);
    static final int MAX_FAILURES = 5;

    private final String group;
    private final TopicSpec<T> topic;
    private final Handler<T> handler;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<T> requests;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private int failures;
    private String lastFailure;
    private volatile boolean polling;

    public RequestLoop(KafkaSettings settings, String group, String clientId, TopicSpec<T> topic,
            Map<String, Object> consumerOverrides, Handler<T> handler) {
        this.group = group;
        this.topic = topic;
        this.handler = handler;
        Map<String, Object> config = settings.consumer(group, clientId);
        config.putAll(consumerOverrides);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(settings.producer(clientId + "-dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.requests = topic.valueSerde(settings.registry()).deserializer();
    }

    /** True while the poll loop runs (readiness). */
    public boolean isPolling() {
        return polling;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic.name()));
        try {
            while (running.get()) {
                polling = true;
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (!handled(record)) {
                            break; // re-polls from the record that failed
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the only poll thread must not end on a transient Kafka error
                    LOG.errorf(e, "polling %s failed; retrying in 1 s", topic.name());
                    pause(1000);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            polling = false;
            consumer.close();
            deadLetters.close();
        }
    }

    /** False when the answer could not be published: the record is sought back and retried after a pause. */
    private boolean handled(ConsumerRecord<byte[], byte[]> record) {
        try {
            T request = decode(record);
            if (request != null) {
                if (failures >= MAX_FAILURES) {
                    handler.refuse(request, "failed " + failures + " times: " + lastFailure, consumedThrough(record),
                            consumer.groupMetadata());
                } else {
                    handler.handle(request, consumedThrough(record), consumer.groupMetadata());
                }
            }
            failures = 0;
            return true;
        } catch (RuntimeException e) {
            failures++;
            lastFailure = e.getMessage();
            LOG.errorf(e, "request at %s-%d@%d not answered (attempt %d): %s; retrying in 5 s", record.topic(),
                    record.partition(), record.offset(), failures, e.getMessage());
            consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
            pause(5000);
            return false;
        }
    }

    /** The request, or null after sending an undecodable record to the dead-letter topic. */
    private T decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return requests.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warnf("undecodable request at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                    record.offset(), Topics.DEAD_LETTERS, e.getMessage());
            try {
                deadLetters.send(DeadLetters.of(record, group, e.getMessage())).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException failed) {
                throw new IllegalStateException("dead letter not written: " + failed.getMessage(), failed);
            }
            consumer.commitSync(consumedThrough(record));
            return null;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> consumedThrough(ConsumerRecord<?, ?> record) {
        return Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset()
                + 1));
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
