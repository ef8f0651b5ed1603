package io.arxos.partitions.planner.kafka.maintenance;

import io.arxos.partitions.planner.app.maintenance.RunPublisher;
import io.arxos.partitions.planner.app.maintenance.TableMetricsSnapshot;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Publishes a run in one transaction: its plan first, the table metrics, then the commands. */
public final class KafkaRunPublisher implements RunPublisher {

    private final TransactionalPublisher transactions;

    public KafkaRunPublisher(TransactionalPublisher transactions) {
        this.transactions = transactions;
    }

    @Override
    public void publish(PlannedRun run, List<TableMetricsSnapshot> metrics) {
        publish(run, metrics, Map.of(), null);
    }

    /** The same, committing the request's consumer offsets in the run's transaction. */
    public void publish(PlannedRun run, List<TableMetricsSnapshot> metrics,
            Map<TopicPartition, OffsetAndMetadata> consumed, ConsumerGroupMetadata group) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.RUN_PLANS.name(), run.runId(), MaintenanceEventMapper.runPlan(run)));
        for (TableMetricsSnapshot snapshot : metrics) {
            records.add(new ProducerRecord<>(Topics.TABLE_METRICS.name(), snapshot.table().messageKey(),
                    MaintenanceEventMapper.metrics(run.runId(), run.plannedAt(), snapshot)));
        }
        for (PlannedRun.PlannedCommand command : run.commands()) {
            records.add(new ProducerRecord<>(Topics.COMMANDS.name(), command.table().messageKey(),
                    MaintenanceEventMapper.command(run, command)));
        }
        transactions.publish("run " + run.runId(), records, consumed, group);
    }
}
