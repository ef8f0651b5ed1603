package io.arxos.partitions.planner.domain.analysis;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recommendation for one table, a pure function of what was measured, the thresholds and the time: whether to
 * partition it (priority and reasons), how (key, strategy, interval, retention, premake), what must change first,
 * what it would buy (estimates) and the statements that would do it.
 */
public final class PartitioningAdvisor {

    private PartitioningAdvisor() {
    }

    public static Recommendation recommend(TableProfile table, DatabaseContext db, AnalysisSettings settings,
            Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        if (table.partitioned()) {
            return alreadyPartitioned(table);
        }
        List<Advice> advice = new ArrayList<>();
        int sizeClass = sizeClass(table, db, settings, advice);
        if (sizeClass == 0) {
            return new Recommendation(Priority.NOT_RECOMMENDED, Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.empty(), advice, List.of(), List.of());
        }
        Optional<TimeColumn> chosen = KeyChoice.choose(table);
        if (chosen.isEmpty()) {
            advice.add(Advice.of(Advice.Kind.BLOCKER, "no usable time column to partition by", noKeyBasis(table)));
            return new Recommendation(Priority.BLOCKED, Optional.empty(),
                    QueryAdvice.listColumn(table).map(c -> "LIST"), Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), withList(table, advice), List.of(), List.of());
        }
        TimeColumn key = chosen.get();
        String keyName = key.name().value();
        advice.add(Advice.of(Advice.Kind.STRATEGY, "range partitioning on " + keyName, KeyChoice.why(table, key)));
        int score = sizeClass + bonuses(table, key, advice);

        OptionalInt retention = retention(table, key, month, advice);
        double monthlyBytes = key.recentRowsPerMonth(month) * table.bytesPerRow();
        int horizon = retention.isPresent() ? retention.getAsInt() : Math.max(1, key.monthsSpanned());
        IntervalChoice.Choice choice = IntervalChoice.choose(monthlyBytes, horizon, settings);
        advice.add(Advice.of(Advice.Kind.STRATEGY, "interval " + choice.interval().label(), choice.basis()));
        int premake = table.policy().map(p -> p.premake()).orElse(IntervalChoice.premake(choice.interval()));
        advice.add(Advice.of(Advice.Kind.PREMAKE, "keep " + premake + " future partitions ready", table.policy()
                .isPresent() ? "the inventory's policy" : "covers at least 35 days ahead: a missed weekly maintenance "
                        + "run and then some"));
        int total = choice.partitions() + premake + 1;
        if (total > settings.maxPartitions()) {
            advice.add(Advice.of(Advice.Kind.WARNING, total + " partitions: planning time and memory grow with the "
                    + "partitions a statement cannot prune", "more than " + settings.maxPartitions() + " partitions; "
                            + "keep statements filtering by " + keyName));
        }
        Optional<String> strategy = Optional.of("RANGE");
        Optional<CategoryColumn> list = QueryAdvice.listColumn(table);
        if (list.isPresent() && choice.partitionBytes() > settings.partitionBudgetBytes() / 4.0) {
            strategy = Optional.of("RANGE+LIST");
            advice.add(Advice.of(Advice.Kind.STRATEGY, "sub-partition each " + choice.interval().label() + " by list "
                    + "on " + list.get().name(), "at least " + Math.round(QueryAdvice.LIST_SHARE * 100) + "% of the "
                            + "reading calls pick one of " + list.get().distinctValues() + " values of "
                            + list.get().name() + ", and partitions would reach "
                            + Sizes.human(choice.partitionBytes())));
        }
        List<Advice> blockers = KeyAdvice.blockers(table, keyName);
        advice.addAll(KeyAdvice.requiredChanges(table, keyName));
        advice.addAll(blockers);
        if (key.nullFraction() > 0) {
            advice.add(Advice.of(Advice.Kind.WARNING, String.format(Locale.ROOT, "%.2f%% of rows have no %s and will "
                    + "stay in the default partition", key.nullFraction() * 100, keyName), "pg_stats null_frac or the "
                            + "sample; make the column NOT NULL or give those rows a value"));
        }
        advice.addAll(QueryAdvice.rewrites(table, keyName));
        advice.addAll(QueryAdvice.warnings(table, keyName, total));
        advice.addAll(QueryAdvice.indexes(table, keyName));
        if (!db.queryStatistics()) {
            advice.add(Advice.of(Advice.Kind.WARNING, "query patterns unknown: pg_stat_statements is not available, "
                    + "so index and rewrite advice is missing", "install pg_stat_statements for advice on queries"));
        }

