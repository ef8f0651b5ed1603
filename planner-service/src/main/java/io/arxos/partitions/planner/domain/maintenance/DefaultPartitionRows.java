package io.arxos.partitions.planner.domain.maintenance;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/** What sits in a table's default partition: rows per key month (UTC for timestamptz) and rows with a NULL key. */
public record DefaultPartitionRows(Map<YearMonth, Long> byMonth, long nullKeyRows) {

    public static final DefaultPartitionRows NONE = new DefaultPartitionRows(Map.of(), 0);

    public DefaultPartitionRows {
        byMonth = Map.copyOf(byMonth);
        if (nullKeyRows < 0) {
            throw new IllegalArgumentException("nullKeyRows " + nullKeyRows + " is negative");
        }
    }

    public long rowsIn(YearMonth month) {
        return byMonth.getOrDefault(month, 0L);
    }

    public long total() {
        return byMonth.values().stream().mapToLong(Long::longValue).sum() + nullKeyRows;
    }

    public TreeMap<YearMonth, Long> sorted() {
        return new TreeMap<>(byMonth);
    }
}
