package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.planner.app.RunPublisher;
import io.arxos.partitions.planner.app.TableMetricsSnapshot;
import io.arxos.partitions.planner.domain.PlannedRun;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * Publishes a run in one Kafka transaction: the run plan, the table metrics and every command become visible to
 * read_committed consumers together, or not at all.
 */
public final class KafkaRunPublisher implements RunPublisher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaRunPublisher.class);

    private final Producer<String, SpecificRecord> producer;

    public KafkaRunPublisher(KafkaSettings settings, String transactionalId) {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>)
                new io.arxos.partitions.serde.ConfluentAvroSerializer();
        values.configure(settings.registry(), false);
        this.producer = new KafkaProducer<>(settings.transactionalProducer(transactionalId),
                Topics.RUN_PLANS.keySerde().serializer(), values);
        producer.initTransactions();
    }

    @Override
    public void publish(PlannedRun run, List<TableMetricsSnapshot> metrics) {
        publish(run, metrics, Map.of(), null);
    }

    /**
     * Publishes the run and, in the same transaction, commits the request's consumer offsets: the request is
     * consumed if and only if its run is published (Kafka's consume-transform-produce exactly-once pattern).
     */
    public synchronized void publish(PlannedRun run, List<TableMetricsSnapshot> metrics,
            Map<TopicPartition, OffsetAndMetadata> consumed, ConsumerGroupMetadata group) {
        RunPlan plan = PlannerEventMapper.runPlan(run);
        try {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.RUN_PLANS.name(), run.runId(), plan));
            for (TableMetricsSnapshot snapshot : metrics) {
                producer.send(new ProducerRecord<>(Topics.TABLE_METRICS.name(), snapshot.table().messageKey(),
                        PlannerEventMapper.metrics(run.runId(), run.plannedAt(), snapshot)));
            }
            for (PlannedRun.PlannedCommand command : run.commands()) {
                producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), command.table().messageKey(),
                        PlannerEventMapper.command(run, command)));
            }
            if (!consumed.isEmpty()) {
                producer.sendOffsetsToTransaction(consumed, group);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("another planner with the same transactional id took over", e);
        } catch (KafkaException e) {
            LOG.errorf("run %s: publishing failed, transaction aborted: %s", run.runId(), e.getMessage());
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
