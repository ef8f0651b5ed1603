package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a table's queries in the guide's three categories from its shape — time ranges (the last 7 days, the
 * latest complete month, the last 30 days, a selective filter over the last 7 days), aggregations (GROUP BY a
 * low-cardinality column over 30 days and over everything) and filters (one value of a high-cardinality column with
 * and without a time range, a numeric threshold) — with values and month boundaries from the data, so every query
 * finds rows. A query whose column the table does not have is left out. Time is a parameter.
 */
public final class QuerySet {

    static final int ROWS_RETURNED = 100;

    private QuerySet() {
    }

    public static List<PlannedQuery> build(BenchmarkShape shape, LocalDateTime now) {
        LocalDateTime newest = shape.newestKey().filter(n -> n.isBefore(now)).orElse(now);
        // the windows end just after the newest key; a date key moves by whole days
        LocalDateTime anchor = shape.keyType() == KeyType.DATE ? newest.toLocalDate().plusDays(1).atStartOfDay()
                : newest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Window week = new Window(anchor.minusDays(7), anchor, "the last 7 days of data (to " + anchor + ")");
        Window month30 = new Window(anchor.minusDays(30), anchor, "the last 30 days of data");
        YearMonth full = YearMonth.from(anchor.minusSeconds(1)).minusMonths(1);
        Window whole = new Window(full.atDay(1).atStartOfDay(), full.plusMonths(1).atDay(1).atStartOfDay(),
                "the latest complete month, " + full);
        String k = shape.key().quoted();
        KeyType type = shape.keyType();
        List<PlannedQuery> queries = new ArrayList<>();
        queries.add(count("last_7_days", week, k, type));
        queries.add(count("latest_full_month", whole, k, type));
        queries.add(count("last_30_days", month30, k, type));
        String order = order(shape);
        shape.category().ifPresent(c -> {
            queries.add(new PlannedQuery("rare_" + c.column().name() + "_last_7_days", "time_range",
                    c.column().name() + " = " + c.value() + " over " + week.words,
                    "SELECT * FROM " + PlannedQuery.RELATION + " WHERE " + c.quotedName() + " = " + c.literal()
                            + " AND " + week.condition(k, type) + order));
            queries.add(new PlannedQuery("group_by_" + c.column().name() + "_last_30_days", "aggregation",
                    "rows per " + c.column().name() + " over " + month30.words,
                    "SELECT " + c.quotedName() + ", count(*) FROM " + PlannedQuery.RELATION + " WHERE "
                            + month30.condition(k, type) + " GROUP BY 1 ORDER BY 1"));
            queries.add(new PlannedQuery("group_by_" + c.column().name() + "_all", "aggregation",
                    "rows per " + c.column().name() + " over the whole table",
                    "SELECT " + c.quotedName() + ", count(*) FROM " + PlannedQuery.RELATION
                            + " GROUP BY 1 ORDER BY 1"));
        });
        shape.entity().ifPresent(e -> {
            queries.add(new PlannedQuery("one_" + e.column().name() + "_last_30_days", "filtering",
                    e.column().name() + " = " + e.value() + " over " + month30.words,
                    "SELECT * FROM " + PlannedQuery.RELATION + " WHERE " + e.quotedName() + " = " + e.literal()
                            + " AND " + month30.condition(k, type) + order));
            queries.add(new PlannedQuery("one_" + e.column().name() + "_any_time", "filtering",
                    e.column().name() + " = " + e.value() + ", no time range",
                    "SELECT * FROM " + PlannedQuery.RELATION + " WHERE " + e.quotedName() + " = " + e.literal()
                            + order));
        });
        shape.measure().ifPresent(m -> queries.add(new PlannedQuery(m.column().name() + "_above_p99", "filtering",
                m.column().name() + " above its 99th percentile, " + m.value(),
                "SELECT count(*), avg(" + m.quotedName() + ") FROM " + PlannedQuery.RELATION + " WHERE "
                        + m.quotedName() + " > " + m.literal())));
        return queries;
    }

    private static PlannedQuery count(String name, Window window, String key, KeyType type) {
        return new PlannedQuery(name, "time_range", "rows in " + window.words,
                "SELECT count(*), min(" + key + "), max(" + key + ") FROM " + PlannedQuery.RELATION + " WHERE "
                        + window.condition(key, type));
    }

    /** Newest first, ties broken by the primary key, so both sides return the same rows. */
    private static String order(BenchmarkShape shape) {
        List<String> columns = new ArrayList<>();
        columns.add(shape.key().quoted() + " DESC");
        for (Identifier column : shape.primaryKey()) {
            if (!column.equals(shape.key())) {
                columns.add(column.quoted() + " DESC");
            }
        }
        return " ORDER BY " + columns.stream().collect(Collectors.joining(", ")) + " LIMIT " + ROWS_RETURNED;
    }

    /** A half-open time range [from, to) of the key. */
    private record Window(LocalDateTime from, LocalDateTime to, String words) {
        String condition(String key, KeyType type) {
            return key + " >= " + type.literal(from) + " AND " + key + " < " + type.literal(to);
        }
    }
}
