package io.arxos.partitions.reporter.domain.benchmark;

import io.arxos.partitions.reporter.domain.TableName;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Benchmark plans and outcomes for the unit tests. */
final class Benchmarks {

    static final TableName LEGACY = new TableName("arxos", "public", "audit_logs_legacy");
    static final Instant AT = Instant.parse("2026-12-07T14:00:00Z");

    private Benchmarks() {
    }

    static TableBenchmark.Side side(String relation, String checksum, int scanned, double... times) {
        return new TableBenchmark.Side(relation, Arrays.stream(times).boxed().toList(), 1, checksum, scanned, 0, 90,
                10, List.of("Index Scan on " + relation), null);
    }

    static TableBenchmark.QueryPair pair(String name, TableBenchmark.Side before, TableBenchmark.Side after) {
        return new TableBenchmark.QueryPair(name, "time_range", name, "SELECT count(*) FROM {relation}", before,
                after);
    }

    static TableBenchmark outcome(String status, TableBenchmark.QueryPair... pairs) {
        return new TableBenchmark("b-1", "benchmark:1", LEGACY, "public.audit_logs_legacy",
                "public.audit_logs_legacy_partitioned", "migration-original", status, true, 13, 2100,
                List.of(pairs), null);
    }

    static BenchmarkPlan plan(String... commandIds) {
        return new BenchmarkPlan("b-1", "partctl@test", AT, AT.plusSeconds(600), 9, 2, Arrays.stream(commandIds)
                .map(id -> new BenchmarkPlan.Target(id, LEGACY, "public.audit_logs_legacy",
                        "public.audit_logs_legacy_partitioned", "migration-original", 2)).toList(), List.of(
                                "arxos/public.audit_logs: no unpartitioned twin"), null);
    }
}
