package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the analysis measured about one table, read from the catalog, statistics and samples. Sizes and counts
 * of a partitioned table are the sums over its partitions.
 *
 * @param columns every column name, in table order
 * @param policy the inventory's policy when the table is managed already
 * @param rowWidthBytes average bytes per row (heap and TOAST over rows), 0 when the table is empty
 */
public record TableProfile(
        TableRef table,
        boolean partitioned,
        int partitionCount,
        Optional<TablePolicy> policy,
        long totalBytes,
        long heapBytes,
        long indexBytes,
        long estimatedRows,
        Activity activity,
        List<String> columns,
        List<TimeColumn> timeColumns,
        List<CategoryColumn> categoryColumns,
        List<IndexInfo> indexes,
        List<KeyConstraint> constraints,
        List<ObservedQuery> queries,
        List<OwnedSequence> sequences) {

    public TableProfile {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(activity, "activity");
        columns = List.copyOf(columns);
        timeColumns = List.copyOf(timeColumns);
        categoryColumns = List.copyOf(categoryColumns);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        queries = List.copyOf(queries);
        sequences = List.copyOf(sequences);
    }

    /** Average on-disk bytes of one row including its share of indexes; 0 for an empty table. */
    public double bytesPerRow() {
        return estimatedRows <= 0 ? 0 : (double) totalBytes / estimatedRows;
    }

    /** The same profile with the inventory's policy attached. */
    public TableProfile withPolicy(Optional<TablePolicy> managedBy) {
        return new TableProfile(table, partitioned, partitionCount, managedBy, totalBytes, heapBytes, indexBytes,
                estimatedRows, activity, columns, timeColumns, categoryColumns, indexes, constraints, queries,
                sequences);
    }
}
