package io.arxos.partitions.planner.kafka.analysis;

import io.arxos.partitions.planner.app.analysis.AnalysisResult;
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

/**
 * Publishes an analysis in one transaction, its request's offsets included: every table's analysis and the summary
 * the reporter waits for become visible together.
 */
public final class KafkaAnalysisPublisher {

    private final TransactionalPublisher transactions;

    public KafkaAnalysisPublisher(TransactionalPublisher transactions) {
        this.transactions = transactions;
    }

    public void publish(AnalysisResult result, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        for (AnalysisResult.DatabaseResult database : result.databases()) {
            for (AnalysisResult.AnalysedTable table : database.tables()) {
                records.add(new ProducerRecord<>(Topics.TABLE_ANALYSES.name(), table.key().messageKey(),
                        AnalysisEventMapper.table(result, table)));
            }
        }
        records.add(new ProducerRecord<>(Topics.ANALYSIS_RUNS.name(), result.analysisId(),
                AnalysisEventMapper.run(result)));
        transactions.publish("analysis " + result.analysisId(), records, consumed, group);
    }
}
