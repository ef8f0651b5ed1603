package io.arxos.partitions.cli.run;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends requests and commands to the services and waits for the broker's acknowledgement of each. */
public final class RequestSender implements AutoCloseable {

    /** A record could not be handed to Kafka; the message says which and why. */
    public static final class SendFailed extends RuntimeException {
        SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaProducer<String, SpecificRecord> producer;

    RequestSender(KafkaSettings settings) {
        Map<String, Object> config = settings.producer("partctl");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // one record at a time: nothing to batch
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) new ConfluentAvroSerializer();
        values.configure(settings.registry(), false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends {@code value} under {@code key} and returns once the broker has it; {@code id} names it in errors. */
    <V extends SpecificRecord> void send(TopicSpec<V> topic, String key, V value, String id) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new SendFailed("could not send " + id + " to " + topic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted while sending " + id, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
