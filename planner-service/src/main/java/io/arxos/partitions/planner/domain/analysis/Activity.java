package io.arxos.partitions.planner.domain.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A table's write and scan activity: deltas over the observation window and totals since the statistics reset.
 *
 * @param window how long the deltas were observed
 */
public record Activity(
        Duration window,
        long inserts,
        long updates,
        long deletes,
        long sequentialScans,
        long indexScans,
        long insertsSinceReset,
        long updatesSinceReset,
        long deletesSinceReset,
        long deadRows,
        Optional<Instant> lastVacuum,
        Optional<Instant> lastAnalyze) {

    public static Activity none(Duration window) {
        return new Activity(window, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty());
    }
}
