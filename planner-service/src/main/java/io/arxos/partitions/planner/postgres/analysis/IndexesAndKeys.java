package io.arxos.partitions.planner.postgres.analysis;

import io.arxos.partitions.planner.domain.analysis.IndexInfo;
import io.arxos.partitions.planner.domain.analysis.KeyConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The analysis's reads of indexes and keys: one query each for every table of a database. */
final class IndexesAndKeys {

    private IndexesAndKeys() {
    }

    /** Indexes per table oid; for partitioned tables also those on partitions only, merged by definition. */
    static Map<Long, List<IndexInfo>> indexes(Connection c, Long[] oids, Long[] partitioned) throws SQLException {
        Map<Long, List<IndexInfo>> indexes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(AnalysisQueries.INDEXES)) {
            ps.setArray(1, c.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new IndexInfo(rs.getString(2),
                            strings(rs.getArray(10)), rs.getString(5), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getLong(6), rs.getLong(7), rs.getString(8), Optional.ofNullable(rs.getString(9)),
                            false));
                }
            }
        }
        if (partitioned.length > 0) {
            Map<String, IndexInfo> merged = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(AnalysisQueries.PARTITION_ONLY_INDEXES)) {
                ps.setArray(1, c.createArrayOf("oid", partitioned));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long root = rs.getLong(1);
                        List<String> cols = strings(rs.getArray(9));
                        // the same index on several partitions is one piece of advice
                        String key = root + "|" + rs.getString(4) + "|" + rs.getBoolean(3) + "|" + cols + "|"
                                + rs.getString(8);
                        IndexInfo found = new IndexInfo(rs.getString(2), cols, rs.getString(4), rs.getBoolean(3),
                                false, rs.getLong(5), rs.getLong(6), rs.getString(7),
                                Optional.ofNullable(rs.getString(8)), true);
                        merged.merge(key, found, (a, b) -> new IndexInfo(a.name(), a.columns(), a.method(), a.unique(),
                                false, a.sizeBytes() + b.sizeBytes(), a.scans() + b.scans(), a.definition(),
                                a.predicate(), true));
                        indexes.computeIfAbsent(root, k -> new ArrayList<>());
                    }
                }
            }
            merged.forEach((key, index) -> indexes.get(Long.parseLong(key.substring(0, key.indexOf('|'))))
                    .add(index));
        }
        return indexes;
    }

    /** Primary keys, unique constraints and foreign keys in and out, per table oid. */
    static Map<Long, List<KeyConstraint>> constraints(Connection c, Long[] oids) throws SQLException {
        Map<Long, List<KeyConstraint>> constraints = new HashMap<>();
        Set<Long> selected = new HashSet<>(Arrays.asList(oids));
        try (PreparedStatement ps = c.prepareStatement(AnalysisQueries.CONSTRAINTS)) {
            Array array = c.createArrayOf("oid", oids);
            ps.setArray(1, array);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long own = rs.getLong(1);
                    long referenced = rs.getLong(2);
                    String type = rs.getString(3);
                    String name = rs.getString(4);
                    String definition = rs.getString(5);
                    List<String> ownColumns = strings(rs.getArray(6));
                    List<String> refColumns = strings(rs.getArray(7));
                    if (!type.equals("f")) {
                        constraints.computeIfAbsent(own, k -> new ArrayList<>()).add(new KeyConstraint(name,
                                type.equals("p") ? KeyConstraint.Kind.PRIMARY_KEY : KeyConstraint.Kind.UNIQUE,
                                ownColumns, Optional.empty(), List.of(), definition));
                        continue;
                    }
                    if (selected.contains(own)) {
                        constraints.computeIfAbsent(own, k -> new ArrayList<>()).add(new KeyConstraint(name,
                                KeyConstraint.Kind.FOREIGN_KEY_OUT, ownColumns, Optional.ofNullable(rs.getString(9)),
                                refColumns, definition));
                    }
                    if (selected.contains(referenced)) {
                        constraints.computeIfAbsent(referenced, k -> new ArrayList<>()).add(new KeyConstraint(name,
                                KeyConstraint.Kind.FOREIGN_KEY_IN, refColumns, Optional.ofNullable(rs.getString(8)),
                                ownColumns, definition));
                    }
                }
            }
        }
        return constraints;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
