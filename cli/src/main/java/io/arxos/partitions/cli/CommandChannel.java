package io.arxos.partitions.cli;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A conversation with a service: commands go out on one topic, each answer comes back on another carrying the
 * command's id. It positions itself at the end of the answer topic before the first command is sent and stays
 * positioned between commands, so no answer can slip past, however fast the service is.
 */
final class CommandChannel<C extends SpecificRecord, A extends SpecificRecord> implements AutoCloseable {

    /** A command could not be handed to Kafka; the message says which and why. */
    static final class SendFailed extends RuntimeException {
        SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TopicSpec<C> commandTopic;
    private final Function<A, String> answerId;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<A> answers;
    private final KafkaProducer<String, C> producer;

    CommandChannel(KafkaSettings settings, TopicSpec<C> commandTopic, TopicSpec<A> answerTopic,
            Function<A, String> answerId) {
        this.commandTopic = commandTopic;
        this.answerId = answerId;
        this.consumer = new KafkaConsumer<>(RunClient.answerConsumer(settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            listenFromEnd(answerTopic.name());
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        this.answers = answerTopic.valueSerde(settings.registry()).deserializer();
        Map<String, Object> producerConfig = settings.producer("partctl");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                commandTopic.valueSerde(settings.registry()).serializer());
    }

    /** Sends {@code command} under {@code key} and waits for the answer carrying {@code id}; empty after timeout. */
    Optional<A> ask(String key, String id, C command, Duration timeout) {
        try {
            producer.send(new ProducerRecord<>(commandTopic.name(), key, command)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new SendFailed("could not send " + id + " to " + commandTopic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted while sending " + id, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                A answer = decode(r);
                if (answer != null && answerId.apply(answer).equals(id)) {
                    return Optional.of(answer);
                }
            }
        }
        return Optional.empty();
    }

    private void listenFromEnd(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        if (partitions.isEmpty()) {
            throw new UnknownTopicOrPartitionException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before any command is sent
        partitions.forEach(consumer::position);
    }

    private A decode(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            return answers.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            // an answer to someone else that we cannot read (the dead-letter path is the services' job): not ours
            return null;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ZERO); // nothing to commit, no group to leave
    }
}
