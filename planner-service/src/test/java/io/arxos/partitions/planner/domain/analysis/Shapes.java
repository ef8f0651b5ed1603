package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Table shapes with known answers, built fluently for the advisor's tests. */
final class Shapes {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final long MIB = 1024L * 1024;
    static final DatabaseContext DB = new DatabaseContext(128 * MIB, true);

    private String name = "audit_logs_legacy";
    private boolean partitioned;
    private int partitionCount;
    private TablePolicy policy;
    private long totalBytes = 600 * MIB;
    private long rows = 3_000_000;
    private final List<String> columns = new ArrayList<>(List.of("id", "created_at", "user_id", "action"));
    private final List<TimeColumn> timeColumns = new ArrayList<>();
    private final List<CategoryColumn> categories = new ArrayList<>();
    private final List<IndexInfo> indexes = new ArrayList<>();
    private final List<KeyConstraint> constraints = new ArrayList<>();
    private final List<ObservedQuery> queries = new ArrayList<>();
    private final List<OwnedSequence> sequences = new ArrayList<>();

    static Shapes table(String name) {
        Shapes s = new Shapes();
        s.name = name;
        return s;
    }

    /** The guide's audit log: 12 months of 250k rows, PK (id), index on created_at, a bigserial id. */
    static Shapes auditLog() {
        return table("audit_logs_legacy")
                .timeColumn("created_at", 0.0, 0.99, MONTH.minusMonths(11), MONTH, 250_000)
                .primaryKey("id")
                .index("audit_logs_legacy_created_at_idx", 50 * MIB, 10, "created_at")
                .sequence("id", "public.audit_logs_legacy_id_seq");
    }

    Shapes size(long bytes, long rows) {
        this.totalBytes = bytes;
        this.rows = rows;
        return this;
    }

    Shapes partitioned(int count) {
        this.partitioned = true;
        this.partitionCount = count;
        return this;
    }

    Shapes policy(int retentionMonths, int premake) {
        this.policy = new TablePolicy(TableRef.of("public", name), Identifier.of("created_at"),
                PartitionInterval.MONTHLY, premake, retentionMonths, RetentionAction.DROP,
                Identifier.of("archive"));
        return this;
    }

    Shapes timeColumn(String column, double nullFraction, double correlation, YearMonth from, YearMonth to,
            long rowsPerMonth) {
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, rowsPerMonth);
        }
        timeColumns.add(new TimeColumn(Identifier.of(column), KeyType.TIMESTAMPTZ, nullFraction == 0, nullFraction,
                OptionalDouble.of(correlation), true, Optional.of(from.atDay(1).atStartOfDay().toInstant(
                        java.time.ZoneOffset.UTC)), Optional.of(NOW), months, TimeColumn.CountSource.STATISTICS,
                "pg_stats of a recent ANALYZE"));
        if (!columns.contains(column)) {
            columns.add(column);
        }
        return this;
    }

    Shapes category(String column, long values) {
        categories.add(new CategoryColumn(Identifier.of(column), values));
        if (!columns.contains(column)) {
            columns.add(column);
        }
        return this;
    }

    Shapes primaryKey(String... cols) {
        constraints.add(new KeyConstraint(name + "_pkey", KeyConstraint.Kind.PRIMARY_KEY, List.of(cols),
                Optional.empty(), List.of(), "PRIMARY KEY (" + String.join(", ", cols) + ")"));
        indexes.add(new IndexInfo(name + "_pkey", List.of(cols), "btree", true, true, 60 * MIB, 100,
                "CREATE UNIQUE INDEX " + name + "_pkey ON public." + name + " USING btree (" + String.join(", ", cols)
                        + ")", Optional.empty(), false));
        return this;
    }

    Shapes referencedBy(String otherTable, String otherColumn, String ownColumn) {
        constraints.add(new KeyConstraint(otherTable + "_" + otherColumn + "_fkey", KeyConstraint.Kind.FOREIGN_KEY_IN,
                List.of(ownColumn), Optional.of("public." + otherTable), List.of(otherColumn),
                "FOREIGN KEY (" + otherColumn + ") REFERENCES " + name + "(" + ownColumn + ")"));
        return this;
    }

    Shapes index(String indexName, long bytes, long scans, String... cols) {
        indexes.add(new IndexInfo(indexName, List.of(cols), "btree", false, false, bytes, scans,
                "CREATE INDEX " + indexName + " ON public." + name + " USING btree (" + String.join(", ", cols) + ")",
                Optional.empty(), false));
        return this;
    }

    Shapes partitionOnlyIndex(String indexName, String... cols) {
        indexes.add(new IndexInfo(indexName, List.of(cols), "btree", false, false, MIB, 5,
                "CREATE INDEX " + indexName + " ON public." + name + "_p2026_10 USING btree (" + String.join(", ", cols)
                        + ")", Optional.empty(), true));
        return this;
    }

    Shapes query(String text, long calls, double meanMillis) {
        queries.add(new ObservedQuery(Integer.toString(queries.size() + 1), text, calls, meanMillis,
                calls * meanMillis, calls));
        return this;
    }

    Shapes sequence(String column, String sequence) {
        sequences.add(new OwnedSequence(Identifier.of(column), sequence, false));
        return this;
    }

    TableProfile build() {
        return new TableProfile(TableRef.of("public", name), partitioned, partitionCount, Optional.ofNullable(policy),
                totalBytes, totalBytes * 3 / 4, totalBytes / 4, rows, Activity.none(Duration.ofSeconds(10)), columns,
                timeColumns, categories, indexes, constraints, queries, sequences);
    }

    Recommendation recommend() {
        return PartitioningAdvisor.recommend(build(), DB, AnalysisSettings.defaults(), NOW);
    }

    Recommendation recommend(AnalysisSettings settings) {
        return PartitioningAdvisor.recommend(build(), DB, settings, NOW);
    }
}
