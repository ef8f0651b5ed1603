package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoop;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Consumes a request topic one record at a time, for any kind of request: the handler reads the request into what
 * its use case takes and publishes the answer in a Kafka transaction that also commits the request's offset, so a
 * crash can neither lose a request nor answer it twice. A request the handler cannot read (bad window, unknown
 * month) is refused with the reason; a record no one can decode goes to the dead-letter topic; a request that keeps
 * failing is refused after {@link #MAX_FAILURES} attempts, so one bad request cannot hold up every one behind it.
 *
 * @param <T> the request type
 * @param <S> the request as its use case takes it
 */
public final class RequestLoop<T extends SpecificRecord, S> extends PollLoop {

    /** Where an answer's transaction commits the consumed request. */
    public record Consumed(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
    }

    /** One kind of request: how to read it, answer it, and refuse it, each answer in the consuming transaction. */
    public interface Handler<T, S> {
        /** The request as the use case takes it; {@link IllegalArgumentException} says why it cannot be answered. */
        S read(T request);

        void answer(S request, Consumed consumed);

        void refuse(T request, String reason, Consumed consumed);
    }

    private static final Logger LOG = Logger.getLogger(RequestLoop.class);
    static final int MAX_FAILURES = 5;

    private final String group;
    private final TopicSpec<T> topic;
    private final Handler<T, S> handler;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<T> requests;
    private int failures;
    private String lastFailure;

    public RequestLoop(KafkaSettings settings, String group, String clientId, TopicSpec<T> topic,
            Map<String, Object> consumerOverrides, Handler<T, S> handler) {
        this(settings, group, clientId, topic, consumerOverrides, handler, new KafkaProducer<>(
                settings.producer(clientId + "-dead-letters"), new ByteArraySerializer(), new ByteArraySerializer()));
    }

    private RequestLoop(KafkaSettings settings, String group, String clientId, TopicSpec<T> topic,
            Map<String, Object> consumerOverrides, Handler<T, S> handler, KafkaProducer<byte[], byte[]> deadLetters) {
        super(topic.name(), consumer(settings, group, clientId, consumerOverrides), Duration.ofSeconds(1),
                List.of(deadLetters));
        this.group = group;
        this.topic = topic;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.requests = topic.valueSerde(settings.registry()).deserializer();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings, String group, String clientId,
            Map<String, Object> overrides) {
        Map<String, Object> config = settings.consumer(group, clientId);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    protected void start(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.subscribe(List.of(topic.name()));
    }

    @Override
    protected void round(KafkaConsumer<byte[], byte[]> consumer) throws InterruptedException {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (!handled(consumer, record)) {
                break; // re-polls from the record that failed
            }
        }
    }

    /** False when the answer could not be published: the record is sought back and retried after a pause. */
    private boolean handled(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> record)
            throws InterruptedException {
        Consumed consumed = new Consumed(consumedThrough(record), consumer.groupMetadata());
        try {
            T request = decode(consumer, record);
            if (request != null) {
                answer(request, consumed);
            }
            failures = 0;
            return true;
        } catch (RuntimeException e) {
            failures++;
            lastFailure = e.getMessage();
            LOG.errorf(e, "request at %s-%d@%d not answered (attempt %d): %s; retrying in 5 s", record.topic(),
                    record.partition(), record.offset(), failures, e.getMessage());
            consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
            Thread.sleep(5000);
            return false;
        }
    }

    private void answer(T request, Consumed consumed) {
        String id = ((EventEnvelope) request.get(0)).getRunId();
        if (failures >= MAX_FAILURES) {
            handler.refuse(request, "failed " + failures + " times: " + lastFailure, consumed);
            return;
        }
        S readable;
        try {
            readable = handler.read(request);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s %s refused: %s", topic.name(), id, e.getMessage());
            handler.refuse(request, e.getMessage(), consumed);
            return;
        }
        org.apache.avro.Schema.Field by = request.getSchema().getField("requestedBy");
        LOG.infof("%s %s requested by %s", topic.name(), id, by == null ? "?" : request.get(by.pos()));
        handler.answer(readable, consumed);
    }

    /** The request, or null after sending an undecodable record to the dead-letter topic. */
    private T decode(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> record) {
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

    private static Map<TopicPartition, OffsetAndMetadata> consumedThrough(ConsumerRecord<?, ?> record) {
        return Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset()
                + 1));
    }
}
