package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun.AnalysedDatabase;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Activity;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Advice;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Constraint;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Estimate;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Index;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.MonthRows;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Query;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Recommendation;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.TimeColumn;
import java.time.Instant;
import java.util.List;

/**
 * One realistic analysis of the {@code orders} database (a HIGH candidate, a table BLOCKED by an incoming foreign key,
 * a NOT_RECOMMENDED lookup table) with a second database, {@code billing}, that could not be analysed.
 */
public final class SampleAnalyses {

    public static final String ANALYSIS = "analysis-2025-06-15";
    public static final Instant REQUESTED_AT = Instant.parse("2025-06-15T10:00:00Z");
    public static final Instant REPORTED_AT = Instant.parse("2025-06-15T10:01:05.250Z");
    public static final TableName EVENTS = new TableName("orders", "public", "events");
    public static final TableName ORDERS = new TableName("orders", "public", "orders");
    public static final TableName COUNTRIES = new TableName("orders", "public", "countries");

    private static final long GIB = 1024L * 1024 * 1024;

    private SampleAnalyses() {
    }

    /** The run summary: orders analysed (3 tables), billing unreachable. */
    public static AnalysedRun run() {
        return run(ANALYSIS, 3, ordersDatabase(3), billingFailed());
    }

    public static AnalysedRun run(String id, int tables, AnalysedDatabase... databases) {
        return new AnalysedRun(id, "partctl@dba-laptop", REQUESTED_AT, List.of(databases), tables, null);
    }

    /** A request refused as a whole: no databases, no tables. */
    public static AnalysedRun refused(String id, String error) {
        return new AnalysedRun(id, "partctl@dba-laptop", REQUESTED_AT, List.of(), 0, error);
    }

    public static AnalysedDatabase ordersDatabase(int tables) {
        return new AnalysedDatabase("orders", null, "16.3", tables, 60_000, Instant.parse("2025-05-01T00:00:00Z"),
                false, "installed", 64_200, 4_200);
    }

    public static AnalysedDatabase billingFailed() {
        return new AnalysedDatabase("billing", "connection refused (billing-db:5432)", null, 0, 0, null, false,
                "unknown", 2_100, 0);
    }

    public static List<AnalysedTable> tables() {
        return List.of(countries(), events(), orders());
    }

