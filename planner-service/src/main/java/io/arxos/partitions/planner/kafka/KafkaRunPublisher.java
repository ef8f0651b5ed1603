package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.planner.app.AnalysisResult;
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
 * Publishes runs and analyses, each in one Kafka transaction: a run's plan, table metrics and commands (or an
 * analysis's table analyses and summary) become visible to read_committed consumers together, or not at all.
 */
public final class KafkaRunPublisher implements RunPublisher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaRunPublisher.class);

    private final KafkaSettings settings;
    private final String transactionalId;
    private Producer<String, SpecificRecord> producer;

    public KafkaRunPublisher(KafkaSettings settings, String transactionalId) {
        this.settings = settings;
        this.transactionalId = transactionalId;
        this.producer = newProducer();
    }

    private Producer<String, SpecificRecord> newProducer() {
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>)
                new io.arxos.partitions.serde.ConfluentAvroSerializer();
        values.configure(settings.registry(), false);
        Producer<String, SpecificRecord> created = new KafkaProducer<>(
                settings.transactionalProducer(transactionalId), Topics.RUN_PLANS.keySerde().serializer(), values);
        created.initTransactions();
        return created;
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
        } catch (KafkaException e) {
            LOG.errorf("run %s: publishing failed, nothing of it is visible: %s", run.runId(), e.getMessage());
            recover(e);
            throw e;
        }
    }

    /**
     * Publishes an analysis in one transaction, its request's offsets included: every table's analysis and the
     * summary the reporter waits for become visible together.
     */
    public synchronized void publish(AnalysisResult result, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        try {
            producer.beginTransaction();
            for (AnalysisResult.DatabaseResult database : result.databases()) {
                for (AnalysisResult.AnalysedTable table : database.tables()) {
                    producer.send(new ProducerRecord<>(Topics.TABLE_ANALYSES.name(), table.key().messageKey(),
                            AnalysisEventMapper.table(result, table)));
                }
            }
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_RUNS.name(), result.analysisId(),
                    AnalysisEventMapper.run(result)));
            if (!consumed.isEmpty()) {
                producer.sendOffsetsToTransaction(consumed, group);
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            LOG.errorf("analysis %s: publishing failed, nothing of it is visible: %s", result.analysisId(),
                    e.getMessage());
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
