package io.arxos.partitions.reporter.domain.maintenance;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One partition and its size after a run, from a validate outcome.
 *
 * @param from lower bound, or null for MINVALUE (and for the default partition)
 * @param to upper bound (exclusive), or null for MAXVALUE (and for the default partition)
 * @param rowEstimate estimated rows; negative when the table was never analysed
 */
public record PartitionSize(String name, LocalDateTime from, LocalDateTime to, boolean defaultPartition,
        long rowEstimate,
        long sizeBytes) {

    public PartitionSize {
        Objects.requireNonNull(name, "name");
    }
}
