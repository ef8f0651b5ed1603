package io.arxos.partitions.executor.domain.benchmark;

import java.util.List;

/**
 * What one {@code EXPLAIN (ANALYZE, BUFFERS)} of a query showed: the partitions it actually read, those removed at
 * run time, the shared buffers it found in cache and read, and its scan nodes.
 */
public record PlanFacts(int partitionsScanned, int partitionsPrunedAtRunTime, long sharedHitBlocks,
        long sharedReadBlocks, List<String> scanNodes) {

    public PlanFacts {
        scanNodes = List.copyOf(scanNodes);
    }

    public static final PlanFacts NONE = new PlanFacts(0, 0, 0, 0, List.of());
}
