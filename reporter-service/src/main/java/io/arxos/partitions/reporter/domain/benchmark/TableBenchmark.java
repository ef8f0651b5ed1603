package io.arxos.partitions.reporter.domain.benchmark;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.RunMember;
import java.util.List;

/** One table's benchmark outcome: every query measured on both sides, or why not. */
public record TableBenchmark(String benchmarkId, String commandId, TableName table, String before, String after,
        String baseline, String status, boolean vacuumed, int partitionsInTable, long durationMillis,
        List<QueryPair> queries, String error) implements RunMember.Item {

    public TableBenchmark {
        queries = queries == null ? List.of() : List.copyOf(queries);
    }

    @Override
    public String itemId() {
        return commandId;
    }

    /** One query, its SQL and its measurement on each side. */
    public record QueryPair(String name, String category, String description, String sql, Side before, Side after) {
    }

    /** One query on one relation, as the executor measured it. */
    public record Side(String relation, List<Double> timesMillis, long rows, String checksum, int partitionsScanned,
            int partitionsPrunedAtRunTime, long sharedHitBlocks, long sharedReadBlocks, List<String> scanNodes,
            String error) {

        public Side {
            timesMillis = timesMillis == null ? List.of() : List.copyOf(timesMillis);
            scanNodes = scanNodes == null ? List.of() : List.copyOf(scanNodes);
        }

        /** Shared buffers found in cache over all touched, or null when it touched none. */
        public Double cacheHitRatio() {
            long total = sharedHitBlocks + sharedReadBlocks;
            return total == 0 ? null : (double) sharedHitBlocks / total;
        }
    }
}
