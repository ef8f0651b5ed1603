package io.arxos.partitions.reporter.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes dead letters with its own idempotent producer, created on the first dead letter so a healthy service
 * carries no extra producer (threads, buffers). Sends are synchronous: the source offset is committed only after.
 */
final class KafkaDeadLetterSink implements DeadLetterSink, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> producerConfig;
    private Producer<byte[], byte[]> producer;

    /** @param producerConfig connection and security settings; serializers and durability are set here */
    KafkaDeadLetterSink(Map<String, Object> producerConfig, String clientId) {
        Map<String, Object> props = new HashMap<>(producerConfig);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // dead letters are rare: a small buffer keeps the footprint down
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(2 * 1024 * 1024));
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producerConfig = props;
    }

    /** Producer settings taken from a Kafka Streams configuration (plain and {@code producer.}-prefixed keys). */
    static Map<String, Object> fromStreamsConfig(Map<String, ?> streamsConfig) {
        Map<String, Object> props = new HashMap<>();
        for (String name : ProducerConfig.configNames()) {
            if (streamsConfig.containsKey(name)) {
                props.put(name, streamsConfig.get(name));
            }
        }
        streamsConfig.forEach((key, value) -> {
            if (key.startsWith("producer.") && ProducerConfig.configNames().contains(key.substring(9))) {
                props.put(key.substring(9), value);
            }
        });
        return props;
    }

    @Override
    public synchronized void send(ProducerRecord<byte[], byte[]> deadLetter) {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(deadLetter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a dead letter to " + deadLetter.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not write a dead letter to " + deadLetter.topic() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