    /** 48 GiB of append-only events, queried by time: partition monthly by created_at. */
    public static AnalysedTable events() {
        TimeColumn createdAt = new TimeColumn("created_at", "TIMESTAMPTZ", true, 0.0, 0.998, true,
                Instant.parse("2024-10-01T00:00:03Z"), Instant.parse("2025-06-15T09:59:58Z"), List.of(
                        new MonthRows("2024-10", 31_000_000), new MonthRows("2024-11", 32_500_000),
                        new MonthRows("2024-12", 36_000_000), new MonthRows("2025-01", 34_000_000),
                        new MonthRows("2025-02", 35_200_000), new MonthRows("2025-03", 38_100_000),
                        new MonthRows("2025-04", 39_000_000), new MonthRows("2025-05", 40_200_000),
                        new MonthRows("2025-06", 19_100_000)),
                "statistics", "pg_stats histogram of 100 buckets, analysed 2 h ago");
        TimeColumn updatedAt = new TimeColumn("updated_at", "TIMESTAMPTZ", false, 0.35, 0.41, false,
                Instant.parse("2024-10-02T08:00:00Z"), Instant.parse("2025-06-15T09:59:40Z"), List.of(), "statistics",
                "no monthly counts: the column is updated in place");
        return new AnalysedTable(EVENTS, false, 0, false, 48 * GIB, 36 * GIB, 12 * GIB, 305_100_000,
                new Activity(60_000, 7_200, 12, 0, 2, 5_400, 412_000_000, 1_200_000, 0, 120_000,
                        Instant.parse("2025-06-14T03:12:00Z"), Instant.parse("2025-06-15T08:00:00Z")),
                List.of(createdAt, updatedAt),
                List.of(new Index("events_pkey", List.of("id"), true, true, 6 * GIB + GIB / 2, 2_100_000,
                        "CREATE UNIQUE INDEX events_pkey ON public.events USING btree (id)", false),
                        new Index("events_created_at_idx", List.of("created_at"), false, false, 4 * GIB, 880_000,
                                "CREATE INDEX events_created_at_idx ON public.events USING btree (created_at)", false),
                        new Index("events_customer_idx", List.of("customer_id", "created_at"), false, false,
                                GIB + GIB / 2, 15_000, "CREATE INDEX events_customer_idx ON public.events USING btree "
                                        + "(customer_id, created_at)", false)),
                List.of(new Constraint("events_pkey", "PRIMARY_KEY", List.of("id"), null, List.of(),
                        "PRIMARY KEY (id)"),
                        new Constraint("events_customer_id_fkey", "FOREIGN_KEY_OUT", List.of("customer_id"),
                                "public.customers", List.of("id"),
                                "FOREIGN KEY (customer_id) REFERENCES customers(id)")),
                List.of(new Query("-811", "SELECT * FROM events WHERE customer_id = $1 AND created_at >= $2\n"
                        + "ORDER BY created_at DESC LIMIT $3", 2_000_000, 1.8, 3_600_000, 40_000_000),
                        new Query("42", "SELECT id || ':' || kind AS label FROM events WHERE id = $1", 900_000, 0.4,
                                360_000, 900_000),
                        new Query("77", "/* `nightly` export */ SELECT date_trunc($1, created_at) AS month, kind, "
                                + "count(*) AS events, count(DISTINCT customer_id) AS customers, sum(length(payload)) "
                                + "AS payload_bytes FROM events WHERE created_at >= $2 AND created_at < $3 "
                                + "GROUP BY month, kind ORDER BY month, kind", 30, 42_000.5, 1_260_015,
                                9_000),
                        new Query("13", "INSERT INTO events (customer_id, kind, payload, created_at) VALUES ($1, $2, "
                                + "$3, $4)", 412_000_000, 0.05, 20_600_000, 412_000_000)),
                new Recommendation(AnalysisPriority.HIGH, "created_at", "RANGE", "1 month", 12, 3, List.of(
                        new Advice(AdviceKind.REASON, "public.events holds 48.0 GiB and grows by about 40 million "
                                + "rows a month.", "pg_total_relation_size; created_at statistics for 2025-05", null),
                        new Advice(AdviceKind.REASON, "Nearly every read filters on created_at, so monthly "
                                + "partitions prune to one or two partitions.",
                                "pg_stat_statements: 3 of 4 statements by total time", null),
                        new Advice(AdviceKind.REQUIRED_CHANGE, "The primary key (id) must include the partition "
                                + "key: PRIMARY KEY (id, created_at).",
                                "unique constraints on a partitioned table must include every partition key column",
                                "ALTER TABLE public.events DROP CONSTRAINT events_pkey,\n"
                                        + "    ADD PRIMARY KEY (id, created_at);"),
                        new Advice(AdviceKind.INDEX, "events_created_at_idx stays useful within each partition; "
                                + "create it on the partitioned parent.", null,
                                "CREATE INDEX ON public.events_partitioned (created_at);"),
                        new Advice(AdviceKind.QUERY_REWRITE, "The lookup by id alone reads every partition; pass "
                                + "the created_at range when the caller knows it.",
                                "queryid 42: 900,000 calls filter on id only",
                                "SELECT id || ':' || kind AS label FROM events\n"
                                        + "WHERE id = $1 AND created_at >= $2 AND created_at < $3"),
                        new Advice(AdviceKind.WARNING, "updated_at is 35% NULL and poorly correlated; it is no "
                                + "partition key.", "pg_stats: null_frac 0.35, correlation 0.41", null),
                        new Advice(AdviceKind.RETENTION, "Keep 12 months; the oldest partition can then be "
                                + "detached each month.", "no query reads rows older than 9 months", null),
                        new Advice(AdviceKind.PREMAKE, "Keep 3 months of partitions ready ahead.",
                                "about 40 million rows a month; a missing partition would send rows to the default",
                                null)),
                        List.of(new Estimate("partition_count", "Partitions to create", 9.0, "partitions",
                                "2024-10 to 2025-06 at 1 month"),
                                new Estimate("partition_size_bytes", "Size of one month", 5.9e9, "bytes",
                                        "48.0 GiB over 305 million rows, 40.2 million rows in 2025-05"),
                                new Estimate("partitions_touched_7_day_query", "Partitions read by the 7-day "
                                        + "customer query", 2.0, "partitions", "queryid -811 filters created_at >= "
                                                + "now() - 7 days"),
                                new Estimate("scan_ratio_7_day_query", "Share of the table the 7-day query scans",
                                        0.035, "ratio", "2 of 9 months, weighted by rows"),
                                new Estimate("retention_reclaim_bytes", "Space freed by 12-month retention", null,
                                        "bytes", "no rows are older than 12 months yet; measure again after 2025-10"),
                                new Estimate("rows_to_copy", "Rows to copy", 305_100_000.0, "rows",
                                        "pg_class.reltuples")),
                        List.of("CREATE TABLE public.events_partitioned (LIKE public.events INCLUDING DEFAULTS "
                                + "INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);",
                                "ALTER TABLE public.events_partitioned ADD PRIMARY KEY (id, created_at);",
                                "CREATE TABLE public.events_p2025_06 PARTITION OF public.events_partitioned\n"
                                        + "    FOR VALUES FROM ('2025-06-01') TO ('2025-07-01');")));
    }

