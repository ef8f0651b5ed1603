package io.arxos.partitions.planner.domain.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the partition key among a table's date and timestamp columns: one that most observed statements filter by
 * range, then the one most correlated with the physical order (how append-only time series look), then NOT NULL,
 * then indexed. Columns mostly NULL or without a single counted row are not usable.
 */
final class KeyChoice {

    /** More NULLs than this and most rows would land in the default partition. */
    static final double MAX_NULL_FRACTION = 0.5;

    private KeyChoice() {
    }

    static List<TimeColumn> usable(TableProfile table) {
        return table.timeColumns().stream()
                .filter(c -> c.nullFraction() <= MAX_NULL_FRACTION && c.countedRows() > 0)
                .toList();
    }

    static Optional<TimeColumn> choose(TableProfile table) {
        return usable(table).stream().max(Comparator
                .comparingLong((TimeColumn c) -> rangeFilterCalls(table, c.name().value()))
                .thenComparingDouble(c -> c.correlation().isPresent() ? Math.abs(c.correlation().getAsDouble()) : 0)
                .thenComparing(TimeColumn::notNull)
                .thenComparing(TimeColumn::indexed)
                .thenComparing(c -> c.name().value().toLowerCase(Locale.ROOT), Comparator.reverseOrder()));
    }

    /** Calls of observed statements that filter {@code column} by a range. */
    static long rangeFilterCalls(TableProfile table, String column) {
        return table.queries().stream()
                .filter(q -> QueryShapes.of(q.text(), column).filtersByRange())
                .mapToLong(ObservedQuery::calls)
                .sum();
    }

    static String why(TableProfile table, TimeColumn key) {
        StringBuilder basis = new StringBuilder(key.name() + " (" + key.type().sqlName() + ")");
        long calls = rangeFilterCalls(table, key.name().value());
        if (calls > 0) {
            basis.append(": ").append(Sizes.count(calls)).append(" observed calls filter it by range");
        }
        if (key.correlation().isPresent()) {
            basis.append(calls > 0 ? ", " : ": ").append(String.format(Locale.ROOT,
                    "correlation with row order %.2f", key.correlation().getAsDouble()));
        }
        basis.append(key.notNull() ? ", NOT NULL" : String.format(Locale.ROOT, ", nullable (%.1f%% NULL)",
                key.nullFraction() * 100));
        return basis.toString();
    }
}
