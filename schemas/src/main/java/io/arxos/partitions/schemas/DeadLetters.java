package io.arxos.partitions.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds dead-letter records: the original key and value bytes untouched, where they came from and why. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> source, String consumer,
            String reason) {
        return of(source.topic(), source.partition(), source.offset(), source.key(), source.value(), consumer, reason);
    }

    public static ProducerRecord<byte[], byte[]> of(String topic, int partition, long offset, byte[] key, byte[] value,
            String consumer, String reason) {
        Headers headers = new RecordHeaders();
        headers.add(Topics.HEADER_DLQ_REASON, utf8(reason));
        headers.add(Topics.HEADER_DLQ_SOURCE_TOPIC, utf8(topic));
        headers.add(Topics.HEADER_DLQ_SOURCE_PARTITION, utf8(Integer.toString(partition)));
        headers.add(Topics.HEADER_DLQ_SOURCE_OFFSET, utf8(Long.toString(offset)));
        headers.add(Topics.HEADER_DLQ_CONSUMER, utf8(consumer));
        return new ProducerRecord<>(Topics.DEAD_LETTERS, null, key, value, headers);
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