        Priority priority = blockers.isEmpty() ? fromScore(score) : Priority.BLOCKED;
        if (!blockers.isEmpty()) {
            advice.add(Advice.of(Advice.Kind.REASON, "would be " + fromScore(score) + " once the blockers are "
                    + "resolved"));
        }
        List<Estimate> estimates = PartitionEstimates.of(table, key, choice, premake, month);
        List<String> statements = blockers.isEmpty() && choice.interval() == Interval.MONTH
                ? MigrationScript.render(table, key, premake, month, settings.maxPartitions()) : List.of();
        return new Recommendation(priority, Optional.of(keyName), strategy, Optional.of(choice.interval()), retention,
                OptionalInt.of(premake), advice, estimates, statements);
    }

    private static Recommendation alreadyPartitioned(TableProfile table) {
        List<Advice> advice = new ArrayList<>();
        advice.add(Advice.of(Advice.Kind.REASON, "already partitioned (" + table.partitionCount() + " partitions)"
                + table.policy().map(p -> "; managed by the inventory's policy").orElse("; not in the inventory")));
        table.timeColumns().stream().findFirst().ifPresent(key -> {
            advice.addAll(QueryAdvice.rewrites(table, key.name().value()));
            advice.addAll(QueryAdvice.indexes(table, key.name().value()));
        });
        return new Recommendation(Priority.NOT_RECOMMENDED, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), advice, List.of(), List.of());
    }

    /** 3 at HIGH size, 2 at MEDIUM, 1 at LOW, 0 below (with the reason). */
    private static int sizeClass(TableProfile table, DatabaseContext db, AnalysisSettings settings,
            List<Advice> advice) {
        long size = table.totalBytes();
        String basis = Sizes.human(size) + " total (" + Sizes.count(table.estimatedRows()) + " rows); "
                + settings.describeClasses(db);
        if (size >= settings.high(db)) {
            advice.add(Advice.of(Advice.Kind.REASON, "large: " + Sizes.human(size) + " is at least 4 × the cache",
                    basis));
            return 3;
        }
        if (size >= settings.medium(db)) {
            advice.add(Advice.of(Advice.Kind.REASON, "outgrows the cache: " + Sizes.human(size), basis));
            return 2;
        }
        if (size >= settings.low(db)) {
            advice.add(Advice.of(Advice.Kind.REASON, "small but growing time series: " + Sizes.human(size), basis));
            return 1;
        }
        advice.add(Advice.of(Advice.Kind.REASON, "too small to gain from partitioning: " + Sizes.human(size)
                + " fits in the cache and partitions would only add planning work", basis));
        return 0;
    }

    /** +1 when old rows are deleted by time (retention by DELETE), +1 when most query time filters by the key. */
    private static int bonuses(TableProfile table, TimeColumn key, List<Advice> advice) {
        int bonus = 0;
        List<ObservedQuery> deletes = timeDeletes(table, key);
        if (!deletes.isEmpty()) {
            bonus++;
            advice.add(Advice.of(Advice.Kind.REASON, "old rows are deleted by " + key.name() + ": dropping a partition "
                    + "replaces the DELETE and the VACUUM after it", QueryAdvice.calls(deletes.get(0)) + ": "
                            + QueryAdvice.shorten(deletes.get(0).text())));
        }
        // inserts filter nothing: the share is of the statements that find rows
        List<ObservedQuery> finding = table.queries().stream().filter(q -> !QueryAdvice.isWrite(q)).toList();
        double all = finding.stream().mapToDouble(ObservedQuery::totalMillis).sum();
        // a filter through a cast or date_trunc is time-based access too: its rewrite makes it prunable
        double ranged = finding.stream()
                .filter(q -> {
                    QueryShapes shapes = QueryShapes.of(q.text(), key.name().value());
                    return shapes.filtersByRange() || !shapes.nonPruning().isEmpty();
                })
                .mapToDouble(ObservedQuery::totalMillis).sum();
        if (all > 0 && ranged / all >= 0.5) {
            bonus++;
            advice.add(Advice.of(Advice.Kind.REASON, String.format(Locale.ROOT, "%.0f%% of the time of statements "
                    + "finding rows filters by %s, which partition pruning narrows", ranged / all * 100,
                    key.name()), "pg_stat_statements total_exec_time"));
        }
        return bonus;
    }

    private static List<ObservedQuery> timeDeletes(TableProfile table, TimeColumn key) {
        return table.queries().stream()
                .filter(q -> QueryShapes.isDelete(q.text()) && QueryShapes.of(q.text(), key.name().value())
                        .filtersByRange())
                .toList();
    }

    /**
     * The inventory's retention for a managed table; otherwise, when old rows are deleted by the key, the months the
     * data now spans (the DELETE keeps it at that); otherwise none.
     */
    private static OptionalInt retention(TableProfile table, TimeColumn key, YearMonth now, List<Advice> advice) {
        if (table.policy().isPresent()) {
            int months = table.policy().get().retentionMonths();
            advice.add(Advice.of(Advice.Kind.RETENTION, "retention " + months + " months", "the inventory's policy"));
            return OptionalInt.of(months);
        }
        if (!timeDeletes(table, key).isEmpty() && !key.rowsByMonth().isEmpty()) {
            int months = (int) key.rowsByMonth().firstKey().until(now, java.time.temporal.ChronoUnit.MONTHS) + 1;
            advice.add(Advice.of(Advice.Kind.RETENTION, "retention " + months + " months, then drop (or detach) "
                    + "whole partitions instead of deleting rows", "the oldest " + key.name() + " is in "
                            + key.rowsByMonth().firstKey() + " and a DELETE by " + key.name() + " keeps it there"));
            return OptionalInt.of(months);
        }
        advice.add(Advice.of(Advice.Kind.RETENTION, "no retention observed: the data spans " + key.monthsSpanned()
                + " months; choose a retention to drop old partitions instead of keeping them forever",
                "no DELETE by " + key.name() + " among the observed statements"));
        return OptionalInt.empty();
    }

    private static Priority fromScore(int score) {
        return score >= 3 ? Priority.HIGH : score == 2 ? Priority.MEDIUM : Priority.LOW;
    }

    private static String noKeyBasis(TableProfile table) {
        if (table.timeColumns().isEmpty()) {
            return "the table has no date or timestamp column";
        }
        StringBuilder basis = new StringBuilder();
        for (TimeColumn c : table.timeColumns()) {
            basis.append(basis.length() == 0 ? "" : "; ").append(c.name()).append(String.format(Locale.ROOT,
                    ": %.0f%% NULL, %d rows counted", c.nullFraction() * 100, c.countedRows()));
        }
        return basis.toString();
    }

    private static List<Advice> withList(TableProfile table, List<Advice> advice) {
        QueryAdvice.listColumn(table).ifPresent(c -> advice.add(Advice.of(Advice.Kind.STRATEGY, "list partitioning "
                + "on " + c.name() + " instead", "most reading calls pick one of " + c.distinctValues() + " values")));
        return advice;
    }
}
