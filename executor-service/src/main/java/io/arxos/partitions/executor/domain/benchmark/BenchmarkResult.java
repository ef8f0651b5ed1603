package io.arxos.partitions.executor.domain.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a table's benchmark measured: one measurement per query, and why it stopped early if it did. */
public record BenchmarkResult(Status status, boolean vacuumed, int partitionsInTable, Duration duration,
        List<Measurement> measurements, Optional<String> error) {

    /** SUCCEEDED: every query measured on both sides; FAILED: some were not; REJECTED: nothing ran. */
    public enum Status {
        SUCCEEDED, FAILED, REJECTED
    }

    public BenchmarkResult {
        measurements = List.copyOf(measurements);
    }

    /** One query on both sides. */
    public record Measurement(BenchmarkJob.BenchmarkQuery query, SideResult before, SideResult after) {
    }

    public static BenchmarkResult rejected(String reason) {
        return new BenchmarkResult(Status.REJECTED, false, 0, Duration.ZERO, List.of(), Optional.of(reason));
    }
}
