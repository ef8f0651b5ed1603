package io.arxos.partitions.executor.app.benchmark;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.domain.benchmark.PlanFacts;

/**
 * A benchmark's hold on one database: a session per side (the before side with pruning off where the job asks),
 * read-only, under the job's statement_timeout, and the database's benchmark lock for as long as it is open.
 */
public interface BenchmarkSession extends AutoCloseable {

    /** The two sides. */
    enum Side { BEFORE, AFTER }

    /** VACUUM ANALYZE {@code relation}; false when the server skipped it (not the owner). */
    boolean vacuumAnalyze(TableRef relation) throws BenchmarkException;

    /**
     * Makes {@code copy} an unpartitioned copy of {@code source} (columns, defaults, constraints, indexes) from one
     * snapshot; refuses when {@code source} is larger than {@code maxBytes}.
     */
    void copy(TableRef source, TableRef copy, long maxBytes) throws BenchmarkException;

    /** Drops {@code copy}; must not throw (the next benchmark of the database drops leftovers too). */
    void dropCopy(TableRef copy);

    /** Leaf partitions of {@code relation} (0 for a plain table). */
    int partitions(TableRef relation) throws BenchmarkException;

    /** Runs {@code sql} on {@code side}, reading every row; returns the wall time in milliseconds. */
    double time(Side side, String sql) throws BenchmarkException;

    /** The row count and an order-independent checksum of {@code sql}'s result. */
    Digest digest(Side side, String sql) throws BenchmarkException;

    /** One EXPLAIN (ANALYZE, BUFFERS) of {@code sql} on {@code side}, read for pruning, buffers and scans. */
    PlanFacts explain(Side side, String sql, TableRef relation) throws BenchmarkException;

    @Override
    void close();

    /** A result's size and checksum. */
    record Digest(long rows, String checksum) {
    }

    /** A query or a session failed; {@code timeout} when it was the statement_timeout. */
    final class BenchmarkException extends Exception {
        private final boolean sessionLost;

        public BenchmarkException(String message, boolean sessionLost, Throwable cause) {
            super(message, cause);
            this.sessionLost = sessionLost;
        }

        /** The session is gone (connection lost): nothing more can be measured with it. */
        public boolean sessionLost() {
            return sessionLost;
        }
    }
}
