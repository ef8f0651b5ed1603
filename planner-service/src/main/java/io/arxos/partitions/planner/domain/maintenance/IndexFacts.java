package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.validation.ValidationSnapshot.LocalIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partitioned table's indexes as validation sees them: the parent's, the parent indexes each partition lacks, and
 * indexes that exist on single partitions only.
 */
public record IndexFacts(List<String> parentIndexes, Map<String, Set<String>> missingByPartition,
        List<LocalIndex> partitionOnly) {

    public static final IndexFacts NONE = new IndexFacts(List.of(), Map.of(), List.of());

    public IndexFacts {
        parentIndexes = List.copyOf(parentIndexes);
        missingByPartition = Map.copyOf(missingByPartition);
        partitionOnly = List.copyOf(partitionOnly);
    }
}
