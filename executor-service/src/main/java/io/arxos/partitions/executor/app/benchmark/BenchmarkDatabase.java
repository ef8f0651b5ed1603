package io.arxos.partitions.executor.app.benchmark;

import io.arxos.partitions.executor.domain.benchmark.BenchmarkJob;
import java.time.Instant;

/** Opens benchmark sessions; one benchmark at a time per database. */
@FunctionalInterface
public interface BenchmarkDatabase {

    /** Waits for the database's benchmark lock until {@code waitUntil}, then opens both sides. */
    BenchmarkSession open(BenchmarkJob job, Instant waitUntil) throws BenchmarkSession.BenchmarkException;
}
