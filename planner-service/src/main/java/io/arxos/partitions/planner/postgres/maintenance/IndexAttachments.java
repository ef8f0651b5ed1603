package io.arxos.partitions.planner.postgres.maintenance;

import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.ValidationSnapshot.LocalIndex;
import io.arxos.partitions.planner.domain.maintenance.IndexFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link IndexFacts} for every requested parent in one round trip ({@link CatalogQueries#INDEXES}). */
final class IndexAttachments {

    private IndexAttachments() {
    }

    /** @return facts by the parent's ordinal (1-based position in {@code tables}) */
    static Map<Integer, IndexFacts> read(Connection c, List<TablePolicy> tables) throws SQLException {
        Map<Integer, List<String>> parents = new HashMap<>();
        Map<Integer, Map<String, Set<String>>> missing = new HashMap<>();
        Map<Integer, List<LocalIndex>> local = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CatalogQueries.INDEXES)) {
            ps.setArray(1, c.createArrayOf("text", tables.stream().map(t -> t.table().schema().value()).toArray()));
            ps.setArray(2, c.createArrayOf("text", tables.stream().map(t -> t.table().table().value()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ord = rs.getInt(1);
                    String partition = rs.getString(3);
                    String index = rs.getString(4);
                    switch (rs.getString(2)) {
                        case "parent" -> parents.computeIfAbsent(ord, k -> new ArrayList<>()).add(index);
                        case "missing" -> missing.computeIfAbsent(ord, k -> new HashMap<>())
                                .computeIfAbsent(partition, k -> new HashSet<>()).add(index);
                        default -> local.computeIfAbsent(ord, k -> new ArrayList<>())
                                .add(new LocalIndex(partition, index));
                    }
                }
            }
        }
        Map<Integer, IndexFacts> facts = new HashMap<>();
        for (int ord = 1; ord <= tables.size(); ord++) {
            List<String> own = new ArrayList<>(parents.getOrDefault(ord, List.of()));
            own.sort(null);
            facts.put(ord, new IndexFacts(own, missing.getOrDefault(ord, Map.of()), local.getOrDefault(ord,
                    List.of())));
        }
        return facts;
    }
}
