package io.arxos.partitions.planner.domain.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Advice from the observed statements and the existing indexes: rewrites for filters the planner cannot prune with,
 * statements that will visit every partition, composite indexes for equality-plus-range filters, indexes that are
 * unused or exist on partitions only, and whether the data calls for list sub-partitioning.
 */
final class QueryAdvice {

    static final int MAX_TEXT = 200;
    /** Share of filtering calls that must pick one value of a column before list sub-partitioning pays off. */
    static final double LIST_SHARE = 0.8;
    /** Most values a list-partitioning column may have. */
    static final long LIST_MAX_VALUES = 16;

    private QueryAdvice() {
    }

    static List<Advice> rewrites(TableProfile table, String key) {
        List<Advice> advice = new ArrayList<>();
        for (ObservedQuery q : byTime(table)) {
            for (QueryShapes.NonPruning np : QueryShapes.of(q.text(), key).nonPruning()) {
                advice.add(Advice.withSql(Advice.Kind.QUERY_REWRITE, "statement " + q.queryId() + " filters with `"
                        + np.found() + "`: " + np.problem() + " hides the column from partition pruning, so "
                        + "it reads every partition", calls(q) + ": " + shorten(q.text()),
                        np.rewrite()));
            }
        }
        return advice;
    }

    static List<Advice> warnings(TableProfile table, String key, int partitions) {
        long calls = 0;
        int statements = 0;
        for (ObservedQuery q : table.queries()) {
            String lower = q.text().stripLeading().toLowerCase(Locale.ROOT);
            if (lower.startsWith("insert") || lower.startsWith("copy")) {
                continue;
            }
            if (!QueryShapes.of(q.text(), key).filtersAtAll()) {
                calls += q.calls();
                statements++;
            }
        }
        if (statements == 0) {
            return List.of();
        }
        return List.of(Advice.of(Advice.Kind.WARNING, statements + " observed statement(s) (" + Sizes.count(calls)
                + " calls) do not filter by " + key + " and will visit all " + partitions + " partitions",
                "pg_stat_statements texts naming the table without a condition on " + key));
    }

    static List<Advice> indexes(TableProfile table, String key) {
        List<Advice> advice = new ArrayList<>();
        for (Map.Entry<String, Long> e : equalityWithRange(table, key).entrySet()) {
            String column = e.getKey();
            boolean covered = table.indexes().stream().anyMatch(i -> i.leadsWith(column) && i.covers(key));
            if (!covered) {
                advice.add(Advice.withSql(Advice.Kind.INDEX, "composite index (" + column + ", " + key + ") on the "
                        + "partitioned table for statements that pick one " + column + " over a time range",
                        Sizes.count(e.getValue()) + " observed calls filter " + column + " = … and " + key
                                + " by range", "CREATE INDEX ON " + table.table().quoted() + " (" + quote(column)
                                        + ", " + quote(key) + ");"));
            }
        }
        boolean keyIndexed = table.indexes().stream().anyMatch(i -> i.leadsWith(key));
        if (!keyIndexed && KeyChoice.rangeFilterCalls(table, key) > 0) {
            advice.add(Advice.withSql(Advice.Kind.INDEX, "index on " + key + ": ranges narrower than a partition "
                    + "still read their whole partition without it", "no index leads with " + key,
                    "CREATE INDEX ON " + table.table().quoted() + " (" + quote(key) + ");"));
        }
        for (IndexInfo index : table.indexes()) {
            if (index.onPartitionsOnly()) {
                advice.add(Advice.withSql(Advice.Kind.INDEX, "index " + index.name() + " (" + String.join(", ",
                        index.columns()) + ") exists on single partitions only: create it on the parent so "
                        + "every partition, future ones included, has it", index.definition(),
                        "CREATE INDEX ON " + table.table().quoted() + " USING " + index.method() + " ("
                                + String.join(", ", index.columns()) + ");"));
            } else if (index.scans() == 0 && !index.unique() && !index.primary() && !table.partitioned()) {
                advice.add(Advice.of(Advice.Kind.INDEX, "index " + index.name() + " was not used since statistics "
                        + "were reset: leave it out of the partitioned table (" + Sizes.human(index.sizeBytes())
                        + ")", "pg_stat_user_indexes.idx_scan = 0"));
            }
        }
        return advice;
    }

    /** A column most filtering calls pick one value of, with few values: list sub-partitioning pays off. */
    static Optional<CategoryColumn> listColumn(TableProfile table) {
        long filtering = table.queries().stream().filter(q -> !isWrite(q)).mapToLong(ObservedQuery::calls).sum();
        if (filtering == 0) {
            return Optional.empty();
        }
        return table.categoryColumns().stream()
                .filter(c -> c.distinctValues() >= 2 && c.distinctValues() <= LIST_MAX_VALUES)
                .filter(c -> equalityCalls(table, c.name().value()) >= LIST_SHARE * filtering)
                .max(Comparator.comparingLong(c -> equalityCalls(table, c.name().value())));
    }

    static long equalityCalls(TableProfile table, String column) {
        return table.queries().stream().filter(q -> !isWrite(q))
                .filter(q -> QueryShapes.of(q.text(), column).filtersByEquality())
                .mapToLong(ObservedQuery::calls).sum();
    }

    /** Columns compared by equality in statements that also filter the key by range, with their calls. */
    private static Map<String, Long> equalityWithRange(TableProfile table, String key) {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (ObservedQuery q : byTime(table)) {
            if (!QueryShapes.of(q.text(), key).filtersByRange()) {
                continue;
            }
            for (String column : table.columns()) {
                if (!column.equals(key) && QueryShapes.of(q.text(), column).filtersByEquality()) {
                    calls.merge(column, q.calls(), Long::sum);
                }
            }
        }
        return calls;
    }

    /** Inserts and copies: they add rows without finding any. */
    static boolean isWrite(ObservedQuery q) {
        String lower = q.text().stripLeading().toLowerCase(Locale.ROOT);
        return lower.startsWith("insert") || lower.startsWith("copy");
    }

    private static List<ObservedQuery> byTime(TableProfile table) {
        return table.queries().stream().sorted(Comparator.comparingDouble(ObservedQuery::totalMillis).reversed())
                .toList();
    }

    static String calls(ObservedQuery q) {
        return String.format(Locale.ROOT, "%s calls, mean %.2f ms", Sizes.count(q.calls()), q.meanMillis());
    }

    static String shorten(String text) {
        String flat = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Column names come from the catalog; double-quoted with embedded quotes doubled, they are always safe. */
    static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