    /** 20 GiB of orders that would deserve partitioning, but order_lines references them. */
    public static AnalysedTable orders() {
        TimeColumn placedAt = new TimeColumn("placed_at", "TIMESTAMPTZ", true, 0.0, 0.97, true,
                Instant.parse("2025-04-01T00:02:00Z"), Instant.parse("2025-06-15T09:58:00Z"), List.of(
                        new MonthRows("2025-04", 3_000_000), new MonthRows("2025-05", 3_100_000),
                        new MonthRows("2025-06", 1_400_000)),
                "sample", "1% block sample (TABLESAMPLE SYSTEM), scaled to the table");
        return new AnalysedTable(ORDERS, false, 0, false, 20 * GIB, 14 * GIB, 6 * GIB, 95_000_000,
                new Activity(60_000, 900, 1_800, 0, 0, 20_000, 95_000_000, 180_000_000, 0, 2_400_000,
                        Instant.parse("2025-06-15T01:00:00Z"), Instant.parse("2025-06-15T01:05:00Z")),
                List.of(placedAt),
                List.of(new Index("orders_pkey", List.of("id"), true, true, 6 * GIB, 9_000_000,
                        "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)", false)),
                List.of(new Constraint("orders_pkey", "PRIMARY_KEY", List.of("id"), null, List.of(),
                        "PRIMARY KEY (id)"),
                        new Constraint("order_lines_order_id_fkey", Constraint.FOREIGN_KEY_IN, List.of("id"),
                                "public.order_lines", List.of("order_id"),
                                "FOREIGN KEY (order_id) REFERENCES orders(id)")),
                List.of(new Query("5", "UPDATE orders SET status = $1 WHERE id = $2", 180_000_000, 0.3, 54_000_000,
                        180_000_000)),
                new Recommendation(AnalysisPriority.BLOCKED, "placed_at", "RANGE", "1 month", null, 3, List.of(
                        new Advice(AdviceKind.REASON, "public.orders holds 20.0 GiB and grows by about 3 million "
                                + "rows a month.", "pg_total_relation_size; placed_at sample for 2025-05", null),
                        new Advice(AdviceKind.BLOCKER, "Foreign key order_lines_order_id_fkey on public.order_lines "
                                + "(order_id) references orders (id): partitioned, orders needs a primary key that "
                                + "includes placed_at, so public.order_lines would have to carry placed_at as well.",
                                "pg_constraint: 1 incoming foreign key",
                                "ALTER TABLE public.order_lines ADD COLUMN order_placed_at timestamptz;")),
                        List.of(new Estimate("partition_count", "Partitions to create", 3.0, "partitions",
                                "2025-04 to 2025-06 at 1 month")),
                        List.of()));
    }

    /** A lookup table: far too small to partition. */
    public static AnalysedTable countries() {
        return new AnalysedTable(COUNTRIES, false, 0, false, 49_152, 16_384, 32_768, 250,
                new Activity(60_000, 0, 0, 0, 0, 300, 250, 3, 0, 0, null, Instant.parse("2025-01-10T04:00:00Z")),
                List.of(),
                List.of(new Index("countries_pkey", List.of("code"), true, true, 16_384, 4_000_000,
                        "CREATE UNIQUE INDEX countries_pkey ON public.countries USING btree (code)", false)),
                List.of(new Constraint("countries_pkey", "PRIMARY_KEY", List.of("code"), null, List.of(),
                        "PRIMARY KEY (code)")),
                List.of(),
                new Recommendation(AnalysisPriority.NOT_RECOMMENDED, null, null, null, null, null, List.of(
                        new Advice(AdviceKind.REASON, "Lookup table of 250 rows (48.0 KiB) without a date or "
                                + "timestamp column: partitioning would only add planning overhead.",
                                "pg_class.reltuples; pg_total_relation_size", null)),
                        List.of(), List.of()));
    }
}
