package io.arxos.partitions.planner.domain.analysis;

/** A normalised statement from pg_stat_statements that names the table. */
public record ObservedQuery(String queryId, String text, long calls, double meanMillis, double totalMillis,
        long rows) {
}
