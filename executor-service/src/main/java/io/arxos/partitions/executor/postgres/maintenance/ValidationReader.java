package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyMonth;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.core.validation.ValidationSnapshot.LocalIndex;
import io.arxos.partitions.core.validation.ValidationSnapshot.PartitionInfo;
import io.arxos.partitions.inventory.CatalogSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what validation needs for one table: partitions with live-row statistics and sizes from the catalog, index
 * facts, and the default partition's rows by month, whose total is also its exact row count. Rows of the other
 * partitions are counted exactly only when asked (rows were just moved, statistics may lag) and the table is small.
 *
 * @param exactCountBelowBytes count every partition's rows exactly below this total size (0: never)
 */
record ValidationReader(Connection c, TablePolicy policy, KeyType keyType, long exactCountBelowBytes) {

    ValidationSnapshot read() throws SQLException {
        List<PartitionInfo> partitions = new ArrayList<>();
        Catalog catalog = catalog(partitions);
        List<String> parentIndexes = new ArrayList<>(catalog.parentIndexes());
        Map<String, Set<String>> missing = new HashMap<>();
        List<LocalIndex> local = new ArrayList<>();
        if (catalog.indexProblems()) { // only then the details: a healthy table costs no further query
            parentIndexes.clear();
            indexes(parentIndexes, missing, local);
        }
        Map<String, Set<String>> attached = new HashMap<>();
        for (PartitionInfo p : partitions) {
            Set<String> carried = new HashSet<>(parentIndexes);
            carried.removeAll(missing.getOrDefault(p.name(), Set.of()));
            attached.put(p.name(), carried);
        }
        Map<YearMonth, Long> defaultRows = new HashMap<>();
        long nulls = 0;
        PartitionInfo defaultPartition = partitions.stream().filter(PartitionInfo::isDefault).findFirst()
                .orElse(null);
        // an empty file holds no rows: the scan of the (usually empty) default partition is skipped
        if (defaultPartition != null && catalog.defaultHeapBytes() > 0 && Identifier.isPlain(defaultPartition.name())) {
            nulls = defaultRowsByMonth(Identifier.of(defaultPartition.name()), defaultRows);
        }
        if (defaultPartition != null) {
            long exact = defaultRows.values().stream().mapToLong(Long::longValue).sum() + nulls;
            partitions.replaceAll(p -> p.isDefault() ? new PartitionInfo(p.name(), p.range(), exact, p.sizeBytes())
                    : p);
        }
        return new ValidationSnapshot(partitions, parentIndexes, attached, local, defaultRows, nulls);
    }

    /** What one catalog read told besides the partitions. */
    private record Catalog(long defaultHeapBytes, List<String> parentIndexes, boolean indexProblems) {
    }

    /**
     * Fills {@code partitions} from one catalog query that also tells the default partition's heap size, the parent's
     * indexes, and whether any index problem exists (an invalid parent index, or an index on a partition only).
     */
    private Catalog catalog(List<PartitionInfo> partitions) throws SQLException {
        long totalBytes = 0;
        long defaultHeap = 0;
        boolean problems = false;
        List<String> parentIndexes = new ArrayList<>();
        // the catalog directly, not v_partition_sizes: the view's pg_stat_user_tables aggregates every relation of
        // the database and its pg_total_relation_size opens every index, so each validation cost more the more
        // tables and partitions the database holds
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, pg_get_expr(c.relpartbound, c.oid),"
                + " pg_stat_get_live_tuples(c.oid), " + CatalogSql.sizeBytes("c") + ", CASE WHEN"
                + " pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' THEN pg_relation_size(c.oid) ELSE 0 END,"
                + " (SELECT count(*) FROM pg_index x WHERE x.indrelid = c.oid AND NOT EXISTS"
                + " (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = x.indexrelid)), p.indexes, p.invalid"
                + " FROM (SELECT array(SELECT ix.relname::text FROM pg_index x JOIN pg_class ix"
                + " ON ix.oid = x.indexrelid WHERE x.indrelid = to_regclass(?) ORDER BY 1) AS indexes,"
                + " (SELECT count(*) FROM pg_index x WHERE x.indrelid = to_regclass(?) AND NOT x.indisvalid)"
                + " AS invalid) p CROSS JOIN pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass(?) ORDER BY c.relname")) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, policy.table().quoted());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String bound = rs.getString(2);
                    boolean isDefault = PartitionBoundExpression.isDefault(bound);
                    java.util.Optional<PartitionRange> range = isDefault ? java.util.Optional.empty()
                            : PartitionBoundExpression.parseRange(bound);
                    if (parentIndexes.isEmpty()) {
                        parentIndexes.addAll(java.util.Arrays.asList((String[]) rs.getArray(7).getArray()));
                    }
                    problems |= rs.getLong(6) > 0 || rs.getLong(8) > 0;
                    if (range.isEmpty() && !isDefault) {
                        continue; // bounds this tool does not manage; the planner reports the table as unusable
                    }
                    partitions.add(new PartitionInfo(rs.getString(1), range, rs.getLong(3), rs.getLong(4)));
                    totalBytes += rs.getLong(4);
                    defaultHeap += rs.getLong(5);
                }
            }
        }
        if (totalBytes < exactCountBelowBytes) {
            countExactly(partitions);
        }
        return new Catalog(defaultHeap, parentIndexes, problems);
    }

    /** Rows were just moved and statistics may lag: one scan of a small table gives exact counts. */
    private void countExactly(List<PartitionInfo> partitions) throws SQLException {
        Map<String, Long> exact = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.relname, count(*) FROM " + policy.table().quoted()
                + " t JOIN pg_class r ON r.oid = t.tableoid GROUP BY r.relname"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                exact.put(rs.getString(1), rs.getLong(2));
            }
        }
        partitions.replaceAll(p -> new PartitionInfo(p.name(), p.range(), exact.getOrDefault(p.name(), 0L),
                p.sizeBytes()));
    }

    private void indexes(List<String> parentIndexes, Map<String, Set<String>> missing, List<LocalIndex> local)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CatalogSql.INDEX_FACTS)) {
            ps.setArray(1, c.createArrayOf("text", new Object[] {policy.table().schema().value()}));
            ps.setArray(2, c.createArrayOf("text", new Object[] {policy.table().table().value()}));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(2)) {
                        case "parent" -> parentIndexes.add(rs.getString(4));
                        case "missing" -> missing.computeIfAbsent(rs.getString(3), k -> new HashSet<>())
                                .add(rs.getString(4));
                        default -> local.add(new LocalIndex(rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        parentIndexes.sort(null);
    }

    /** The default partition's rows by key month (UTC for timestamptz); returns the rows with a NULL key. */
    private long defaultRowsByMonth(Identifier defaultName, Map<YearMonth, Long> byMonth) throws SQLException {
        String key = policy.partitionKey().quoted();
        String month = keyType == KeyType.TIMESTAMPTZ ? "(" + key + " AT TIME ZONE 'UTC')" : key;
        long nulls = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT to_char(date_trunc('month', " + month
                + "), 'YYYY-MM'), count(*) FROM " + policy.table().sibling(defaultName).quoted() + " GROUP BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) == null) {
                    nulls += rs.getLong(2);
                } else {
                    byMonth.merge(KeyMonth.parse(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        return nulls;
    }
}
