package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.PartitionRange;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Size facts of one partition for the metrics event and validation; {@code range} is empty for the default partition.
 *
 * @param rowEstimate rows as of the last ANALYZE ({@code reltuples})
 * @param liveRows live rows from the cumulative statistics, as the executor's validation reports them
 * @param newestKey the newest key the column statistics show; read for each table's newest and default partition only
 */
public record PartitionStats(String name, Optional<PartitionRange> range, long rowEstimate, long liveRows,
        long sizeBytes, Optional<LocalDateTime> newestKey) {

    public boolean isDefault() {
        return range.isEmpty();
    }
}
