package io.arxos.partitions.planner.app.benchmark;

import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A benchmark request as the use case takes it: which tables, compared with what, measured how, for how long. */
public record BenchmarkRequestSpec(String runId, String requestedBy, List<String> databases, List<String> tables,
        Baseline baseline, PlannedBenchmark.Settings settings, Duration maxDuration) {

    public BenchmarkRequestSpec {
        Objects.requireNonNull(runId, "runId");
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("max duration " + maxDuration + " must be between PT1S and PT12H");
        }
    }
}
