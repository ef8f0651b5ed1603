package io.arxos.partitions.planner.domain.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns a table's queries filter and group by, chosen from the statistics: a low-cardinality column for the
 * selective filter and the GROUP BY (severity, action, object_type…), a high-cardinality one for the point lookup (a
 * user, an object) and a numeric one for the threshold (duration_ms above its 99th percentile). Names DBAs use for
 * such columns are preferred when several qualify; the key and the primary key never serve.
 */
public record ColumnChoice(Optional<ColumnStats> category, Optional<ColumnStats> entity,
        Optional<ColumnStats> measure) {

    static final int MAX_CATEGORIES = 50;
    static final int MIN_ENTITIES = 50;
    private static final List<String> CATEGORY_NAMES = List.of("severity", "level", "action", "object_type",
            "status", "kind", "type", "event_type", "channel");
    private static final List<String> MEASURE_NAMES = List.of("duration_ms", "duration", "elapsed_ms", "size_bytes",
            "bytes", "amount", "rows");

    /**
     * @param excluded the partition key and the primary key's columns
     */
    public static ColumnChoice from(List<ColumnStats> columns, Set<String> excluded) {
        List<ColumnStats> usable = columns.stream().filter(c -> !excluded.contains(c.name()))
                .filter(ColumnStats::comparable).toList();
        Optional<ColumnStats> category = usable.stream().filter(ColumnStats::textual)
                .filter(c -> c.distinctValues() >= 2 && c.distinctValues() <= MAX_CATEGORIES)
                .min(preferred(CATEGORY_NAMES).thenComparing(ColumnStats::distinctValues));
        Optional<ColumnStats> entity = usable.stream()
                .filter(c -> c.distinctValues() >= MIN_ENTITIES && !c.type().equals("boolean"))
                .filter(c -> category.isEmpty() || !c.name().equals(category.get().name()))
                .min(Comparator.<ColumnStats>comparingInt(c -> c.name().endsWith("_id") ? 0 : 1)
                        .thenComparing(c -> -c.distinctValues()));
        Optional<ColumnStats> measure = usable.stream().filter(ColumnStats::numeric)
                .filter(c -> entity.isEmpty() || !c.name().equals(entity.get().name()))
                .filter(c -> !c.name().endsWith("_id") && c.distinctValues() >= MIN_ENTITIES)
                .min(preferred(MEASURE_NAMES).thenComparing(ColumnStats::name));
        return new ColumnChoice(category, entity, measure);
    }

    private static Comparator<ColumnStats> preferred(List<String> names) {
        return Comparator.comparingInt(c -> {
            int i = names.indexOf(c.name());
            return i < 0 ? names.size() : i;
        });
    }
}
