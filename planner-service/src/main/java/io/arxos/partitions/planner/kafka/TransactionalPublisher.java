package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.ConfluentAvroSerializer;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * The planner's one transactional producer. Whatever a run or an analysis publishes becomes visible to
 * read_committed consumers together with the consumed request's offsets, or not at all (Kafka's
 * consume-transform-produce exactly-once pattern): a request is consumed if and only if its answer is published.
 */
public final class TransactionalPublisher implements AutoCloseable {

    /** The envelope's producer name on everything the planner publishes. */
    public static final String PRODUCER = "planner-service";

    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);

    private final KafkaSettings settings;
    private final String transactionalId;
    private Producer<String, SpecificRecord> producer;

    public TransactionalPublisher(KafkaSettings settings, String transactionalId) {
        this.settings = settings;
        this.transactionalId = transactionalId;
        this.producer = newProducer();
    }

    private Producer<String, SpecificRecord> newProducer() {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) new ConfluentAvroSerializer();
        values.configure(settings.registry(), false);
        Map<String, Object> props = settings.transactionalProducer(transactionalId);
        // a run plan lists every command of the run: about 130 bytes each, so 8,000 commands fill the default 1 MB
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.PLAN_MAX_BYTES));
        Producer<String, SpecificRecord> created = new KafkaProducer<>(props,
                Topics.RUN_PLANS.keySerde().serializer(), values);
        created.initTransactions();
        return created;
    }

    /**
     * Sends {@code records} and commits {@code consumed} (none for a scheduled run) in one transaction; on failure
     * nothing of it is visible and the exception is rethrown.
     *
     * @param what names the run or analysis in the log
     */
    public synchronized void publish(String what, List<ProducerRecord<String, SpecificRecord>> records,
            Map<TopicPartition, OffsetAndMetadata> consumed, ConsumerGroupMetadata group) {
        try {
            producer.beginTransaction();
            records.forEach(producer::send);
            if (!consumed.isEmpty()) {
                producer.sendOffsetsToTransaction(consumed, group);
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            LOG.errorf("%s: publishing failed, nothing of it is visible: %s", what, e.getMessage());
            recover(e);
            throw e;
        }
    }

    /** Aborts the open transaction; a producer that cannot abort (fenced, fatal error) is replaced. */
    private void recover(KafkaException cause) {
        if (!(cause instanceof ProducerFencedException)) {
            try {
                producer.abortTransaction();
                return;
            } catch (KafkaException abortFailed) {
                LOG.warnf("abort failed (%s); starting a new producer", abortFailed.getMessage());
            }
        }
        producer.close(java.time.Duration.ofSeconds(5));
        producer = newProducer();
    }

    @Override
    public void close() {
        producer.close();
    }
}
