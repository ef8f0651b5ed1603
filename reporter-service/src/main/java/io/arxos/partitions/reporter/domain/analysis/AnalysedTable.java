package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.RunMember;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis measured about one table and what it recommends: sizes, activity, candidate partition keys,
 * indexes, constraints, query patterns and the recommendation with its advice, estimates and migration statements.
 */
public record AnalysedTable(TableName table, boolean partitioned, int partitionCount, boolean managed,
        long totalBytes, long heapBytes, long indexBytes, long estimatedRows, Activity activity,
        List<TimeColumn> timeColumns, List<Index> indexes, List<Constraint> constraints, List<Query> queries,
        Recommendation recommendation) implements RunMember.Item {

    /** The estimate that counts the partitions a migration would create, when the analysis names it so. */
    public static final String PARTITION_COUNT_ESTIMATE = "partition_count";

    public AnalysedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(recommendation, "recommendation");
        timeColumns = copy(timeColumns);
        indexes = copy(indexes);
        constraints = copy(constraints);
        queries = copy(queries);
    }

    /** The table-scoped key {@code <database>/<schema>.<table>}: unique within an analysis. */
    public String key() {
        return table.key();
    }

    /** A table's analysis is counted once per table. */
    @Override
    public String itemId() {
        return key();
    }

    public AnalysisPriority priority() {
        return recommendation.priority();
    }

    /** The profile of the recommended partition key column, when there is one. */
    public Optional<TimeColumn> partitionKeyColumn() {
        return timeColumns.stream().filter(c -> c.column().equals(recommendation.partitionKey())).findFirst();
    }

    /**
     * Rows per month of the recommended key: the latest month before {@code current} (the analysis month, which is
     * not over yet), or the average over the months listed when none is earlier; empty without key or counts.
     */
    public Optional<RowsPerMonth> rowsPerMonth(YearMonth current) {
        List<MonthRows> months = partitionKeyColumn().map(TimeColumn::rowsByMonth).orElse(List.of());
        for (int i = months.size() - 1; i >= 0; i--) {
            MonthRows m = months.get(i);
            if (YearMonth.parse(m.month()).isBefore(current)) {
                return Optional.of(new RowsPerMonth(m.rows(), m.month()));
            }
        }
        if (months.isEmpty()) {
            return Optional.empty();
        }
        long total = months.stream().mapToLong(MonthRows::rows).sum();
        return Optional.of(new RowsPerMonth(Math.round((double) total / months.size()),
                "average of " + months.size() + (months.size() == 1 ? " month" : " months")));
    }

    /**
     * Partitions: those of an already partitioned table; otherwise the {@value #PARTITION_COUNT_ESTIMATE} estimate,
     * or else the first estimate counted in partitions that is not about partitions a query touches.
     */
    public Optional<Long> partitions() {
        if (partitioned) {
            return Optional.of((long) partitionCount);
        }
        Optional<Estimate> named = recommendation.estimates().stream()
                .filter(e -> e.name().equals(PARTITION_COUNT_ESTIMATE) && e.value() != null).findFirst();
        Optional<Estimate> counted = named.isPresent() ? named : recommendation.estimates().stream()
                .filter(e -> "partitions".equals(e.unit()) && e.value() != null && !e.name().contains("touched"))
                .findFirst();
        return counted.map(e -> Math.round(e.value()));
    }

    /** The advice of one kind, in the analysis' order. */
    public List<Advice> advice(AdviceKind kind) {
        return recommendation.advice().stream().filter(a -> a.kind() == kind).toList();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Rows in one month and which month (or "average of n months") the figure stands for. */
    public record RowsPerMonth(long rows, String basis) {
    }

    /**
     * Write and scan activity: deltas over the observation window of {@code windowMillis}, totals since the
     * statistics were reset, dead rows and the last vacuum and analyze.
     */
    public record Activity(long windowMillis, long inserts, long updates, long deletes, long sequentialScans,
            long indexScans, long insertsSinceReset, long updatesSinceReset, long deletesSinceReset, long deadRows,
            Instant lastVacuum, Instant lastAnalyze) {

        /** A window delta as a rate per second; empty when there was no window to measure. */
        public Optional<Double> perSecond(long delta) {
            return windowMillis <= 0 ? Optional.empty() : Optional.of(delta * 1000.0 / windowMillis);
        }
    }

    /** A candidate partition key: a date or timestamp column and how its rows spread over months. */
    public record TimeColumn(String column, String keyType, boolean notNull, double nullFraction, Double correlation,
            boolean indexed, Instant oldest, Instant newest, List<MonthRows> rowsByMonth, String source,
            String sourceDetail) {

        public TimeColumn {
            Objects.requireNonNull(column, "column");
            rowsByMonth = copy(rowsByMonth);
        }
    }

    /** Rows in one month ({@code yyyy-MM}). */
    public record MonthRows(String month, long rows) {
    }

    /** An index of the table; {@code onPartitionsOnly} for one that exists on partitions but not the parent. */
    public record Index(String name, List<String> columns, boolean unique, boolean primary, long sizeBytes,
            long scans, String definition, boolean onPartitionsOnly) {

        public Index {
            columns = copy(columns);
        }
    }

    /**
     * A key or foreign key: {@code kind} is PRIMARY_KEY, UNIQUE, FOREIGN_KEY_OUT (this table references
     * {@code otherTable}) or FOREIGN_KEY_IN ({@code otherTable} references this one).
     */
    public record Constraint(String name, String kind, List<String> columns, String otherTable,
            List<String> otherColumns, String definition) {

        public static final String FOREIGN_KEY_IN = "FOREIGN_KEY_IN";

        public Constraint {
            columns = copy(columns);
            otherColumns = copy(otherColumns);
        }
    }

    /** A normalised statement on the table from pg_stat_statements. */
    public record Query(String queryId, String text, long calls, double meanMillis, double totalMillis, long rows) {
    }

    /** What the analysis recommends, with its advice, estimates and migration statements in order. */
    public record Recommendation(AnalysisPriority priority, String partitionKey, String strategy, String interval,
            Integer retentionMonths, Integer premake, List<Advice> advice, List<Estimate> estimates,
            List<String> migrationStatements) {

        public Recommendation {
            Objects.requireNonNull(priority, "priority");
            advice = copy(advice);
            estimates = copy(estimates);
            migrationStatements = copy(migrationStatements);
        }
    }

    /** One reason, required change, blocker or warning, with the facts it rests on and the SQL that carries it out. */
    public record Advice(AdviceKind kind, String message, String basis, String sql) {

        public Advice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A derived figure in {@code unit} (bytes, partitions, ratio, rows, ms); {@code value} null when not estimated. */
    public record Estimate(String name, String label, Double value, String unit, String basis) {
    }
}
