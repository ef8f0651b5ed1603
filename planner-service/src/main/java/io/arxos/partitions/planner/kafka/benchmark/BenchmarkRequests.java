package io.arxos.partitions.planner.kafka.benchmark;

import io.arxos.partitions.events.BenchmarkRequest;
import io.arxos.partitions.planner.app.benchmark.BenchmarkPublisher;
import io.arxos.partitions.planner.app.benchmark.BenchmarkRequestSpec;
import io.arxos.partitions.planner.app.benchmark.PlanBenchmarkRun;
import io.arxos.partitions.planner.domain.RequestExpiry;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.kafka.RequestLoop;
import java.time.Clock;
import java.util.function.Function;

/**
 * Benchmark requests: each is planned as a benchmark run and published in the transaction that consumes it (see
 * {@link RequestLoop}); a request it cannot honour (a bad baseline, too few runs) gets a refused run that says why.
 *
 * @param plannerFor builds the use case around a publisher that also commits the request's offset
 */
public record BenchmarkRequests(KafkaBenchmarkPublisher publisher,
        Function<BenchmarkPublisher, PlanBenchmarkRun> plannerFor,
        Clock clock) implements RequestLoop.Handler<BenchmarkRequest, BenchmarkRequestSpec> {

    @Override
    public BenchmarkRequestSpec read(BenchmarkRequest request) {
        RequestExpiry.check("benchmark", request.getEnvelope().getRunId(), request.getEnvelope().getOccurredAt(),
                request.getPlanWithinSeconds(), clock.instant());
        return BenchmarkEventMapper.spec(request);
    }

    @Override
    public void answer(BenchmarkRequestSpec request, RequestLoop.Consumed consumed) {
        plannerFor.apply(publisher.consuming(consumed)).plan(request);
    }

    @Override
    public void refuse(BenchmarkRequest request, String reason, RequestLoop.Consumed consumed) {
        publisher.consuming(consumed).publish(PlannedBenchmark.refused(request.getEnvelope().getRunId(),
                request.getRequestedBy(), clock.instant(), reason));
    }
}
