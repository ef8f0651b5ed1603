package io.arxos.partitions.planner.domain;

import io.arxos.partitions.core.PartitionRange;
import java.time.LocalDateTime;
import java.util.Optional;

/** Size facts of one partition for the metrics event; {@code range} is empty for the default partition. */
public record PartitionStats(String name, Optional<PartitionRange> range, long rowEstimate, long sizeBytes,
        Optional<LocalDateTime> newestKey) {

    public boolean isDefault() {
        return range.isEmpty();
    }
}
