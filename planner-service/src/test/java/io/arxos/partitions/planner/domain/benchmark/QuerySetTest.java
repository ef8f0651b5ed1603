package io.arxos.partitions.planner.domain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuerySetTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2026-12-07T14:00:00");
    private static final List<ColumnStats> SLOW_QUERY_LOG = List.of(new ColumnStats("id", "bigint", -1, 100_000),
            new ColumnStats("query", "text", -0.8, 100_000), new ColumnStats("duration_ms", "double precision", -0.9,
                    100_000), new ColumnStats("severity", "text", 4, 100_000), new ColumnStats("user_id", "bigint",
                            2000, 100_000), new ColumnStats("timestamp", "timestamp with time zone", -1, 100_000));

    @Test
    void choosesTheGuidesColumnsFromTheStatistics() {
        ColumnChoice choice = ColumnChoice.from(SLOW_QUERY_LOG, Set.of("id", "timestamp"));

        assertThat(choice.category()).get().extracting(ColumnStats::name).isEqualTo("severity");
        assertThat(choice.entity()).get().extracting(ColumnStats::name).isEqualTo("user_id");
        assertThat(choice.measure()).get().extracting(ColumnStats::name).isEqualTo("duration_ms");
    }

    @Test
    void buildsTheThreeCategoriesWithValuesAndWindowsFromTheData() {
        List<PlannedQuery> queries = QuerySet.build(shape(true), NOW);

        assertThat(queries).extracting(PlannedQuery::name).containsExactly("last_7_days", "latest_full_month",
                "last_30_days", "rare_severity_last_7_days", "group_by_severity_last_30_days", "group_by_severity_all",
                "one_user_id_last_30_days", "one_user_id_any_time", "duration_ms_above_p99");
        assertThat(queries).extracting(PlannedQuery::category).containsOnly("time_range", "aggregation",
                "filtering");
        // the newest row is 2026-12-05 10:00:00: windows end one second after it, the latest whole month is November
        assertThat(sql(queries, "last_7_days")).isEqualTo("SELECT count(*), min(\"timestamp\"), max(\"timestamp\")"
                + " FROM {relation} WHERE \"timestamp\" >= '2026-11-28 10:00:01+00' AND \"timestamp\" < "
                + "'2026-12-05 10:00:01+00'");
        assertThat(sql(queries, "latest_full_month")).contains("'2026-11-01 00:00:00+00'", "'2026-12-01 00:00:00+00'");
        assertThat(sql(queries, "rare_severity_last_7_days")).contains("\"severity\" = 'critical'",
                "ORDER BY \"timestamp\" DESC, \"id\" DESC LIMIT 100");
        assertThat(sql(queries, "one_user_id_any_time")).contains("\"user_id\" = 42").doesNotContain(">=");
        assertThat(sql(queries, "duration_ms_above_p99")).contains("\"duration_ms\" > 1234.5");
    }

    @Test
    void aTableWithoutSuchColumnsGetsTheTimeRangesOnly() {
        assertThat(QuerySet.build(shape(false), NOW)).extracting(PlannedQuery::name).containsExactly("last_7_days",
                "latest_full_month", "last_30_days");
    }

    @Test
    void valuesFromTheDataAreLiteralsNotSql() {
        BenchmarkShape.ColumnValue hostile = new BenchmarkShape.ColumnValue(new ColumnStats("severity", "text", 4,
                10), "x'; DROP TABLE t; --");

        assertThat(hostile.literal()).isEqualTo("'x''; DROP TABLE t; --'::text");
        assertThatThrownBy(() -> new BenchmarkShape.ColumnValue(new ColumnStats("user_id", "bigint", 4, 10),
                "1 OR 1=1").literal()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBaselineIsTheMigrationTwinWhereOneExists() {
        TableRef legacy = TableRef.parse("public.legacy");
        TableRef twin = TableRef.parse("public.legacy_partitioned");
        TableRef backup = TableRef.parse("public.legacy_backup");

        assertThat(Relations.choose(legacy, new Baseline.MigrationTwin(), Map.of(legacy, Relations.Kind.PLAIN, twin,
                Relations.Kind.PARTITIONED))).isEqualTo(new Relations.Compared(legacy, twin, "migration-original"));
        assertThat(Relations.choose(legacy, new Baseline.MigrationTwin(), Map.of(legacy, Relations.Kind.PARTITIONED,
                backup, Relations.Kind.PLAIN))).isEqualTo(new Relations.Compared(backup, legacy, "migration-backup"));
        assertThat(Relations.choose(legacy, new Baseline.MigrationTwin(), Map.of(legacy,
                Relations.Kind.PARTITIONED))).isInstanceOf(Relations.NoBaseline.class);
        assertThat(Relations.choose(legacy, Baseline.parse("pruning-off"), Map.of(legacy,
                Relations.Kind.PARTITIONED))).isEqualTo(new Relations.Compared(legacy, legacy, "pruning-off"));
        assertThat(Relations.choose(legacy, Baseline.parse("copy"), Map.of(legacy, Relations.Kind.PARTITIONED)))
                .isEqualTo(new Relations.Compared(TableRef.parse("partition_scratch.copy_public_legacy"), legacy,
                        "copy"));
    }

    private static BenchmarkShape shape(boolean columns) {
        ColumnStats severity = new ColumnStats("severity", "text", 4, 100_000);
        ColumnStats user = new ColumnStats("user_id", "bigint", 2000, 100_000);
        ColumnStats duration = new ColumnStats("duration_ms", "double precision", -0.9, 100_000);
        return new BenchmarkShape(Identifier.of("timestamp"), KeyType.TIMESTAMPTZ, Optional.of(LocalDateTime.parse(
                "2026-12-05T10:00:00")), List.of(Identifier.of("id")),
                columns ? Optional.of(new BenchmarkShape.ColumnValue(severity, "critical")) : Optional.empty(),
                columns ? Optional.of(new BenchmarkShape.ColumnValue(user, "42")) : Optional.empty(),
                columns ? Optional.of(new BenchmarkShape.ColumnValue(duration, "1234.5")) : Optional.empty());
    }

    private static String sql(List<PlannedQuery> queries, String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow().sql();
    }
}
