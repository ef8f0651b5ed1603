package io.arxos.partitions.planner.app.benchmark;

import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;

/** Publishes a benchmark run: its plan first, then one command per target, together or not at all. */
@FunctionalInterface
public interface BenchmarkPublisher {
    void publish(PlannedBenchmark benchmark);
}
