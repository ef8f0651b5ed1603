package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyMonth;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.ValidationSnapshot;
import io.arxos.partitions.executor.domain.ValidationSnapshot.LocalIndex;
import io.arxos.partitions.executor.domain.ValidationSnapshot.PartitionInfo;
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
import java.util.Optional;
import java.util.Set;

/**
 * Reads what validation needs for one table: sizes from the ledger's {@code v_partition_sizes} view (exact row counts
 * in one pass when the table is small), index attachment, and default-partition rows by month.
 */
final class ValidationReader {

    private final Connection c;
    private final TablePolicy policy;
    private final KeyType keyType;
    private final Identifier ledgerSchema;
    private final long exactCountBelowBytes;

    ValidationReader(Connection c, TablePolicy policy, KeyType keyType, Identifier ledgerSchema,
            long exactCountBelowBytes) {
        this.c = c;
        this.policy = policy;
        this.keyType = keyType;
        this.ledgerSchema = ledgerSchema;
        this.exactCountBelowBytes = exactCountBelowBytes;
    }

    ValidationSnapshot read() throws SQLException {
        List<PartitionInfo> partitions = sizes();
        Map<String, Set<String>> attached = new HashMap<>();
        List<String> parentIndexes = new ArrayList<>();
        List<LocalIndex> local = new ArrayList<>();
        indexes(parentIndexes, attached, local);
        Map<YearMonth, Long> defaultRows = new HashMap<>();
        long nulls = 0;
        Optional<PartitionInfo> defaultPartition = partitions.stream().filter(PartitionInfo::isDefault).findFirst();
        if (defaultPartition.isPresent() && Identifier.isPlain(defaultPartition.get().name())) {
            String key = policy.partitionKey().quoted();
            String month = keyType == KeyType.TIMESTAMPTZ ? "(" + key + " AT TIME ZONE 'UTC')" : key;
            String sql = "SELECT to_char(date_trunc('month', " + month + "), 'YYYY-MM'), count(*) FROM "
                    + policy.table().sibling(Identifier.of(defaultPartition.get().name())).quoted() + " GROUP BY 1";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        nulls += rs.getLong(2);
                    } else {
                        defaultRows.merge(KeyMonth.parse(rs.getString(1)), rs.getLong(2), Long::sum);
                    }
                }
            }
        }
        return new ValidationSnapshot(partitions, parentIndexes, attached, local, defaultRows, nulls);
    }

    private List<PartitionInfo> sizes() throws SQLException {
        List<PartitionInfo> partitions = new ArrayList<>();
        long totalBytes = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT partition_name, bound_expression, row_count, size_bytes"
                + " FROM " + ledgerSchema.quoted() + ".v_partition_sizes WHERE parent_schema = ? AND parent_table = ?"
                + " ORDER BY partition_name")) {
            ps.setString(1, policy.table().schema().value());
            ps.setString(2, policy.table().table().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String bound = rs.getString(2);
                    Optional<PartitionRange> range = PartitionBoundExpression.isDefault(bound) ? Optional.empty()
                            : PartitionBoundExpression.parseRange(bound);
                    if (range.isEmpty() && !PartitionBoundExpression.isDefault(bound)) {
                        continue; // bounds this tool does not manage; the planner reports the table as unusable
                    }
                    partitions.add(new PartitionInfo(rs.getString(1), range, rs.getLong(3), rs.getLong(4)));
                    totalBytes += rs.getLong(4);
                }
            }
        }
        if (totalBytes >= exactCountBelowBytes) {
            return partitions;
        }
        // small table: one scan gives exact counts, which reports of freshly moved rows need
        Map<String, Long> exact = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.relname, count(*) FROM " + policy.table().quoted()
                + " t JOIN pg_class r ON r.oid = t.tableoid GROUP BY r.relname"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                exact.put(rs.getString(1), rs.getLong(2));
            }
        }
        return partitions.stream().map(p -> new PartitionInfo(p.name(), p.range(), exact.getOrDefault(p.name(), 0L),
                p.sizeBytes())).toList();
    }

    private void indexes(List<String> parentIndexes, Map<String, Set<String>> attached, List<LocalIndex> local)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ix.relname FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid
                 WHERE x.indrelid = to_regclass(?) ORDER BY 1""")) {
            ps.setString(1, policy.table().quoted());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parentIndexes.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT part.relname, ci.relname, pi.relname
                  FROM pg_inherits pt
                  JOIN pg_class part ON part.oid = pt.inhrelid
                  JOIN pg_index x ON x.indrelid = part.oid
                  JOIN pg_class ci ON ci.oid = x.indexrelid
                  LEFT JOIN pg_inherits ii ON ii.inhrelid = ci.oid
                  LEFT JOIN pg_class pi ON pi.oid = ii.inhparent
                 WHERE pt.inhparent = to_regclass(?)""")) {
            ps.setString(1, policy.table().quoted());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3) == null) {
                        local.add(new LocalIndex(rs.getString(1), rs.getString(2)));
                    } else {
                        attached.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(3));
                    }
                }
            }
        }
    }
}
