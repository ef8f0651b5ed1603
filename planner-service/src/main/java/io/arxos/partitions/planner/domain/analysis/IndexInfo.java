package io.arxos.partitions.planner.domain.analysis;

import java.util.List;
import java.util.Optional;

/**
 * An index of an analysed table.
 *
 * @param columns key columns (or expressions) as PostgreSQL prints them, in order
 * @param onPartitionsOnly exists on partitions but not on the partitioned parent
 */
public record IndexInfo(String name, List<String> columns, String method, boolean unique, boolean primary,
        long sizeBytes, long scans, String definition, Optional<String> predicate, boolean onPartitionsOnly) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }

    public boolean leadsWith(String column) {
        return !columns.isEmpty() && unquote(columns.get(0)).equals(column);
    }

    public boolean covers(String column) {
        return columns.stream().map(IndexInfo::unquote).anyMatch(column::equals);
    }

    static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }
}
