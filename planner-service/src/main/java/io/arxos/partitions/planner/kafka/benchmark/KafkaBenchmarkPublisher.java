package io.arxos.partitions.planner.kafka.benchmark;

import io.arxos.partitions.planner.app.benchmark.BenchmarkPublisher;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.kafka.RequestLoop;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a benchmark run in one transaction — its plan first, then one command per table, keyed by table — with
 * the consumed request's offsets when there is one.
 */
public record KafkaBenchmarkPublisher(TransactionalPublisher transactions,
        RequestLoop.Consumed consumed) implements BenchmarkPublisher {

    /** For scheduled runs: nothing consumed. */
    public KafkaBenchmarkPublisher(TransactionalPublisher transactions) {
        this(transactions, new RequestLoop.Consumed(Map.of(), null));
    }

    @Override
    public void publish(PlannedBenchmark benchmark) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.BENCHMARK_RUNS.name(), benchmark.runId(),
                BenchmarkEventMapper.run(benchmark)));
        for (PlannedBenchmark.Target target : benchmark.targets()) {
            records.add(new ProducerRecord<>(Topics.BENCHMARK_COMMANDS.name(), target.table().messageKey(),
                    BenchmarkEventMapper.command(benchmark, target)));
        }
        transactions.publish("benchmark " + benchmark.runId(), records, consumed.offsets(), consumed.group());
    }

    /** The same publisher, committing {@code request} in its transaction. */
    public KafkaBenchmarkPublisher consuming(RequestLoop.Consumed request) {
        return new KafkaBenchmarkPublisher(transactions, request);
    }
}
