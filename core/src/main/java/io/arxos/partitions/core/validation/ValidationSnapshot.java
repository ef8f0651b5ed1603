package io.arxos.partitions.core.validation;

import io.arxos.partitions.core.PartitionRange;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything validation looks at for one table: partitions with their sizes, which parent indexes each partition
 * carries, indexes that exist on single partitions only, and the default partition's rows by month.
 */
public record ValidationSnapshot(List<PartitionInfo> partitions, List<String> parentIndexes,
        Map<String, Set<String>> attachedIndexesByPartition, List<LocalIndex> partitionOnlyIndexes,
        Map<YearMonth, Long> defaultRowsByMonth, long defaultNullKeyRows) {

    /** One partition: {@code range} empty for the default; rows exact for small tables, else estimated. */
    public record PartitionInfo(String name, Optional<PartitionRange> range, long rows, long sizeBytes) {
        public boolean isDefault() {
            return range.isEmpty();
        }
    }

    /** An index on one partition that belongs to no index of the parent. */
    public record LocalIndex(String partition, String index) {
    }

    public ValidationSnapshot {
        partitions = List.copyOf(partitions);
        parentIndexes = List.copyOf(parentIndexes);
        attachedIndexesByPartition = Map.copyOf(attachedIndexesByPartition);
        partitionOnlyIndexes = List.copyOf(partitionOnlyIndexes);
        defaultRowsByMonth = Map.copyOf(defaultRowsByMonth);
    }
}
