package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Measures a database's tables for the analysis: activity counters first, the full profile after the window. */
public interface TableProfiler {

    /** The statistics counters at the start of the observation window. */
    Counters counters(DatabaseId database);

    /**
     * Profiles the selected tables, with write and scan activity as deltas since {@code start}.
     *
     * @param tables {@code schema.table} names; empty means every table
     */
    DatabaseProfile profile(DatabaseId database, List<String> tables, Counters start);

    /** Cumulative statistics of every table at one moment. */
    record Counters(Instant at, Optional<Instant> statsReset, Map<TableRef, TableCounters> tables) {
        public Counters {
            tables = Map.copyOf(tables);
        }
    }

    /** One table's cumulative counters (pg_stat_user_tables, summed over partitions). */
    record TableCounters(long inserts, long updates, long deletes, long sequentialScans, long indexScans) {
    }

    /** The database could not be read; the message names it and says why. */
    class ProfileUnavailableException extends RuntimeException {
        public ProfileUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
