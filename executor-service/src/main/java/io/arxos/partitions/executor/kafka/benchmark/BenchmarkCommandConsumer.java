package io.arxos.partitions.executor.kafka.benchmark;

import io.arxos.partitions.events.BenchmarkCommand;
import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.executor.app.benchmark.RunBenchmark;
import io.arxos.partitions.executor.domain.benchmark.BenchmarkResult;
import io.arxos.partitions.executor.kafka.SerialCommandConsumer;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs benchmark commands one at a time on a thread and consumer group of their own, so a benchmark never holds up
 * maintenance; a crash mid-benchmark runs the table's benchmark again from the start (it changes nothing).
 */
public final class BenchmarkCommandConsumer extends SerialCommandConsumer<BenchmarkCommand, BenchmarkOutcome> {

    private static final Logger LOG = Logger.getLogger(BenchmarkCommandConsumer.class);

    private final RunBenchmark benchmarks;
    private final Clock clock;

    /** @param maxCommand the longest one table's benchmark may take (the request's max duration caps it too) */
    public BenchmarkCommandConsumer(KafkaSettings settings, RunBenchmark benchmarks, Clock clock,
            Duration maxCommand) {
        super("benchmark commands", settings, "executor-service-benchmarks", Topics.BENCHMARK_COMMANDS,
                Topics.BENCHMARK_OUTCOMES, maxCommand);
        this.benchmarks = benchmarks;
        this.clock = clock;
    }

    @Override
    protected BenchmarkOutcome answer(BenchmarkCommand command) {
        try {
            BenchmarkResult result = benchmarks.run(BenchmarkMapper.job(command));
            LOG.infof("benchmark %s of %s: %s in %d ms%s", command.getEnvelope().getRunId(),
                    command.getTarget().getTable().getTableName(), result.status(), result.duration().toMillis(),
                    result.error().map(e -> " (" + e + ")").orElse(""));
            return BenchmarkMapper.outcome(command, result, clock.instant());
        } catch (IllegalArgumentException e) {
            return BenchmarkMapper.rejected(command, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "benchmark command %s failed unexpectedly", command.getTarget().getCommandId());
            BenchmarkOutcome outcome = BenchmarkMapper.rejected(command, "internal error: " + e.getMessage(),
                    clock.instant());
            outcome.setStatus(io.arxos.partitions.events.OutcomeStatus.FAILED);
            return outcome;
        }
    }
}
