package io.arxos.partitions.cli.run;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Listens at the end of the topics the services answer on, from before a request is sent, so no answer can slip
 * past however fast it comes. It is assigned, not subscribed: it joins no group, commits nothing and closes at once.
 */
final class AnswerListener implements AutoCloseable {

    /** One record on a listened topic, decoded. */
    record Answer(String topic, SpecificRecord value) {

        /** The value when it came on {@code spec}'s topic. */
        <T extends SpecificRecord> T on(TopicSpec<T> spec) {
            return topic.equals(spec.name()) ? spec.valueType().cast(value) : null;
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Deserializer<?>> decoders = new HashMap<>();

    private AnswerListener(KafkaSettings settings, List<TopicSpec<?>> topics) {
        Map<String, Object> config = settings.consumer("partctl-" + UUID.randomUUID(), "partctl");
        // a short-lived client waiting for one record: a read_committed fetch would otherwise sit out the broker's
        // wait (100 ms) at a transaction that commits meanwhile
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec<?> topic : topics) {
                List<PartitionInfo> found = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
                if (found == null || found.isEmpty()) {
                    throw new UnknownTopicOrPartitionException("topic " + topic.name() + " does not exist");
                }
                found.forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
                decoders.put(topic.name(), topic.valueSerde(settings.registry()).deserializer());
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: resolve the positions now, before anything is sent
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts listening at the end of {@code topics}. */
    static AnswerListener atEndOf(KafkaSettings settings, List<TopicSpec<?>> topics) {
        return new AnswerListener(settings, topics);
    }

    /** What arrived within {@code wait}, decoded; records nobody here can read are someone else's and skipped. */
    List<Answer> poll(Duration wait) {
        List<Answer> answers = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
            if (r.value() == null) {
                continue;
            }
            try {
                answers.add(new Answer(r.topic(), (SpecificRecord) decoders.get(r.topic()).deserialize(r.topic(),
                        r.value())));
            } catch (RuntimeException e) {
                // an answer to someone else that we cannot read (dead letters are the services' job): not ours
            }
        }
        return answers;
    }

    @Override
    public void close() {
        // nothing to commit, no group to leave: waiting for the last fetch would only delay the exit
        consumer.close(Duration.ZERO);
    }
}
