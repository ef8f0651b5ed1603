package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.SchemaRegistryException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

/**
 * Sends records that cannot be decoded to the dead-letter topic (original bytes, reason in headers) and lets the
 * stream go on. Only {@link SerializationException}s are the record's fault: a schema registry that cannot be
 * reached ({@link SchemaRegistryException}) or any other error fails the stream instead, so good records are never
 * dead-lettered during an outage.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Optional config entry holding a {@link DeadLetterSink} instance (tests); otherwise a Kafka producer. */
    public static final String SINK_CONFIG = "reporter.dead-letter.sink";

    private static final Logger LOG = Logger.getLogger(DeadLetterHandler.class);

    private DeadLetterSink sink;
    private String consumer;

    @Override
    public void configure(Map<String, ?> configs) {
        consumer = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Object configured = configs.get(SINK_CONFIG);
        sink = configured instanceof DeadLetterSink custom ? custom
                : new KafkaDeadLetterSink(KafkaDeadLetterSink.fromStreamsConfig(configs), consumer + "-dead-letters");
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof SchemaRegistryException || !(exception instanceof SerializationException)) {
            LOG.errorf("record at %s-%d@%d could not be read and is not dead-lettered (%s: %s); failing the stream",
                    record.topic(), record.partition(), record.offset(), exception.getClass().getSimpleName(),
                    exception.getMessage());
            return DeserializationHandlerResponse.FAIL;
        }
        try {
            sink.send(DeadLetters.of(record, consumer, exception.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf("record at %s-%d@%d could not be dead-lettered (%s); failing the stream", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return DeserializationHandlerResponse.FAIL;
        }
        LOG.warnf("undecodable record at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                record.offset(), Topics.DEAD_LETTERS, exception.getMessage());
        return DeserializationHandlerResponse.CONTINUE;
    }
}
